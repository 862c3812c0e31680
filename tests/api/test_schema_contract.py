"""Issue 13 point 8: the generated OpenAPI schema documents the API as it behaves. Every operation has a
description; every query parameter a view reads is in the schema (found by recording which keys the views
look up while answering, as every role); every enum lists each code with its label."""

import re

import pytest
from django.http import QueryDict
from drf_spectacular.generators import SchemaGenerator
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from complaints.services import complaint_file
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                yield path, method, operation


def test_every_operation_has_a_description(schema):
    missing = [
        f"{m.upper()} {p}" for p, m, op in _operations(schema) if not (op.get("description") or "").strip()
    ]
    print("\n".join(missing))
    assert missing == []


# --- enums -------------------------------------------------------------------------------------------------------
def _enums(node, parent=None, where=""):
    """Every enum in the schema with the description that documents it: its own, or its holder's (a query
    parameter documents the enum of its schema)."""
    if isinstance(node, dict):
        if "enum" in node:
            yield where, node, f"{node.get('description') or ''}\n{(parent or {}).get('description') or ''}"
        for key, child in node.items():
            yield from _enums(child, node, f"{where}/{key}")
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _enums(child, parent, f"{where}/{i}")


def test_every_enum_lists_its_codes_with_their_labels(schema):
    undocumented = []
    for where, enum, description in _enums(schema):
        for code in enum["enum"]:
            if code in (None, ""):
                continue
            label = re.search(rf"`{re.escape(str(code))}` - (.+)", description)
            if label is None or label.group(1).strip() in ("", str(code)):
                undocumented.append(f"{where}: {code}")
    print("\n".join(undocumented))
    assert undocumented == []


# --- query parameters --------------------------------------------------------------------------------------------
READ: set[str] = set()


class RecordingQueryDict(QueryDict):
    """A query string that remembers every key a view looks up (not those it looks up to build itself)."""

    def __init__(self, *args, **kwargs):
        self._building = True
        super().__init__(*args, **kwargs)
        self._building = False

    def _note(self, key):
        if not getattr(self, "_building", True):
            READ.add(key)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)


@pytest.fixture
def recording(monkeypatch):
    from django.core.handlers.wsgi import WSGIRequest

    monkeypatch.setattr(
        WSGIRequest, "GET", property(lambda self: RecordingQueryDict(self.META.get("QUERY_STRING", "")))
    )
    return READ


@pytest.fixture
def cases(world, file_request):
    request = file_request()
    complaint_file(
        reporter=world.citizen,
        agency=world.agency,
        title="Jalan rusak",
        description="Lubang besar",
        category="infrastructure",
    )
    assert Notification.objects.exists()
    return {"slug": world.agency.slug, "request": request}


# Read by DRF itself on every call (the URL format override, e.g. ?format=json), not by our views.
GLOBAL = {api_settings.URL_FORMAT_OVERRIDE}


def test_every_query_parameter_a_view_reads_is_in_the_schema(schema, world, cases, recording):
    clients = {"anonymous": APIClient()}
    for role in ("citizen", "officer", "pelaksana_officer", "atasan", "auditor", "admin"):
        clients[role] = APIClient()
        clients[role].force_authenticate(getattr(world, role))
    ids = {}
    undocumented = []
    for path, method, operation in _operations(schema):
        if method != "get":
            continue
        documented = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        read = set()
        for client in clients.values():
            url = path
            if "{id}" in url:
                collection = url.split("{id}")[0]
                if collection not in ids:
                    listed = APIClient()
                    listed.force_authenticate(world.officer)
                    results = listed.get(collection).json().get("results") or [{"id": 999999}]
                    ids[collection] = results[0]["id"]
                url = url.replace("{id}", str(ids[collection]))
            url = url.replace("{slug}", cases["slug"])
            recording.clear()
            client.get(url)
            read |= set(recording)
        missing = read - documented - GLOBAL
        if missing:
            undocumented.append(f"GET {path}: {sorted(missing)}")
    print("\n".join(undocumented))
    assert undocumented == []


def test_the_request_list_documents_its_filters_with_their_choices(schema):
    operation = schema["paths"]["/api/v1/requests/"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert {"state", "unit", "channel", "due_before", "overdue", "q", "mine", "ordering"} <= set(params)
    assert "`in_process` - " in params["state"]["description"]
