"""What the notifications websocket needs besides the consumer: the groups that name a credential (one session,
one token), the single-use tickets of `POST /api/v1/notifications/ws-ticket/`, and the control events that
reach open sockets when a credential or a membership changes (close at once, or verify and re-join).

Tickets live in the cache (Redis in production), so every web process can redeem them; a ticket is a random
secret of which only a hash is the cache key, it lasts TICKET_SECONDS and opens one socket."""

from __future__ import annotations

import functools
import hashlib
import logging
import secrets
import time

from django.core.cache import cache
from django.db import transaction

log = logging.getLogger(__name__)

TICKET_SECONDS = 60
_TICKET_MAX_LENGTH = 100  # what `secrets.token_urlsafe(32)` gives, with room; longer input is not a ticket


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:40]


def session_group(session_key: str) -> str:
    """The sockets opened with one browser session (closed when it logs out)."""
    return f"session.{_digest(session_key)}"


def token_group(key: str) -> str:
    """The sockets opened with one API token, directly or through its tickets (closed when it is deleted)."""
    return f"token.{_digest(key)}"


def credential_group(request) -> str | None:
    """The group of the credential an HTTP request was authenticated with (token or session)."""
    from rest_framework.authtoken.models import Token

    auth = getattr(request, "auth", None)
    if isinstance(auth, Token):
        return token_group(auth.key)
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    return session_group(session_key) if session_key else None


# --- tickets -------------------------------------------------------------------------------------------------
class TicketUnavailable(Exception):
    """The ticket store (the cache) cannot be reached."""


def _ticket_cache_key(ticket: str) -> str:
    return f"ws-ticket:{hashlib.sha256(ticket.encode()).hexdigest()}"


def ws_ticket_issue(*, user, group: str | None) -> str:
    """A new single-use ticket for `user`; its socket joins `group` (the credential that asked for it)."""
    ticket = secrets.token_urlsafe(32)
    value = {"user": user.pk, "group": group, "expires": time.time() + TICKET_SECONDS}
    try:
        cache.set(_ticket_cache_key(ticket), value, timeout=TICKET_SECONDS)
    except Exception as exc:  # noqa: BLE001 - the cache is down: no ticket, the caller answers 503
        log.warning("websocket ticket store unavailable", exc_info=True)
        raise TicketUnavailable from exc
    return ticket


def ws_ticket_redeem(ticket: str) -> dict | None:
    """The ticket's {user, group}, once: a used, expired or unknown ticket gives None."""
    if not ticket or len(ticket) > _TICKET_MAX_LENGTH:
        return None
    key = _ticket_cache_key(ticket)
    try:
        value = cache.get(key)
        # delete() is true for one caller only: two sockets racing with one ticket cannot both win.
        if value is None or not cache.delete(key):
            return None
    except Exception:  # noqa: BLE001 - the cache is down: the ticket cannot be checked, so it is refused
        log.warning("websocket ticket store unavailable; ticket refused", exc_info=True)
        return None
    if value.get("expires", 0) < time.time():
        return None
    return value


# --- control events to open sockets ----------------------------------------------------------------------------
CLOSE = "ws.close"  # close at once with 4401 (logout, token deleted)
VERIFY = "ws.verify"  # check the credential again and re-join the unit groups (membership or account changed)


def _send(groups: list[str], event_type: str) -> None:
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if layer is None:
        return
    for group in groups:
        try:
            async_to_sync(layer.group_send)(group, {"type": event_type})
        except Exception:  # noqa: BLE001 - the layer is down: logged (hints are not delivered either)
            log.warning("websocket control event %s failed", event_type, exc_info=True)


def sockets_signal(groups: list[str], event_type: str) -> None:
    """Send a control event to these groups after the current transaction commits."""
    if groups:
        transaction.on_commit(functools.partial(_send, list(groups), event_type))
