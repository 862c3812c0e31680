"""Issue 13 point 22: the login lock-out holds against other spellings of the same account and against a
forged X-Forwarded-For, on the page and on the API token endpoint; the API throttles key on the same address."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.ratelimit import client_ip, parse_rate
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SPELLINGS = [
    "Korban@Example.id",
    "korban@example.id",
    " KORBAN@EXAMPLE.ID ",
    "korban@EXAMPLE.id",
    "KoRbAn@example.ID",
]


@pytest.fixture
def victim():
    return UserFactory(username="korban", email="Korban@Example.id")


def _page_login(client, username, password, **extra):
    return client.post(reverse("frontend:login"), {"username": username, "password": password}, **extra)


def _api_login(client, username, password, **extra):
    return client.post(
        "/api/v1/auth/token/", {"username": username, "password": password}, format="json", **extra
    )


def test_page_lockout_counts_every_spelling_of_the_email_and_the_username(client, victim):
    answers = [
        _page_login(client, s, "tebakan-salah").status_code for s in SPELLINGS[: settings.AXES_FAILURE_LIMIT]
    ]
    assert answers[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    # Locked: the right password is refused, however the account is written.
    assert _page_login(client, "KORBAN@example.id", PASSWORD).status_code == 429
    assert _page_login(client, "korban", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_api_lockout_counts_every_spelling_of_the_email(victim):
    client = APIClient()
    answers = [
        _api_login(client, s, "tebakan-salah").status_code for s in SPELLINGS[: settings.AXES_FAILURE_LIMIT]
    ]
    assert answers[:-1] == [401] * (settings.AXES_FAILURE_LIMIT - 1)
    resp = _api_login(client, "kOrBaN@example.id", PASSWORD)
    assert resp.status_code == 429 and resp.json()["code"] == "locked_out"


def test_page_lockout_ignores_a_forged_forwarded_address(client, victim):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _page_login(client, "korban", "tebakan-salah", HTTP_X_FORWARDED_FOR=f"198.51.100.{n + 1}")
    resp = _page_login(client, "korban", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert resp.status_code == 429


def test_behind_a_trusted_proxy_the_lockout_follows_the_hop_the_proxy_saw(client, victim, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        # The client writes whatever it likes on the left; the proxy appends the address it saw.
        _page_login(
            client, "korban", "tebakan-salah", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.9", **proxy
        )
    forged = _page_login(client, "korban", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.9", **proxy)
    assert forged.status_code == 429
    # Someone else behind the same proxy is not locked out with the attacker.
    other = _page_login(client, "korban", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.50", **proxy)
    assert other.status_code == 302


def test_api_login_throttle_ignores_a_forged_forwarded_address():
    limit, _period = parse_rate(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["login"])
    client = APIClient()
    answers = [
        _api_login(client, f"tidak-ada-{n}", "tebakan", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(limit + 2)
    ]
    assert answers[:limit] == [401] * limit
    assert answers[limit:] == [429, 429]


@pytest.mark.parametrize(
    ("count", "meta", "expected"),
    [
        (0, {"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "203.0.113.5"),
        (1, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.5"}, "203.0.113.5"),
        (
            2,
            {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.5, 10.0.0.1"},
            "203.0.113.5",
        ),
        (1, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "not-an-address"}, "10.0.0.2"),
        (1, {"REMOTE_ADDR": "10.0.0.2"}, "10.0.0.2"),
        # Straight from the internet, around the proxy: the header is the client's own claim.
        (1, {"REMOTE_ADDR": "198.51.100.3", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "198.51.100.3"),
    ],
)
def test_client_address_is_the_rightmost_hop_no_trusted_proxy_added(settings, rf, count, meta, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = rf.get("/", **meta)
    assert client_ip(request) == expected


def test_the_docker_web_server_does_not_take_the_client_address_from_the_client():
    """daphne --proxy-headers put the leftmost X-Forwarded-For (the client's own claim) into REMOTE_ADDR."""
    entrypoint = (Path(settings.BASE_DIR) / "docker" / "entrypoint.sh").read_text()
    assert "daphne" in entrypoint and "--proxy-headers" not in entrypoint
