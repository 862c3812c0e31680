"""Who a websocket belongs to, decided before the consumer runs (inside channels' AuthMiddlewareStack).

- A token credential: `Sec-WebSocket-Protocol: ppid.notifications, token.<key>` (or `ticket.<ticket>`), or the
  query `?ticket=` / `?token=` (kept for existing clients; it lands in proxies' access logs). A token socket
  needs no Origin header: a cross-site page cannot know the token. A credential that does not hold makes the
  socket anonymous (closed with 4401); it never falls back to the session cookie.
- Otherwise the session cookie (browsers). Those sockets keep the Origin check, which is what stops
  cross-site websocket hijacking: a foreign or missing Origin is refused at the handshake.

The scope gets `ws_auth`: {"kind": "session" | "token" | "ticket", "group": the credential's group,
"token": the key for token sockets}."""

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.security.websocket import AllowedHostsOriginValidator
from django.contrib.auth.models import AnonymousUser

from .realtime import session_group, token_group, ws_ticket_redeem

SUBPROTOCOL = "ppid.notifications"
_PREFIXES = {"token.": "token", "ticket.": "ticket"}


def credential_of(scope) -> tuple[str, str] | None:
    """("token" | "ticket", value) from the subprotocols first, then the query string; None without one."""
    for offered in scope.get("subprotocols") or []:
        for prefix, kind in _PREFIXES.items():
            if offered.startswith(prefix) and len(offered) > len(prefix):
                return kind, offered[len(prefix) :]
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    for kind in ("ticket", "token"):
        if query.get(kind):
            return kind, query[kind][0]
    return None


@database_sync_to_async
def _resolve(kind: str, value: str):
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    if kind == "token":
        token = Token.objects.select_related("user").filter(key=value).first()
        if token and token.user.is_active:
            return token.user, {"kind": "token", "group": token_group(token.key), "token": token.key}
        return None, None
    redeemed = ws_ticket_redeem(value)
    if redeemed is None:
        return None, None
    user = get_user_model().objects.filter(pk=redeemed["user"], is_active=True).first()
    return (user, {"kind": "ticket", "group": redeemed.get("group")}) if user else (None, None)


class WebsocketCredentialMiddleware:
    def __init__(self, inner):
        self.inner = inner
        self.origin_checked = AllowedHostsOriginValidator(inner)

    async def __call__(self, scope, receive, send):
        credential = credential_of(scope)
        if credential is not None:
            user, auth = await _resolve(*credential)
            scope = {**scope, "user": user or AnonymousUser(), "ws_auth": auth}
            return await self.inner(scope, receive, send)
        user = scope.get("user")  # resolved by AuthMiddleware from the session cookie
        if user is not None and user.is_authenticated:
            session_key = scope["session"].session_key
            scope = {**scope, "ws_auth": {"kind": "session", "group": session_group(session_key)}}
            return await self.origin_checked(scope, receive, send)
        # Nobody authenticated: nothing to hijack; the consumer accepts and closes with 4401.
        return await self.inner(scope, receive, send)
