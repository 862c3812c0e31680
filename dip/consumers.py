"""`/ws/informasi/`: the public register's websocket. Anyone may open it (an anonymous visitor too: it carries
only what the public pages show, `dip.live`), and it joins one group, the public one. A signed-in browser's socket
keeps the Origin check of `notifications.ws_auth` (the middleware sits before every route); the consumer reads no
credential. Clients only ping; anything else, and binary frames, get `unsupported_message`. With the channel layer
down the socket still opens and answers pings (no hints until it is back: the page has the truth)."""

import logging

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from notifications.consumers import PingOnlyProtocol

from .live import PUBLIC_GROUP

log = logging.getLogger(__name__)


class PublicRegisterConsumer(PingOnlyProtocol, AsyncJsonWebsocketConsumer):
    joined = False

    async def connect(self):
        try:
            await self.channel_layer.group_add(PUBLIC_GROUP, self.channel_name)
            self.joined = True
        except Exception:  # noqa: BLE001 - fail open: the socket answers pings, the page is the truth
            log.warning("channel layer unavailable: the public register socket gets no hints")
        await self.accept()

    async def disconnect(self, code):
        if self.joined:
            try:
                await self.channel_layer.group_discard(PUBLIC_GROUP, self.channel_name)
            except Exception:  # noqa: BLE001 - the layer expires the membership itself
                log.warning("channel layer unavailable: leaving the public group failed")

    async def push(self, event):
        await self.send_json(event["message"])
