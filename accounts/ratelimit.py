"""Who is calling, and how often: the one place that computes the client address and counts attempts.

`client_ip(request)` is the address django-axes locks (`AXES_CLIENT_IP_CALLABLE`), DRF's throttles key on
(`api.throttling`) and our own limits count. Behind `TRUSTED_PROXY_COUNT` reverse proxies it is the rightmost
address in `X-Forwarded-For` that none of them added (each proxy appends the address it saw; everything to the
left of that was written by the client and proves nothing), and only when the connecting peer is in
`TRUSTED_PROXY_NETWORKS` (a request that reached the server directly proves nothing either). With 0, the
default, only `REMOTE_ADDR` counts.

`hit(scope, key)` counts one attempt in a fixed window and says whether the key is over the scope's limit
(`RATE_LIMITS`, "count/period" as in DRF: "5/10min", "20/hour"). The counters live in the cache; when the cache
is down the limits fail open with a logged warning, so a Redis outage never takes a page down.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

_PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*$")


def _valid_ip(value: str) -> str | None:
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # "[::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.7:5120"
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def _from_trusted_network(address: str) -> bool:
    """Whether the connecting peer is in TRUSTED_PROXY_NETWORKS: a request that reached the server directly,
    not through our proxy, cannot vouch for any X-Forwarded-For hop."""
    ip = ipaddress.ip_address(address)
    for network in getattr(settings, "TRUSTED_PROXY_NETWORKS", ()):
        try:
            if ip in ipaddress.ip_network(network, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_ip(request) -> str:
    """The caller's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the hop they vouch for."""
    meta = request.META
    remote = _valid_ip(meta.get("REMOTE_ADDR", "")) or "0.0.0.0"
    trusted = max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0), 0)
    if not trusted or not _from_trusted_network(remote):
        return remote
    forwarded = [hop.strip() for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    # The chain as the last proxy saw it: the client's claims, then what each proxy appended, then the proxy
    # that connected to us. The trusted proxies are the rightmost `trusted` hops.
    chain = [*forwarded, remote]
    if len(chain) <= trusted:
        # Fewer hops than proxies: the request did not pass them all (or a proxy dropped the header). The
        # leftmost hop we have is the best we know, and it is still one a proxy wrote.
        return _valid_ip(chain[0]) or remote
    return _valid_ip(chain[-(trusted + 1)]) or remote


def parse_rate(rate: str) -> tuple[int, int]:
    """ "5/10min" -> (5, 600). An unreadable rate is a configuration error, raised at once."""
    match = _RATE.match(str(rate).lower())
    if not match or match.group(3) not in _PERIODS:
        raise ValueError(f"Unreadable rate {rate!r}: use e.g. '5/10min', '20/hour'.")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * _PERIODS[unit]


def rate_for(scope: str) -> tuple[int, int] | None:
    rate = settings.RATE_LIMITS.get(scope)
    return parse_rate(rate) if rate else None


_last_warning = 0.0
WARNING_INTERVAL_SECONDS = 60


def warn_cache_down(what: str, exc: BaseException) -> None:
    """One warning a minute per process while the cache is unreachable: visible, without flooding the log."""
    global _last_warning
    now = time.monotonic()
    if now - _last_warning >= WARNING_INTERVAL_SECONDS or _last_warning == 0.0:
        _last_warning = now
        logger.warning("Cache unavailable (%s), failing open: %s: %s", what, type(exc).__name__, exc)


def _cache_key(scope: str, key: str, window: int) -> str:
    digest = hashlib.sha256(str(key).encode()).hexdigest()[:32]  # never an address or e-mail in the key
    return f"ratelimit:{scope}:{digest}:{window}"


def _window(period: int) -> int:
    return int(time.time() // period)


def count(scope: str, key: str) -> int:
    """Attempts counted for the key in the current window (0 when the cache is down)."""
    rate = rate_for(scope)
    if rate is None or not key:
        return 0
    _limit, period = rate
    try:
        return int(cache.get(_cache_key(scope, key, _window(period))) or 0)
    except Exception as exc:  # noqa: BLE001 - any cache failure fails open
        warn_cache_down(f"rate limit {scope}", exc)
        return 0


def over(scope: str, key: str) -> bool:
    """Whether the key has used up the scope's limit, without counting an attempt."""
    rate = rate_for(scope)
    return rate is not None and bool(key) and count(scope, key) >= rate[0]


def hit(scope: str, key: str) -> bool:
    """Count one attempt; True when this attempt is over the limit (refuse it)."""
    rate = rate_for(scope)
    if rate is None or not key:
        return False
    limit, period = rate
    name = _cache_key(scope, key, _window(period))
    try:
        if cache.add(name, 1, timeout=period + 1):
            used = 1
        else:
            try:
                used = cache.incr(name)
            except ValueError:  # expired between add and incr
                cache.add(name, 1, timeout=period + 1)
                used = 1
    except Exception as exc:  # noqa: BLE001 - any cache failure fails open
        warn_cache_down(f"rate limit {scope}", exc)
        return False
    return used > limit


def hit_all(scope: str, *keys: str) -> bool:
    """Count one attempt for each key (an address, an account, a tracking number...); True if any is over."""
    results = [hit(scope, key) for key in keys if key]
    return any(results)
