"""Plain helpers the tests import (fixtures are in tests/fixtures/ and the packages' conftest.py files)."""

from __future__ import annotations

import datetime as dt
import socket
import time
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import time_machine

if TYPE_CHECKING:
    from tests.browser.conftest import Tab

WIB = ZoneInfo("Asia/Jakarta")
ROOT = Path(__file__).resolve().parents[1]  # the project's root


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, deadline: float) -> None:
    """Until something listens on 127.0.0.1:port, or TimeoutError at `deadline` (time.monotonic())."""
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


def at(*args):
    """Time stands still at the given moment, WIB: at(2026, 3, 13, 10)."""
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def log_in(tab: Tab, username: str, password: str | None = None) -> Tab:
    """Through the real login page, as a person would."""
    from tests.factories import PASSWORD

    tab.goto("/akun/masuk/")
    tab.page.get_by_label("Nama pengguna atau e-mail").fill(username)
    tab.page.get_by_label("Kata sandi").fill(password or PASSWORD)
    tab.follow(tab.main.get_by_role("button", name="Masuk"))
    assert tab.page.get_by_role("button", name="Keluar").is_visible(), f"{username} could not log in"
    return tab


def log_out(tab: Tab) -> Tab:
    tab.follow(tab.page.get_by_role("button", name="Keluar"))
    assert tab.page.get_by_role("link", name="Masuk").first.is_visible()
    return tab
