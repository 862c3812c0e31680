"""Two real server processes on loopback share Redis and PostgreSQL: an event caused through one reaches a
websocket connected to the other."""

import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from rest_framework.authtoken.models import Token

from tests.helpers import ROOT, free_port, wait_for_port

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _in_memory_layer():
    """Override the package conftest: this test uses the real Redis layer of its server processes."""
    return


@pytest.fixture
def two_servers():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs REDIS_URL") if os.environ.get("CI") != "true" else pytest.fail(
            "CI needs REDIS_URL"
        )
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "NIK_ENCRYPTION_KEYS": ",".join(settings.NIK_ENCRYPTION_KEYS),
        "CHANNELS_PREFIX": f"ppid-test-{os.getpid()}",
        "API_THROTTLE_USER": "10000/min",
    }
    ports = [free_port(), free_port()]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 30
        for port in ports:
            wait_for_port(port, deadline)
        yield ports
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_an_event_on_one_server_reaches_a_socket_on_the_other(world, file_request, two_servers):
    import websockets

    port_a, port_b = two_servers
    request = file_request()
    citizen_token = Token.objects.create(user=world.citizen).key
    officer_token = Token.objects.create(user=world.officer).key

    def process_through_b():
        req = urllib.request.Request(
            f"http://127.0.0.1:{port_b}/api/v1/requests/{request.pk}/transitions/process/",
            data=b"{}",
            method="POST",
            headers={
                "Authorization": f"Token {officer_token}",
                "Content-Type": "application/json",
                "Host": "127.0.0.1",
            },
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status

    async def scenario():
        uri = f"ws://127.0.0.1:{port_a}/ws/notifications/?token={citizen_token}"
        async with websockets.connect(uri, origin=f"http://127.0.0.1:{port_a}") as socket_a:
            status = await asyncio.to_thread(process_through_b)
            assert status == 200
            message = json.loads(await asyncio.wait_for(socket_a.recv(), timeout=10))
            return message

    message = asyncio.run(scenario())
    assert message["type"] == "notification" and message["kind"] == "request.process"
    assert (
        message["case"] == {"type": "informationrequest", "id": str(request.pk)}
        and message["state"] == "in_process"
    )
