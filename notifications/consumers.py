"""The notifications websocket. Authenticated by the session (browsers) or a token (?token=..., API clients).
Anonymous sockets are refused. A user joins their own group and the groups of their units; messages carry ids
and states only. A client that reconnects catches up from the notification center (the database)."""

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .services import unit_group, user_group

CLOSE_UNAUTHENTICATED = 4401


@database_sync_to_async
def _user_from_token(key: str):
    from rest_framework.authtoken.models import Token

    token = Token.objects.select_related("user").filter(key=key).first()
    return token.user if token and token.user.is_active else None


@database_sync_to_async
def _unit_ids(user) -> list[int]:
    from agencies.selectors import memberships_of

    return sorted({m.unit_id for m in memberships_of(user)})


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            token = parse_qs(self.scope.get("query_string", b"").decode()).get("token", [""])[0]
            user = await _user_from_token(token) if token else None
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user = user
        self.groups_joined = [user_group(user.pk)] + [unit_group(u) for u in await _unit_ids(user)]
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        # Clients only ping; anything else is answered with an error and changes nothing.
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

    async def push(self, event):
        await self.send_json(event["message"])
