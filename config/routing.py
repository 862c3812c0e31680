"""Websocket routes of every app, collected in one place."""

from notifications.routing import websocket_urlpatterns as notification_routes

websocket_urlpatterns: list = [*notification_routes]
