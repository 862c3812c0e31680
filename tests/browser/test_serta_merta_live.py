"""A serta merta publication reaches an open page live (issue 18, must show): a visitor has the home page open
in Chromium on a real ASGI server (daphne); the PPID publishes a flood warning through the service; the banner
shows it at the top of the page and in the list, without a reload. The test process and daphne share the
PostgreSQL test database and a Redis channel layer (the hint crosses processes as it does between web
processes in production)."""

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from dip import services
from tests.dip.makers import item_data

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
FLOOD = "Peringatan dini banjir: Sungai Citarum siaga 1"


def _redis_url() -> str:
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    parts = urllib.parse.urlparse(url)
    with socket.socket() as sock:
        sock.settimeout(1)
        if sock.connect_ex((parts.hostname or "127.0.0.1", parts.port or 6379)) != 0:
            pytest.skip("needs Redis: the hint crosses from the test process to the server")
    return url


@pytest.fixture
def shared_layer(settings):
    """A Redis channel layer under a prefix of this test's own, in this process and in the server's."""
    url, prefix = _redis_url(), f"ppid-live-{uuid.uuid4().hex[:8]}"
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [{"address": url, "socket_timeout": 30}], "prefix": prefix},
        }
    }
    return url, prefix


@pytest.fixture
def asgi_server(shared_layer):
    url, prefix = shared_layer
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "REDIS_URL": url,
        "CHANNELS_PREFIX": prefix,
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


def test_a_serta_merta_publication_reaches_an_open_page_live(world, asgi_server):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 375, "height": 800})  # a visitor on a phone, not signed in
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        opened = []
        page.on("websocket", lambda ws: opened.append(ws.url))
        page.goto(asgi_server + "/")
        assert page.get_by_text("Belum ada informasi serta merta yang diumumkan.").is_visible()
        banner = page.locator("#serta-merta-live")
        assert banner.is_hidden()
        deadline = time.monotonic() + 10
        while not any(u.endswith("/ws/informasi/") for u in opened) and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        page.wait_for_timeout(500)  # the socket joins its group once open
        navigations = []
        page.on("framenavigated", lambda frame: navigations.append(frame.url))

        # The PPID Utama publishes a flood warning through the service, in this process (in a thread of its own:
        # Playwright's event loop holds this one, and the after-commit push is synchronous code).
        def publish():
            try:
                draft = services.dip_item_create(
                    actor=world.officer,
                    unit=world.utama,
                    data=item_data(title=FLOOD, category="serta_merta", summary="Warga bantaran mengungsi."),
                )
                services.dip_item_publish(item_id=draft.pk, actor=world.officer)
            finally:
                connection.close()

        with ThreadPoolExecutor(1) as pool:
            pool.submit(publish).result(timeout=30)

        banner.wait_for(state="visible", timeout=10000)
        assert FLOOD in banner.inner_text() and "Informasi serta merta baru" in banner.inner_text()
        assert banner.get_attribute("aria-live") == "polite"
        assert FLOOD in page.locator("#serta-merta-list").inner_text()
        assert page.locator("#serta-merta-list-empty").is_hidden()
        assert navigations == []  # no reload
        # After a reload the page itself lists it: the hint was never the only copy.
        page.reload()
        assert FLOOD in page.locator("#serta-merta-list").inner_text()
        assert errors == []
        browser.close()
