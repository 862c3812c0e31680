"""ASGI entry point: HTTP through Django, websockets through Channels. A websocket is authenticated by a token
(subprotocol, ticket or `?token=`; no Origin needed) or by the session cookie (Origin checked): see
`notifications/ws_auth.py`."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

# Django must be set up before anything imports models.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from config.routing import websocket_urlpatterns  # noqa: E402
from notifications.ws_auth import WebsocketCredentialMiddleware  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AuthMiddlewareStack(WebsocketCredentialMiddleware(URLRouter(websocket_urlpatterns))),
    }
)
