"""The services the suite runs against are the real ones it was given (PostgreSQL and Redis in CI)."""

import asyncio
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


def test_an_idle_websocket_consumer_survives_the_channel_layers_blocking_wait():
    """channels_redis waits for messages with a blocking pop of `brpop_timeout` seconds; if redis-py's read
    timeout is not longer, an idle consumer's read times out just as Redis answers "nothing" and the socket is
    closed with 1011 (seen at 1,000 clients in bench/realtime.py)."""
    layer = get_channel_layer()
    if type(layer).__name__ != "RedisChannelLayer":
        pytest.skip("in-memory channel layer: no Redis reads")
    pool = layer.create_pool(0)
    read_timeout = pool.connection_kwargs.get("socket_timeout")
    # Not None: redis-py 8 then falls back to its own 5 s default, as long as the wait itself.
    assert read_timeout is not None and read_timeout > layer.brpop_timeout + 5

    async def idle_receive():
        # A receive with nothing to receive outlasts one blocking wait without an error, then gets its message.
        channel = await layer.new_channel()
        task = asyncio.ensure_future(layer.receive(channel))
        await asyncio.sleep(layer.brpop_timeout + 1.5)
        assert not task.done()
        await layer.send(channel, {"type": "ping", "n": 2})
        return await asyncio.wait_for(task, 10)

    assert async_to_sync(idle_receive)() == {"type": "ping", "n": 2}


def test_cache_round_trip():
    if os.environ.get("REDIS_URL"):
        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("ppid-test-key", {"ok": True}, 10)
    assert cache.get("ppid-test-key") == {"ok": True}


def test_asgi_application_routes_http_and_websocket():
    from config.asgi import application

    assert set(application.application_mapping) == {"http", "websocket"}
