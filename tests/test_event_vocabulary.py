"""Issue 15 point 3: each action code is defined once, in its app's events.py, with its page label and (where
people are told of it) its notification text; no other module spells a code as a string."""

import ast
import datetime as dt
import importlib
from pathlib import Path

import pytest
from django.urls import reverse

from audit.actions import action_label, registered_actions
from notifications.messages import FALLBACK, MESSAGES
from ppid import services as s
from tests.helpers import at

ROOT = Path(__file__).resolve().parents[1]
EVENT_APPS = [
    "accounts",
    "agencies",
    "workcalendar",
    "transparency",
    "casenotes",
    "dip",
    "ppid",
    "complaints",
    "standards",
    "skm",
]


def _constants(module) -> dict[str, str]:
    return {name: value for name, value in vars(module).items() if name.isupper() and isinstance(value, str)}


def test_every_code_of_every_events_module_has_a_label_or_a_message():
    for app in EVENT_APPS:
        events = importlib.import_module(f"{app}.events")
        labels, messages = getattr(events, "LABELS", {}), getattr(events, "MESSAGES", {})
        for name, code in _constants(events).items():
            assert code in labels or code in messages, (
                f"{app}.events.{name} has neither a label nor a message"
            )
        assert set(labels) <= registered_actions(), f"{app}'s labels are not registered"
        assert all(MESSAGES[kind] is text for kind, text in messages.items()), f"{app}'s texts not registered"


def test_no_module_outside_events_spells_a_code():
    codes = set(registered_actions()) | {k for k in MESSAGES if not k.startswith("reminder.")}
    offenders = []
    for app in [*EVENT_APPS, "audit", "notifications", "api", "frontend", "config"]:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts or path.name == "events.py":
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Constant) and node.value in codes:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
    assert offenders == []


@pytest.mark.django_db
def test_recording_a_postal_receipt_is_told_in_words_on_the_case_timeline(client, world, file_request):
    # Before events.py the timeline printed the bare code "request.notice_receipt" (no page label existed).
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 11, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi pihak ketiga",
        )
    with at(2026, 12, 3, 9):
        s.information_request_record_notice_receipt(
            request_id=request.pk,
            actor=world.officer,
            received_on=dt.date(2026, 12, 2),
            reason="Tanda terima pos",
        )
        client.force_login(world.officer)
        html = client.get(reverse("frontend:request_detail", args=[request.pk])).content.decode()
    assert "Tanggal pemberitahuan diterima pemohon dicatat" in html
    assert "request.notice_receipt" not in html


def test_labels_and_messages_follow_the_active_language():
    from django.utils import translation

    with translation.override("en"):
        assert action_label("request.forward") == "Forwarded to another unit"
        assert action_label("unknown.code") == "unknown.code"
    assert str(FALLBACK)
