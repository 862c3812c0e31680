"""The pages' side of accounts.ratelimit: count a public form's attempt and answer a refused one with the
form again (input kept, the message on top) and 429."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from accounts import ratelimit

MESSAGE = _("Terlalu banyak percobaan. Tunggu beberapa menit, lalu coba lagi.")


def over_limit(request, scope: str, *keys) -> bool:
    """Count one attempt for the caller's address, its account and any other keys; True to refuse it."""
    user = getattr(request, "user", None)
    account = f"user:{user.pk}" if user is not None and user.is_authenticated else ""
    return ratelimit.hit_all(scope, f"ip:{ratelimit.client_ip(request)}", account, *[str(k) for k in keys])


def refused(request, template: str, context: dict, form=None):
    if form is not None:
        form.add_error(None, MESSAGE)
    return render(request, template, context, status=429)
