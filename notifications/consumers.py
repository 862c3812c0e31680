"""The notifications websocket. Authenticated by the session (browsers, Origin checked) or a token (API clients:
subprotocol `token.<key>`, a single-use ticket, or `?token=`); see `ws_auth.py`. Anonymous sockets are accepted
and closed with 4401 (the client must authenticate again). A user joins their own group, their credential's
group and the groups of their units; messages carry ids and states only. A client that reconnects catches up
from the notification center (the database).

Logout and token deletion close the credential's sockets with 4401; a membership, unit or account change makes
them verify the credential and re-join their unit groups (`signals.py`). While the channel layer (Redis) is
down the socket still opens and answers pings; it joins its groups when the layer is back."""

import asyncio
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .services import unit_group, user_group
from .ws_auth import SUBPROTOCOL

log = logging.getLogger(__name__)

CLOSE_UNAUTHENTICATED = 4401
_LAYER_RETRY_MAX_SECONDS = 30


@database_sync_to_async
def _unit_ids(user) -> list[int]:
    from agencies.selectors import memberships_of

    user.__dict__.pop("_membership_cache", None)  # the socket outlives a request: read them fresh
    return sorted({m.unit_id for m in memberships_of(user)})


@database_sync_to_async
def _credential_holds(scope, user_id: int):
    """The user again if the socket's credential still admits them, else None."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.utils.crypto import constant_time_compare
    from rest_framework.authtoken.models import Token

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    auth = scope.get("ws_auth") or {}
    if auth.get("kind") == "token" and not Token.objects.filter(key=auth["token"], user_id=user_id).exists():
        return None
    if auth.get("kind") == "session":
        session = import_module(settings.SESSION_ENGINE).SessionStore(scope["session"].session_key)
        if str(session.get(SESSION_KEY)) != str(user.pk) or not constant_time_compare(
            session.get(HASH_SESSION_KEY, ""), user.get_session_auth_hash()
        ):
            return None
    return user


class PingOnlyProtocol:
    """What a client may send on our sockets: `{"type": "ping"}`, answered `pong`. Anything else, unparsable text
    and binary frames included, gets `{"type": "error", "code": "unsupported_message"}` and changes nothing.
    Shared by the notifications socket and the public register's (`dip.consumers`)."""

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        if text_data is None:
            await self.send_json({"type": "error", "code": "unsupported_message"})
            return
        await super().receive(text_data=text_data, **kwargs)  # type: ignore[misc]  # the consumer's

    async def receive_json(self, content, **kwargs):
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_json({"type": "error", "code": "unsupported_message"})

    @classmethod
    async def decode_json(cls, text_data):
        import json

        try:
            return json.loads(text_data)
        except (TypeError, ValueError):
            return None


class NotificationConsumer(PingOnlyProtocol, AsyncJsonWebsocketConsumer):
    groups_joined: list[str]
    groups_pending: list[str]
    closing = False

    async def connect(self):
        self.groups_joined, self.groups_pending = [], []
        self.joining = asyncio.Lock()
        subprotocol = SUBPROTOCOL if SUBPROTOCOL in (self.scope.get("subprotocols") or []) else None
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            # Accepted, then closed: the close code tells the client to authenticate again.
            await self.accept(subprotocol)
            self.closing = True
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user = user
        self.groups_pending = await self._wanted_groups(user)
        await self._join_pending()
        await self.accept(subprotocol)

    async def _wanted_groups(self, user) -> list[str]:
        auth_group = (self.scope.get("ws_auth") or {}).get("group")
        own = [user_group(user.pk)] + ([auth_group] if auth_group else [])
        return own + [unit_group(u) for u in await _unit_ids(user)]

    async def _join_pending(self) -> None:
        """Join the groups not joined yet; with the layer down, keep them pending (fail open, logged)."""
        async with self.joining:
            pending = []
            for group in self.groups_pending:
                try:
                    await self.channel_layer.group_add(group, self.channel_name)
                except Exception:  # noqa: BLE001 - no hints for now; the unread count is still there over HTTP
                    pending.append(group)
                else:
                    if group not in self.groups_joined:
                        self.groups_joined.append(group)
            if pending:
                log.warning("channel layer unavailable: the socket waits to join %d group(s)", len(pending))
            self.groups_pending = pending

    # AsyncConsumer.__call__ assigns the layer's own receive here; the property keeps ours, which survives a
    # layer outage (retrying with a growing pause) instead of ending the socket with 1011.
    @property
    def channel_receive(self):
        return self._receive_from_layer

    @channel_receive.setter
    def channel_receive(self, _layer_receive):
        pass

    async def _receive_from_layer(self):
        pause = 1
        while True:
            if getattr(self, "groups_pending", None):
                await self._join_pending()
            try:
                return await self.channel_layer.receive(self.channel_name)
            except Exception:  # noqa: BLE001 - Redis is down: wait and try again
                log.warning("channel layer receive failed; retrying in %s s", pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, _LAYER_RETRY_MAX_SECONDS)

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            try:
                await self.channel_layer.group_discard(group, self.channel_name)
            except Exception:  # noqa: BLE001 - the layer expires the membership itself
                log.warning("channel layer unavailable: leaving a group failed")

    async def push(self, event):
        # A hint of a group this socket has left (a revoked unit whose discard failed) is dropped too.
        group = event.get("group")
        if not self.closing and (group is None or group in self.groups_joined):
            await self.send_json(event["message"])

    # --- control events from `realtime.sockets_signal` (never from the client) ---------------------------------
    async def ws_close(self, event):
        if not self.closing:
            self.closing = True
            await self.close(code=CLOSE_UNAUTHENTICATED)

    async def ws_verify(self, event):
        if self.closing:
            return
        user = await _credential_holds(self.scope, self.user.pk)
        if user is None:
            await self.ws_close(event)
            return
        self.user = user
        wanted = await self._wanted_groups(user)
        changed = set(wanted) != set(self.groups_joined)
        for group in [g for g in self.groups_joined if g not in wanted]:
            try:
                await self.channel_layer.group_discard(group, self.channel_name)
            except Exception:  # noqa: BLE001 - push() drops that group's hints
                log.warning("channel layer unavailable: leaving a group failed")
            self.groups_joined.remove(group)
        self.groups_pending = [g for g in wanted if g not in self.groups_joined]
        await self._join_pending()
        if changed:
            # The units this user works in changed: what their queue shows changes too.
            await self.send_json({"type": "access.changed"})
