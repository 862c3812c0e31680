"""DRF's throttles, with two changes: the caller is identified by accounts.ratelimit.client_ip (the address
the trusted proxies vouch for, never the client's own X-Forwarded-For), and a cache that cannot be reached
lets the call through with a logged warning instead of answering 500."""

from rest_framework import throttling

from accounts.ratelimit import client_ip, warn_cache_down


class _FailOpen:
    def get_ident(self, request):
        return client_ip(request)

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception as exc:  # noqa: BLE001 - any cache failure fails open
            warn_cache_down(f"throttle {type(self).__name__}", exc)
            return True


class AnonRateThrottle(_FailOpen, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(_FailOpen, throttling.UserRateThrottle):
    pass


class ScopedRateThrottle(_FailOpen, throttling.ScopedRateThrottle):
    pass
