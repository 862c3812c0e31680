"""Serta merta information is published at once and reaches open pages live: the public websocket /ws/informasi/
(anyone may open it; it carries what the public pages show, nothing else) and the home page's list."""

import re

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.urls import reverse

from config.asgi import application
from dip import services
from tests.dip.makers import item_data, published_item

HOST = (b"host", b"localhost")
FLOOD = "Peringatan dini banjir Sungai Citarum"


def serta_merta(world, **over):
    return published_item(
        world, **{"title": FLOOD, "category": "serta_merta", "summary": "Status siaga banjir.", **over}
    )


async def _open():
    socket = WebsocketCommunicator(application, "/ws/informasi/", headers=[HOST])
    connected, _ = await socket.connect()
    assert connected
    return socket


@pytest.mark.django_db(transaction=True)
def test_an_anonymous_page_receives_a_serta_merta_publication_and_nothing_else(world):
    async def run():
        socket = await _open()
        # A berkala item and a draft: no hint.
        await sync_to_async(published_item)(world, title="Laporan keuangan")
        await sync_to_async(services.dip_item_create)(
            actor=world.officer,
            unit=world.utama,
            data=item_data(title="Draf rahasia", category="serta_merta"),
        )
        assert await socket.receive_nothing(timeout=0.3)
        item = await sync_to_async(serta_merta)(world)
        hint = await socket.receive_json_from(timeout=2)
        await socket.disconnect()
        return item, hint

    item, hint = async_to_sync(run)()
    assert hint["type"] == "register.serta_merta"
    assert set(hint["item"]) == {"id", "title", "agency", "url", "published_at"}
    assert hint["item"]["id"] == item.pk and hint["item"]["title"] == FLOOD
    assert hint["item"]["agency"] == world.agency.name


@pytest.mark.django_db(transaction=True)
def test_the_public_socket_answers_pings_and_refuses_anything_else():
    async def run():
        socket = await _open()
        await socket.send_json_to({"type": "ping"})
        pong = await socket.receive_json_from(timeout=2)
        await socket.send_json_to({"type": "subscribe", "group": "user.1"})
        refused = await socket.receive_json_from(timeout=2)
        await socket.send_to(text_data="not json")
        garbled = await socket.receive_json_from(timeout=2)
        await socket.send_to(bytes_data=b"\x00\x01")
        binary = await socket.receive_json_from(timeout=2)
        await socket.disconnect()
        return pong, refused, garbled, binary

    pong, *errors = async_to_sync(run)()
    assert pong == {"type": "pong"}
    assert errors == [{"type": "error", "code": "unsupported_message"}] * 3


@pytest.mark.django_db(transaction=True)
def test_a_signed_in_browser_keeps_the_origin_check(world):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(world.citizen)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()

    async def run(origin):
        headers = [HOST, (b"cookie", cookie), *([(b"origin", origin)] if origin else [])]
        socket = WebsocketCommunicator(application, "/ws/informasi/", headers=headers)
        connected, _ = await socket.connect()
        await socket.disconnect()
        return connected

    assert async_to_sync(run)(b"http://localhost") is True
    assert async_to_sync(run)(b"https://evil.example") is False


@pytest.mark.django_db
def test_the_home_page_lists_the_latest_serta_merta_items_of_active_agencies(client, world, settings):
    settings.LIVE_UPDATES = True
    from agencies.models import Agency
    from tests.factories import make_staff

    for n in range(6):
        serta_merta(world, title=f"Peringatan dini banjir {n}")
    withdrawn = serta_merta(world, title="Peringatan yang dicabut")
    services.dip_item_withdraw(item_id=withdrawn.pk, actor=world.officer, reason="Status siaga berakhir")
    services.dip_item_create(
        actor=world.officer, unit=world.utama, data=item_data(title="Draf peringatan", category="serta_merta")
    )
    other_officer = make_staff(world.other_utama, "officer", username="luar2")
    other = services.dip_item_create(
        actor=other_officer,
        unit=world.other_utama,
        data=item_data(title="Peringatan badan nonaktif", category="serta_merta"),
    )
    services.dip_item_publish(item_id=other.pk, actor=other_officer)
    Agency.objects.filter(pk=world.other_agency.pk).update(is_active=False)
    html = client.get(reverse("frontend:home")).content.decode()
    listed = html.split('id="serta-merta-list"')[1].split("</ul>")[0]
    shown = re.findall(r"Peringatan dini banjir \d", listed)
    # The newest five, newest first; never a draft, a withdrawn item or an inactive agency's.
    assert shown == [f"Peringatan dini banjir {n}" for n in (5, 4, 3, 2, 1)]
    for hidden in ("Peringatan yang dicabut", "Draf peringatan", "Peringatan badan nonaktif"):
        assert hidden not in html
    assert 'id="serta-merta-live"' in html and "frontend/serta-merta.js" in html


@pytest.mark.django_db
def test_an_empty_home_page_says_so(client, world):
    html = client.get(reverse("frontend:home")).content.decode()
    assert "Belum ada informasi serta merta yang diumumkan." in html
