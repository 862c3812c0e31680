"""Websocket routes of every app, collected in one place."""

from django.urls import path

from dip.consumers import PublicRegisterConsumer
from notifications.routing import websocket_urlpatterns as notification_routes

websocket_urlpatterns: list = [
    *notification_routes,
    path("ws/informasi/", PublicRegisterConsumer.as_asgi()),
]
