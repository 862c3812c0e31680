"""Issue 13 point 24 (throttles and caches): with the cache's Redis down, the API and the pages answer as usual
and a warning is logged, instead of a 500 on every throttled call."""

import importlib.util
import logging
import socket
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from accounts import ratelimit
from complaints.models import Complaint

pytestmark = pytest.mark.django_db


def _dead_redis_url() -> str:
    """A Redis URL on a local port where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


def _caches_for(redis_url: str, monkeypatch) -> dict:
    """CACHES exactly as config/settings/base.py builds them for this REDIS_URL."""
    monkeypatch.setenv("REDIS_URL", redis_url)
    name = "config.settings._outage_probe"
    spec = importlib.util.spec_from_file_location(
        name, Path(settings.BASE_DIR) / "config" / "settings" / "base.py"
    )
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module.CACHES


@pytest.fixture
def redis_down(monkeypatch):
    monkeypatch.setattr(ratelimit, "_last_warning", 0.0)
    with override_settings(CACHES=_caches_for(_dead_redis_url(), monkeypatch)):
        caches.close_all()
        yield
    caches.close_all()


def test_public_and_authenticated_api_answer_while_redis_is_down(world, redis_down, caplog):
    with caplog.at_level(logging.WARNING):
        public = APIClient().get("/api/v1/calendar/due-date/", {"start": "2026-03-02", "working_days": 10})
        assert public.status_code == 200 and public.json()["due_date"]
        citizen = APIClient()
        citizen.force_authenticate(world.citizen)
        assert citizen.get("/api/v1/requests/").status_code == 200
        anonymous_login = APIClient().post(
            "/api/v1/auth/token/", {"username": "tidak-ada", "password": "salah"}, format="json"
        )
        assert anonymous_login.status_code == 401
    assert any("Cache unavailable" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


def test_pages_answer_while_redis_is_down(world, redis_down, client, caplog):
    assert client.get(reverse("frontend:home")).status_code == 200
    assert client.get(reverse("frontend:complaint_file")).status_code == 200
    # The public forms count attempts in the cache: with the cache gone they let the visitor through.
    with caplog.at_level(logging.WARNING):
        filed = client.post(
            reverse("frontend:complaint_file"),
            {
                "agency": world.agency.pk,
                "category": "health",
                "title": "Antrean puskesmas",
                "description": "Menunggu 5 jam",
                "anonymous": "on",
                "submission_key": str(uuid.uuid4()),
            },
        )
    assert filed.status_code == 303 and Complaint.objects.count() == 1
    assert any("Cache unavailable" in r.getMessage() for r in caplog.records)
    tracked = client.post(reverse("frontend:complaint_track"), {"tracking_number": "ADU/1", "code": "X"})
    assert tracked.status_code == 200
    client.force_login(world.citizen)
    assert client.get(reverse("frontend:request_list")).status_code == 200
