"""The officer's queue updates without reloading when a request arrives: Chromium on a real ASGI server
(daphne) that shares the PostgreSQL test database, with the in-memory channel layer of that one process."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def asgi_server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "REDIS_URL": "",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "NIK_ENCRYPTION_KEYS": ",".join(settings.NIK_ENCRYPTION_KEYS),
        "LIVE_UPDATES": "true",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("daphne did not start")
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def _login(page, base, username):
    page.goto(base + "/akun/masuk/")
    page.get_by_label("Nama pengguna atau e-mail").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_the_queue_shows_a_new_request_without_reloading(world, asgi_server):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from workcalendar.models import Holiday
    from workcalendar.seed import seed_holidays

    seed_holidays(Holiday, years=[2026, 2027])
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

        _login(page, asgi_server, world.officer.username)
        page.goto(asgi_server + "/antrean/")
        page.wait_for_function("() => document.getElementById('notif-count') !== null")
        page.wait_for_timeout(500)  # the socket opens after load
        navigations = []
        page.on("framenavigated", lambda frame: navigations.append(frame.url))
        # The citizen files through the same server process (the one holding the officer's websocket).
        import json
        import urllib.request

        from rest_framework.authtoken.models import Token

        token = Token.objects.create(user=world.citizen).key
        body = json.dumps(
            {
                "agency": world.agency.slug,
                "information_requested": "Data jalan rusak",
                "purpose": "Riset",
                "obtain_method": "view",
                "delivery_method": "pickup",
            }
        ).encode()
        req = urllib.request.Request(
            asgi_server + "/api/v1/requests/",
            data=body,
            method="POST",
            headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            number = json.loads(resp.read())["registration_number"]
        page.get_by_role("link", name=number).wait_for(timeout=10000)
        assert navigations == []  # no reload: the table was refreshed in place
        assert page.locator("#notif-count").inner_text() == "1"
        assert errors == []
        browser.close()
