"""Websocket routes of every app, collected in one place (the notifications consumer joins here)."""

websocket_urlpatterns: list = []
