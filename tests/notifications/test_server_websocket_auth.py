"""A real daphne process, as a mobile app or an integration meets it: a token socket with no Origin header
connects (token in the subprotocol, a single-use ticket, or the old `?token=`) and receives its hint, and
neither token nor ticket appears in anything the server logs; a cookie socket from a foreign Origin is still
refused at the handshake."""

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
from django.test import Client
from rest_framework.authtoken.models import Token

from tests.helpers import ROOT, free_port, wait_for_port
from tests.notifications import test_two_servers

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
two_servers = test_two_servers.two_servers  # the same fixture: two daphne processes sharing Redis


@pytest.fixture(autouse=True)
def _in_memory_layer():
    """Override the package conftest: the server process has its own channel layer."""
    return


@pytest.fixture
def server(tmp_path):
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "NIK_ENCRYPTION_KEYS": ",".join(settings.NIK_ENCRYPTION_KEYS),
        "CHANNELS_PREFIX": f"ppid-test-{os.getpid()}",
        "API_THROTTLE_USER": "10000/min",
        "PYTHONUNBUFFERED": "1",
    }
    port = free_port()
    log_path = tmp_path / "daphne.log"
    with open(log_path, "wb") as log:
        # -v 2: daphne's own debug lines too, besides its access log (stdout) and Django's log (stderr).
        proc = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-v", "2", "-b", "127.0.0.1", "-p", str(port)]
            + ["config.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

        def stop() -> str:
            """Stop the server and return everything it wrote."""
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            return log_path.read_text(errors="replace")

        try:
            wait_for_port(port, time.monotonic() + 30)
            yield port, stop
        finally:
            stop()


def _post(port, path, headers):
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=b"{}",
        method="POST",
        headers={"Content-Type": "application/json", "Host": "127.0.0.1", **headers},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.status, json.loads(resp.read() or b"{}")


def test_a_token_client_without_origin_gets_its_hint_and_the_log_keeps_no_secret(world, file_request, server):
    import websockets

    port, stop = server
    request = file_request()
    citizen_token = Token.objects.create(user=world.citizen).key
    officer_token = Token.objects.create(user=world.officer).key
    status, body = _post(
        port, "/api/v1/notifications/ws-ticket/", {"Authorization": f"Token {citizen_token}"}
    )
    assert status == 201
    ticket = body["ticket"]
    base = f"ws://127.0.0.1:{port}/ws/notifications/"

    async def scenario():
        ways = [
            websockets.connect(
                base, subprotocols=["ppid.notifications", f"token.{citizen_token}"], proxy=None
            ),
            websockets.connect(f"{base}?ticket={ticket}", proxy=None),
            websockets.connect(f"{base}?token={citizen_token}", proxy=None),  # existing clients
        ]
        sockets = [await way.__aenter__() for way in ways]  # no Origin header on any of them
        try:
            assert sockets[0].subprotocol == "ppid.notifications"
            status, _ = await asyncio.to_thread(
                _post,
                port,
                f"/api/v1/requests/{request.pk}/transitions/process/",
                {"Authorization": f"Token {officer_token}"},
            )
            assert status == 200
            return [json.loads(await asyncio.wait_for(s.recv(), timeout=10)) for s in sockets]
        finally:
            for way in ways:
                await way.__aexit__(None, None, None)

    hints = asyncio.run(scenario())
    assert [(h["type"], h["kind"], h["case"]["id"]) for h in hints] == [
        ("notification", "request.process", str(request.pk))
    ] * 3

    client = Client()
    client.force_login(world.officer)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    async def foreign_cookie_socket():
        with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
            async with websockets.connect(
                base, origin="https://evil.example", additional_headers={"Cookie": cookie}, proxy=None
            ):
                pass
        return refused.value.response.status_code

    assert asyncio.run(foreign_cookie_socket()) == 403

    log = stop()
    assert "WSCONNECT /ws/notifications/" in log  # the access log is there ...
    assert citizen_token not in log and ticket not in log  # ... and keeps neither secret


def test_a_ticket_from_one_web_process_opens_a_socket_on_another_once(world, two_servers):
    import websockets

    port_a, port_b = two_servers
    token = Token.objects.create(user=world.citizen).key
    status, body = _post(port_b, "/api/v1/notifications/ws-ticket/", {"Authorization": f"Token {token}"})
    assert status == 201

    async def scenario():
        codes = []
        for port in (port_a, port_b):  # redeemed on A; the same ticket on B is spent
            uri = f"ws://127.0.0.1:{port}/ws/notifications/?ticket={body['ticket']}"
            async with websockets.connect(uri, proxy=None) as socket:
                try:
                    await socket.send(json.dumps({"type": "ping"}))
                    codes.append(json.loads(await asyncio.wait_for(socket.recv(), timeout=10))["type"])
                except websockets.exceptions.ConnectionClosed as closed:
                    codes.append(closed.rcvd.code)
        return codes

    assert asyncio.run(scenario()) == ["pong", 4401]
