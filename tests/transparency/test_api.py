"""The /api/v1/stats/ endpoints: public statistics and downloads, validation, and who may see what."""

import csv
import io

import pytest
import time_machine
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from tests.fixtures.scenario import AT
from transparency.summary import refresh_summary

STATS = "/api/v1/stats/requests/"
COMPLAINTS = "/api/v1/stats/complaints/"
COMPLIANCE = "/api/v1/stats/compliance/"
OVERDUE = "/api/v1/stats/compliance/overdue/"
REPORT = "/api/v1/stats/annual-report/"
PDF = "/api/v1/stats/annual-report/pdf/"


@pytest.fixture
def client_for():
    def make(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def now():
    with time_machine.travel(AT, tick=False):
        yield


# --- public statistics ----------------------------------------------------------------------------------------
def test_request_statistics_need_no_login(scenario, client_for, now):
    response = client_for().get(STATS, {"agency": "diskominfo", "year": 2026})
    assert response.status_code == 200
    body = response.json()
    assert body["scope"]["agency"] == "diskominfo" and body["source"] == "live"
    assert body["figures"]["requests"]["received"] == 7
    assert body["figures"]["requests"]["response_time"]["median"] == 10
    assert body["figures"]["disputes"]["filed"] == 1
    assert len(body["by_month"]) == 12
    assert "requests.received" in body["definitions"]
    assert "Content-Disposition" not in response


def test_default_period_unit_and_all_agencies(scenario, client_for, now):
    client = client_for()
    assert client.get(STATS, {"agency": "diskominfo"}).json()["period"] == {
        "start": "2026-01-01",
        "end": "2026-12-31",
    }
    unit = client.get(
        STATS, {"agency": "diskominfo", "unit": scenario.world.pelaksana.pk, "year": 2026}
    ).json()
    assert unit["figures"]["requests"]["received"] == 2
    everyone = client.get(STATS, {"start": "2026-03-13", "end": "2026-03-13"}).json()
    assert everyone["scope"]["agency"] is None
    assert everyone["figures"]["requests"]["received"] == 4  # r1, r2, r4 and the other agency's r7
    unit_alone = client.get(STATS, {"unit": scenario.world.pelaksana.pk, "year": 2026}).json()
    assert unit_alone["scope"]["agency"] == "diskominfo"


def test_complaint_statistics(scenario, client_for, now):
    body = client_for().get(COMPLAINTS, {"agency": "diskominfo", "year": 2026}).json()
    figures = body["figures"]["complaints"]
    assert figures["received"] == 4
    assert figures["verification"]["on_time_share"] == 0.75
    assert figures["rating"]["average"] == 3.0
    assert "complaints.rating" in body["definitions"]


def test_a_fresh_summary_answers_the_public(scenario, client_for, now):
    refresh_summary(agency=scenario.world.agency)
    body = client_for().get(STATS, {"agency": "diskominfo", "year": 2026}).json()
    assert body["source"] == "summary"
    assert body["figures"]["requests"]["received"] == 7


def test_csv_download(scenario, client_for, now):
    response = client_for().get(STATS, {"agency": "diskominfo", "year": 2026, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == (
        'attachment; filename="statistik-permohonan-diskominfo-2026-01-01-2026-12-31.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    whole = {r["figure"]: r for r in rows if r["month"] == ""}
    assert whole["requests.received"]["value"] == "7"
    assert whole["requests.received"]["definition"].startswith("Jumlah permohonan informasi publik")
    assert whole["requests.response_time.median"]["value"] == "10"
    assert whole["requests.response_time.by_decision.not_documented.median"]["value"] == ""
    march = {r["figure"]: r["value"] for r in rows if r["month"] == "2026-03"}
    assert march["requests.received"] == "4"
    assert {r["agency"] for r in rows} == {"diskominfo"}
    complaints = client_for().get(COMPLAINTS, {"agency": "diskominfo", "year": 2026, "format": "csv"})
    assert "complaints.by_category.health,2" in complaints.content.decode("utf-8-sig")


def test_json_download(scenario, client_for, now):
    response = client_for().get(STATS, {"agency": "diskominfo", "year": 2026, "format": "json"})
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].endswith('.json"')
    assert response.json()["figures"]["requests"]["received"] == 7


def test_the_accept_header_does_not_choose_the_format(scenario, client_for, now):
    response = client_for().get(STATS, {"agency": "diskominfo", "year": 2026}, HTTP_ACCEPT="text/csv")
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"year": "dua ribu"}, "year"),
        ({"year": "1999"}, "year"),
        ({"year": "2026", "start": "2026-01-01", "end": "2026-02-01"}, "year"),
        ({"start": "2026-01-01"}, "end"),
        ({"start": "2026-13-01", "end": "2026-12-31"}, "start"),
        ({"start": "2026-03-01", "end": "2026-02-01"}, "end"),
        ({"start": "2020-01-01", "end": "2026-12-31"}, "end"),
        ({"start": "1900-01-01", "end": "1900-01-02"}, "start"),
        ({"unit": "satu"}, "unit"),
        ({"format": "xml"}, "format"),
        ({"agency": "bukan slug!"}, "agency"),
    ],
)
def test_bad_query_answers_400_in_the_error_format(world, client_for, params, field):
    for url in (STATS, COMPLAINTS):
        response = client_for().get(url, {"agency": "diskominfo", **params})
        assert response.status_code == 400, response.content
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert body["code"] == "invalid" and body["detail"]
        assert field in body["errors"], body


def test_errors_stay_json_even_for_a_csv_download(world, client_for):
    response = client_for().get(STATS, {"agency": "diskominfo", "year": "x", "format": "csv"})
    assert (response.status_code, response["Content-Type"]) == (400, "application/json")


def test_unknown_agency_or_unit_answers_404(world, client_for):
    client = client_for()
    assert client.get(STATS, {"agency": "tidak-ada"}).status_code == 404
    # A unit of another agency is not found under this one.
    other_unit = world.other_utama.pk
    response = client.get(STATS, {"agency": "diskominfo", "unit": other_unit})
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client.get(COMPLAINTS, {"unit": 999_999}).status_code == 404


def test_definitions(world, client_for):
    response = client_for().get("/api/v1/stats/definitions/")
    assert response.status_code == 200
    definitions = response.json()["definitions"]
    assert definitions["requests.response_time.median"]["label"] == "Median waktu menjawab"
    assert "compliance.aging" in definitions


def test_public_statistics_cost_a_fixed_number_of_queries(
    scenario, client_for, now, django_assert_max_num_queries
):
    refresh_summary(agency=scenario.world.agency)
    with django_assert_max_num_queries(5):
        assert client_for().get(STATS, {"agency": "diskominfo", "year": 2026}).status_code == 200


# --- compliance ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 401),
        ("citizen", 404),
        ("outsider", 404),
        ("officer", 403),
        ("pelaksana_officer", 403),
        ("head", 403),
        ("atasan", 403),
        ("auditor", 200),
        ("admin", 200),
    ],
)
def test_compliance_is_for_auditors_and_administrators(scenario, client_for, now, role, status):
    user = getattr(scenario.world, role) if role else None
    for url in (COMPLIANCE, OVERDUE):
        response = client_for(user).get(url, {"agency": "diskominfo"})
        assert response.status_code == status, (url, response.content)
        assert response["Content-Type"] == "application/json"


def test_compliance_for_a_superuser_and_missing_agency(scenario, client_for, now):
    root = get_user_model().objects.create_superuser("root", "root@example.id", "sandi-yang-panjang-9")
    assert client_for(root).get(COMPLIANCE, {"agency": "dinas-lain"}).status_code == 200
    auditor = client_for(scenario.world.auditor)
    assert auditor.get(COMPLIANCE).status_code == 400
    assert auditor.get(COMPLIANCE, {"agency": "dinas-lain"}).status_code == 404
    assert auditor.get(COMPLIANCE, {"agency": "tidak-ada"}).status_code == 404


def test_compliance_body_and_drill_down(scenario, client_for, now):
    w = scenario.world
    auditor = client_for(w.auditor)
    body = auditor.get(COMPLIANCE, {"agency": "diskominfo"}).json()
    utama = next(u for u in body["units"] if u["unit"] == w.utama.pk)
    assert (utama["on_time_rate"], utama["overdue"], utama["max_overdue_working_days"]) == (0.6667, 1, 11)
    assert utama["overdue_url"] == f"{OVERDUE}?agency=diskominfo&unit={w.utama.pk}"
    overdue = auditor.get(utama["overdue_url"]).json()
    assert overdue["count"] == 1
    (case,) = overdue["results"]
    assert case["url"] == f"/api/v1/requests/{scenario.r5.pk}/"
    detail = auditor.get(case["url"])
    assert detail.status_code == 200 and detail.json()["id"] == scenario.r5.pk
    everything = auditor.get(OVERDUE, {"agency": "diskominfo", "page_size": 1, "page": 2}).json()
    assert (everything["count"], everything["page"], everything["page_size"]) == (2, 2, 1)
    assert everything["results"][0]["id"] == scenario.r5.pk
    complaint = auditor.get(OVERDUE, {"agency": "diskominfo"}).json()["results"][0]
    assert complaint["url"] == f"/api/v1/complaints/{scenario.c2.pk}/"
    assert auditor.get(complaint["url"]).status_code == 200
    assert auditor.get(OVERDUE, {"agency": "diskominfo", "unit": w.other_utama.pk}).status_code == 404
    assert auditor.get(OVERDUE, {"agency": "diskominfo", "page_size": 500}).status_code == 400


# --- the annual report --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "get", "put"),
    [
        (None, 401, 401),
        ("citizen", 404, 404),
        ("outsider", 404, 404),
        ("officer", 200, 403),
        ("auditor", 200, 403),
        ("atasan", 200, 403),
        ("head", 200, 200),
        ("admin", 200, 200),
    ],
)
def test_annual_report_permissions(scenario, client_for, now, role, get, put):
    client = client_for(getattr(scenario.world, role) if role else None)
    query = "?agency=diskominfo&year=2026"
    assert client.get(REPORT + query).status_code == get
    response = client.put(REPORT + query, {"policy_text": "Satu meja layanan."}, format="json")
    assert response.status_code == put, response.content
    if put == 200:
        body = response.json()
        assert body["sections"]["a"]["text"] == "Satu meja layanan."
        assert body["sections"]["c"]["requests_received"] == 7


def test_annual_report_pdf_and_validation(scenario, client_for, now):
    client = client_for(scenario.world.auditor)
    response = client.get(PDF, {"agency": "diskominfo", "year": 2026})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="laporan-layanan-informasi-diskominfo-2026.pdf"'
    )
    bad = client.get(PDF, {"agency": "diskominfo", "year": 2027})  # a year that has not begun
    assert (bad.status_code, bad["Content-Type"]) == (400, "application/json")
    assert client.get(PDF, {"agency": "diskominfo"}).status_code == 400
    assert client_for().get(PDF, {"agency": "diskominfo", "year": 2026}).status_code == 401
    head = client_for(scenario.world.head)
    refused = head.put(
        f"{REPORT}?agency=diskominfo&year=2026", {"policy_text": "NIK 3273015505900001"}, format="json"
    )
    assert refused.status_code == 400 and "policy_text" in refused.json()["errors"]
