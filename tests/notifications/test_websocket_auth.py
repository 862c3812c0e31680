"""The notifications websocket as its clients meet it: API clients authenticate with a token (subprotocol,
single-use ticket, or the old `?token=`) and need no Origin; browsers authenticate with the session cookie
and keep the Origin check; logout, token deletion and membership changes reach open sockets at once."""

import datetime as dt
import logging

import pytest
import time_machine
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from agencies import services as agency_services
from agencies.models import Membership
from config.asgi import application
from notifications.consumers import CLOSE_UNAUTHENTICATED

pytestmark = pytest.mark.django_db(transaction=True)

OWN_ORIGIN = (b"origin", b"http://localhost")
HOST = (b"host", b"localhost")


async def _open(path="/ws/notifications/", headers=(), subprotocols=None):
    communicator = WebsocketCommunicator(
        application, path, headers=[HOST, *headers], subprotocols=subprotocols
    )
    connected, detail = await communicator.connect()
    return communicator, connected, detail


async def _closed_with(communicator) -> int | None:
    output = await communicator.receive_output(timeout=2)
    return output.get("code") if output["type"] == "websocket.close" else None


def _session_cookie(user) -> bytes:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()


def _ticket(user_or_token) -> str:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {user_or_token}")
    response = client.post("/api/v1/notifications/ws-ticket/")
    assert response.status_code == 201, response.content
    return response.json()["ticket"]


# --- point 5: token sockets need no Origin; the token can leave the URL ------------------------------------------
@pytest.mark.parametrize("how", ["query", "subprotocol"])
def test_a_token_socket_without_origin_connects_and_receives_a_hint(world, file_request, how):
    key = Token.objects.create(user=world.citizen).key

    async def run():
        if how == "query":
            socket, connected, _ = await _open(f"/ws/notifications/?token={key}")
        else:
            socket, connected, chosen = await _open(subprotocols=["ppid.notifications", f"token.{key}"])
            # The server selects the plain subprotocol (browsers need one) and never echoes the token.
            assert chosen == "ppid.notifications"
        assert connected
        request = await sync_to_async(file_request)()
        hint = await socket.receive_json_from(timeout=2)
        assert hint["type"] == "notification" and hint["case"]["id"] == str(request.pk)
        await socket.disconnect()

    async_to_sync(run)()


def test_a_ticket_opens_one_socket_once(world, file_request):
    key = Token.objects.create(user=world.citizen).key
    first, second = _ticket(key), _ticket(key)

    async def run():
        socket, connected, _ = await _open(f"/ws/notifications/?ticket={first}")
        assert connected
        by_subprotocol, connected, _ = await _open(subprotocols=["ppid.notifications", f"ticket.{second}"])
        assert connected
        await sync_to_async(file_request)()
        assert (await socket.receive_json_from(timeout=2))["type"] == "notification"
        assert (await by_subprotocol.receive_json_from(timeout=2))["type"] == "notification"
        # Used tickets are refused with the re-authenticate code.
        for reused in (f"/ws/notifications/?ticket={first}", f"/ws/notifications/?ticket={second}"):
            again, connected, _ = await _open(reused)
            assert connected and await _closed_with(again) == CLOSE_UNAUTHENTICATED
        await socket.disconnect()
        await by_subprotocol.disconnect()

    async_to_sync(run)()


def test_an_expired_ticket_is_refused(world):
    key = Token.objects.create(user=world.citizen).key
    start = dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        ticket = _ticket(key)
    with time_machine.travel(start + dt.timedelta(seconds=61), tick=False):

        async def run():
            socket, connected, _ = await _open(f"/ws/notifications/?ticket={ticket}")
            assert connected and await _closed_with(socket) == CLOSE_UNAUTHENTICATED

        async_to_sync(run)()


def test_the_ticket_endpoint_needs_a_signed_in_caller_and_is_documented(world):
    response = APIClient().post("/api/v1/notifications/ws-ticket/")
    assert response.status_code == 401
    # A browser session may ask for one too (CSRF-checked like every session POST).
    client = APIClient()
    client.force_login(world.officer)
    body = client.post("/api/v1/notifications/ws-ticket/").json()
    assert set(body) == {"ticket", "expires_in"} and 30 <= body["expires_in"] <= 60
    schema = APIClient().get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/notifications/ws-ticket/"]["post"]
    assert "ticket" in operation["description"] and "Sec-WebSocket-Protocol" in operation["description"]


def test_a_cookie_socket_keeps_the_origin_check(world):
    cookie = (b"cookie", _session_cookie(world.officer))

    async def run():
        foreign, connected, _ = await _open(headers=[cookie, (b"origin", b"https://evil.example")])
        assert not connected  # refused at the handshake: cross-site websocket hijacking
        missing, connected, _ = await _open(headers=[cookie])
        assert not connected
        own, connected, _ = await _open(headers=[cookie, OWN_ORIGIN])
        assert connected
        await own.send_json_to({"type": "ping"})
        assert await own.receive_json_from() == {"type": "pong"}
        await own.disconnect()

    async_to_sync(run)()


def test_a_bad_token_never_falls_back_to_the_cookie(world):
    cookie = (b"cookie", _session_cookie(world.officer))

    async def run():
        socket, connected, _ = await _open(
            "/ws/notifications/?token=nonsense", headers=[cookie, (b"origin", b"https://evil.example")]
        )
        assert connected and await _closed_with(socket) == CLOSE_UNAUTHENTICATED

    async_to_sync(run)()


def test_logs_never_carry_a_token_or_ticket(caplog):
    key = "0123456789abcdef0123456789abcdef01234567"
    logger = logging.getLogger("django.channels.server")
    with caplog.at_level(logging.INFO):
        logger.info("WebSocket HANDSHAKING /ws/notifications/?token=%s&ticket=%s [x]", key, "tK-1_z")
        logger.info("HTTP GET /x/?a=1&token=%s 200", key)
    handler_filters = [f for h in logging.getLogger().handlers for f in h.filters]
    assert any(type(f).__name__ == "RedactSecretsFilter" for f in handler_filters)
    from config.logfilters import RedactSecretsFilter

    redactor = RedactSecretsFilter()
    for record in caplog.records:
        redactor.filter(record)
        text = record.getMessage()
        assert key not in text and "tK-1_z" not in text and "token=[disamarkan]" in text


# --- point 36: anonymous sockets are accepted and closed with 4401; binary frames are answered --------------
def test_anonymous_sockets_are_closed_with_4401(world):
    async def run():
        for path, headers in (
            ("/ws/notifications/", [OWN_ORIGIN]),
            ("/ws/notifications/", []),
            ("/ws/notifications/?token=nonsense", []),
        ):
            socket, connected, _ = await _open(path, headers)
            assert connected and await _closed_with(socket) == CLOSE_UNAUTHENTICATED

    async_to_sync(run)()


def test_a_binary_frame_is_answered_not_a_crash(world):
    key = Token.objects.create(user=world.citizen).key

    async def run():
        socket, connected, _ = await _open(f"/ws/notifications/?token={key}", [OWN_ORIGIN])
        assert connected
        await socket.send_to(bytes_data=b"\x00\x01binary")
        assert await socket.receive_json_from(timeout=2) == {"type": "error", "code": "unsupported_message"}
        await socket.send_json_to({"type": "ping"})
        assert await socket.receive_json_from(timeout=2) == {"type": "pong"}
        await socket.disconnect()

    async_to_sync(run)()


# --- point 30: logout, token deletion and revoked memberships reach open sockets -------------------------------
def test_logout_closes_the_sessions_sockets(world):
    client = Client()
    client.force_login(world.officer)
    cookie = (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())
    other_device = (b"cookie", _session_cookie(world.officer))

    async def run():
        socket, connected, _ = await _open(headers=[cookie, OWN_ORIGIN])
        elsewhere, connected_elsewhere, _ = await _open(headers=[other_device, OWN_ORIGIN])
        assert connected and connected_elsewhere
        await sync_to_async(client.post)("/akun/keluar/")
        assert await _closed_with(socket) == CLOSE_UNAUTHENTICATED
        # The other browser stays signed in and keeps its socket.
        await elsewhere.send_json_to({"type": "ping"})
        assert await elsewhere.receive_json_from(timeout=2) == {"type": "pong"}
        await elsewhere.disconnect()

    async_to_sync(run)()


def test_deleting_the_token_closes_its_sockets_and_tickets_sockets(world):
    key = Token.objects.create(user=world.citizen).key
    ticket = _ticket(key)

    async def run():
        by_token, ok1, _ = await _open(
            headers=[OWN_ORIGIN], subprotocols=["ppid.notifications", f"token.{key}"]
        )
        by_ticket, ok2, _ = await _open(f"/ws/notifications/?ticket={ticket}", [OWN_ORIGIN])
        assert ok1 and ok2
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        assert (await sync_to_async(client.delete)("/api/v1/auth/token/")).status_code == 204
        assert await _closed_with(by_token) == CLOSE_UNAUTHENTICATED
        assert await _closed_with(by_ticket) == CLOSE_UNAUTHENTICATED

    async_to_sync(run)()


def test_a_revoked_membership_stops_the_units_queue_hints_at_once(world, file_request):
    key = Token.objects.create(user=world.officer).key
    membership = Membership.objects.get(user=world.officer, unit=world.utama)

    async def run():
        socket, connected, _ = await _open(f"/ws/notifications/?token={key}", [OWN_ORIGIN])
        assert connected
        await sync_to_async(agency_services.membership_revoke)(
            actor=world.admin, membership=membership, reason="Pindah tugas"
        )
        assert await socket.receive_json_from(timeout=2) == {"type": "access.changed"}
        await sync_to_async(file_request)()  # a new request reaches the Utama's queue
        assert await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()

    async_to_sync(run)()


def test_a_granted_membership_starts_the_units_queue_hints(world, file_request):
    key = Token.objects.create(user=world.pelaksana_officer).key

    async def run():
        socket, connected, _ = await _open(f"/ws/notifications/?token={key}", [OWN_ORIGIN])
        assert connected
        await sync_to_async(agency_services.membership_grant)(
            actor=world.admin, user=world.pelaksana_officer, unit=world.utama, role="officer"
        )
        assert await socket.receive_json_from(timeout=2) == {"type": "access.changed"}
        await sync_to_async(file_request)()
        kinds = {(await socket.receive_json_from(timeout=2))["type"] for _ in range(2)}
        assert kinds == {"notification", "queue.changed"}
        await socket.disconnect()

    async_to_sync(run)()


def test_deactivating_the_account_closes_its_sockets(world):
    key = Token.objects.create(user=world.officer).key

    async def run():
        socket, connected, _ = await _open(f"/ws/notifications/?token={key}", [OWN_ORIGIN])
        assert connected
        world.officer.is_active = False
        await sync_to_async(world.officer.save)()
        assert await _closed_with(socket) == CLOSE_UNAUTHENTICATED

    async_to_sync(run)()


# --- point 24 (part): a Redis outage does not stop a socket from connecting --------------------------------------
def test_a_socket_connects_while_the_channel_layer_is_down(world, settings, caplog):
    import socket as sockets

    from channels.layers import channel_layers

    with sockets.socket() as probe:  # a port where nothing listens: Redis is "down"
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [f"redis://127.0.0.1:{port}/0"]},
        }
    }
    channel_layers.backends.clear()
    key = Token.objects.create(user=world.officer).key

    async def run():
        socket, connected, _ = await _open(f"/ws/notifications/?token={key}", [OWN_ORIGIN])
        assert connected
        await socket.send_json_to({"type": "ping"})
        assert await socket.receive_json_from(timeout=5) == {"type": "pong"}
        await socket.disconnect()

    with caplog.at_level(logging.WARNING, logger="notifications"):
        async_to_sync(run)()
    assert any("channel layer" in r.getMessage() for r in caplog.records)


def test_the_ticket_endpoint_says_so_when_the_ticket_store_is_down(world, monkeypatch):
    class Down:  # the ticket store (Redis) is unreachable
        def set(self, *args, **kwargs):
            raise ConnectionError("redis down")

    monkeypatch.setattr("notifications.realtime.cache", Down())
    client = APIClient()
    client.force_authenticate(world.citizen)
    response = client.post("/api/v1/notifications/ws-ticket/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response.json()["code"] == "ticket_unavailable"
    assert "Sec-WebSocket-Protocol" in response.json()["detail"] and "Coba" not in response.json()["detail"]


def test_a_cross_site_page_cannot_mint_a_ticket_with_the_cookie(world):
    # A ticket socket skips the Origin check, so a session may only get one with the CSRF token of our pages.
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.officer)
    response = client.post("/api/v1/notifications/ws-ticket/")
    assert response.status_code == 403
    assert "ticket" not in response.json()
