"""The services the suite runs against are the real ones it was given (PostgreSQL and Redis in CI)."""

import os
from io import StringIO

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_database_is_the_configured_one():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_channel_layer_round_trip():
    layer = get_channel_layer()
    if os.environ.get("REDIS_URL"):
        assert type(layer).__name__ == "RedisChannelLayer"
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.send)(channel, {"type": "ping", "n": 1})
    assert async_to_sync(layer.receive)(channel) == {"type": "ping", "n": 1}


def test_cache_round_trip():
    if os.environ.get("REDIS_URL"):
        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("ppid-test-key", {"ok": True}, 10)
    assert cache.get("ppid-test-key") == {"ok": True}


def test_asgi_application_routes_http_and_websocket():
    from config.asgi import application

    assert set(application.application_mapping) == {"http", "websocket"}
