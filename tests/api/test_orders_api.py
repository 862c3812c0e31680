"""Issue 16 point 6 over the API: the objection's `order_obligation`, `GET /api/v1/orders/?state=&unit=`,
`POST /api/v1/orders/{id}/transitions/comply/` (JSON, or multipart with files) and the files' downloads, each role
against each, including the requester and another agency."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator

from ppid import services as s
from ppid.models import OrderState
from tests.fixtures.orders import ORDER_TEXT
from tests.helpers import at

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
ROLES = {
    "pelaksana_officer": 200,  # an officer of the unit that must comply
    "pelaksana_head": 200,
    "officer": 200,  # the PPID Utama
    "head": 200,
    "atasan": 403,  # reads the order, does not carry it out
    "auditor": 403,
    "admin": 403,
    "citizen": 404,  # the requester reads it as a citizen
    "other_citizen": 404,
    "disdik_officer": 404,  # another PPID Pelaksana
    "outsider": 404,  # another agency
}
SEES = {role for role, code in ROLES.items() if code != 404} | {"citizen"}


@pytest.fixture
def media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _comply_url(order):
    return f"/api/v1/orders/{order.pk}/transitions/comply/"


def test_the_objection_carries_its_order(api, world, granted_order):
    body = api(world.citizen).get(f"/api/v1/objections/{granted_order.objection_id}/").json()
    assert body["order_obligation"] == {
        "id": granted_order.pk,
        "what": ORDER_TEXT,
        "due_date": "2026-04-24",
        "state": "open",
        "complied_at": None,
        "statement": "",
        "files": [],
    }


def test_an_objection_without_an_order_says_null(api, world, order_case):
    objection = order_case.object()
    body = api(world.citizen).get(f"/api/v1/objections/{objection.pk}/").json()
    assert body["order_obligation"] is None


@pytest.mark.parametrize("role", sorted(ROLES))
def test_who_sees_the_orders(api, world, granted_order, role):
    client = api(getattr(world, role))
    listed = [o["id"] for o in client.get("/api/v1/orders/").json()["results"]]
    detail = client.get(f"/api/v1/orders/{granted_order.pk}/")
    if role in SEES:
        assert listed == [granted_order.pk]
        assert detail.status_code == 200
        assert detail.json()["objection_number"] == granted_order.objection.registration_number
    else:
        assert listed == []
        assert detail.status_code == 404


def test_the_list_filters_by_state_and_unit(api, world, granted_order):
    client = api(world.atasan)
    assert [o["id"] for o in client.get("/api/v1/orders/?state=open").json()["results"]] == [granted_order.pk]
    assert client.get("/api/v1/orders/?state=complied").json()["results"] == []
    assert client.get(f"/api/v1/orders/?unit={world.pelaksana.pk}").json()["count"] == 1
    assert client.get(f"/api/v1/orders/?unit={world.utama.pk}").json()["count"] == 0
    bad = client.get("/api/v1/orders/?state=done")
    assert bad.status_code == 400 and "state" in bad.json()["errors"]


@pytest.mark.parametrize(("role", "expected"), sorted(ROLES.items()))
def test_who_may_record_compliance(api, world, granted_order, role, expected):
    with at(2026, 4, 20, 9):
        answer = api(getattr(world, role)).post(
            _comply_url(granted_order), {"statement": "Dikirim"}, format="json"
        )
    assert answer.status_code == expected, answer.content
    granted_order.refresh_from_db()
    assert granted_order.state == (OrderState.COMPLIED if expected == 200 else OrderState.OPEN)
    if expected == 200:
        body = answer.json()
        assert body["state"] == "complied" and body["statement"] == "Dikirim"
        assert body["complied_late"] is False and body["available_transitions"] == []


def test_permission_and_state_come_before_the_payload(api, world, granted_order):
    assert api(world.atasan).post(_comply_url(granted_order), {}, format="json").status_code == 403
    blank = api(world.pelaksana_officer).post(_comply_url(granted_order), {"statement": " "}, format="json")
    assert blank.status_code == 400 and "statement" in blank.json()["errors"]
    s.objection_order_comply(order_id=granted_order.pk, actor=world.pelaksana_officer, statement="Dikirim")
    again = api(world.officer).post(_comply_url(granted_order), {}, format="json")
    assert again.status_code == 409


def test_compliance_with_files_the_requester_downloads(api, world, granted_order, media):
    upload = SimpleUploadedFile("anggaran.pdf", PDF, content_type="application/pdf")
    answer = api(world.pelaksana_officer).post(
        _comply_url(granted_order), {"statement": "Salinan terlampir", "files": [upload]}, format="multipart"
    )
    assert answer.status_code == 200, answer.content
    (file_out,) = answer.json()["files"]
    assert file_out["name"] == "anggaran.pdf" and file_out["size"] == len(PDF)
    assert file_out["download"] == f"/api/v1/orders/{granted_order.pk}/files/{file_out['id']}/"
    body = api(world.citizen).get(f"/api/v1/objections/{granted_order.objection_id}/").json()
    assert body["order_obligation"]["files"][0]["id"] == file_out["id"]
    assert body["order_obligation"]["statement"] == "Salinan terlampir"
    download = api(world.citizen).get(file_out["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    for stranger in (world.other_citizen, world.disdik_officer, world.outsider):
        assert api(stranger).get(file_out["download"]).status_code == 404
    # A file id under another order's path is not found either.
    assert api(world.citizen).get(f"/api/v1/orders/{granted_order.pk}/files/999999/").status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_lists_do_not_grow_with_the_orders(api, world, order_case, another_order_case, media):
    order_case.object()
    order = order_case.decide()
    client = api(world.atasan)
    one_order, one_objection = _queries(client, "/api/v1/orders/"), _queries(client, "/api/v1/objections/")
    another_order_case.object()
    another_order_case.decide()
    s.objection_order_comply(
        order_id=order.pk,
        actor=world.pelaksana_officer,
        statement="Dikirim",
        files=[SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")],
    )
    assert client.get("/api/v1/orders/").json()["count"] == 2
    assert _queries(client, "/api/v1/orders/") == one_order
    assert _queries(client, "/api/v1/objections/") == one_objection


def test_the_schema_documents_the_orders():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = schema["paths"]
    assert "/api/v1/orders/" in paths and "/api/v1/orders/{id}/transitions/comply/" in paths
    assert {p["name"] for p in paths["/api/v1/orders/"]["get"]["parameters"]} >= {"state", "unit"}
    comply = paths["/api/v1/orders/{id}/transitions/comply/"]["post"]
    assert set(comply["requestBody"]["content"]) >= {"application/json", "multipart/form-data"}
    objection = schema["components"]["schemas"]["ObjectionOut"]["properties"]
    assert "order_obligation" in objection
