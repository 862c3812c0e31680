"""Issue 13, the API contract: errors in the caller's language, throttles, the schema, answers after a change
that moves a case out of the caller's reach, inputs that used to answer 500, JSON when the server fails."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from audit.models import Event
from ppid.models import InformationRequest

pytestmark = pytest.mark.django_db


# --- a change that takes the case out of the caller's reach ------------------------------------------------------
def test_pelaksana_forward_out_of_reach_answers_204_and_commits(world, api, file_request):
    request = file_request(unit=world.pelaksana)
    client = api(world.pelaksana_officer)
    resp = client.post(
        f"/api/v1/requests/{request.pk}/transitions/forward/",
        {"unit": world.utama.pk, "note": "Bukan kewenangan Dinkes"},
        format="json",
    )
    assert resp.status_code == 204 and not resp.content
    assert InformationRequest.objects.get(pk=request.pk).unit == world.utama
    assert Event.objects.filter(action="request.forward").count() == 1
    # The caller no longer sees it; the officers of the PPID Utama do, with its new unit.
    assert client.get(f"/api/v1/requests/{request.pk}/").status_code == 404
    assert api(world.officer).get(f"/api/v1/requests/{request.pk}/").json()["unit"] == world.utama.pk


def test_a_forward_that_stays_in_reach_still_answers_200_with_the_request(world, api, file_request):
    request = file_request()
    resp = api(world.officer).post(
        f"/api/v1/requests/{request.pk}/transitions/forward/", {"unit": world.pelaksana.pk}, format="json"
    )
    assert resp.status_code == 200 and resp.json()["unit"] == world.pelaksana.pk


# --- point 35: one rule for who reads an event's reason -----------------------------------------------------------
def test_the_reason_for_viewing_the_nik_is_for_staff_only_in_the_api_as_on_the_page(world, api, file_request):
    from ppid import services as ppid_services
    from ppid.timeline import case_timeline

    request = file_request()
    assert request.requester_nik_encrypted
    ppid_services.information_request_reveal_nik(
        request_id=request.pk, viewer=world.officer, purpose="Cocokkan KTP pemohon"
    )
    url = f"/api/v1/requests/{request.pk}/events/"
    staff = {e["action"]: e for e in api(world.officer).get(url).json()}
    citizen = {e["action"]: e for e in api(world.citizen).get(url).json()}
    assert staff["personal_data.viewed"]["reason"] == "Cocokkan KTP pemohon"
    assert "personal_data.viewed" in citizen and citizen["personal_data.viewed"]["reason"] == ""
    # The page's timeline reads the same rule.
    page = {i.action: i.reason for i in case_timeline(request, world.citizen) if i.kind == "event"}
    assert page["personal_data.viewed"] == ""


# --- point 28: inputs that answered 500 answer 400 with a message -------------------------------------------------
def _processed(world, file_request):
    from ppid import services as ppid_services

    request = file_request()
    ppid_services.information_request_process(request_id=request.pk, actor=world.officer)
    return request


def test_an_overlong_holding_body_is_a_400_and_changes_nothing(world, api, file_request):
    request = _processed(world, file_request)
    resp = api(world.officer).post(
        f"/api/v1/requests/{request.pk}/transitions/respond/",
        {"decision": "not_held", "holding_body": "B" * 256},
        format="json",
    )
    assert resp.status_code == 400
    assert resp.json()["errors"]["holding_body"] == ["Isi bidang ini tidak boleh melebihi 255 karakter."]
    assert InformationRequest.objects.get(pk=request.pk).state == "in_process"


def test_an_overlong_proxy_name_is_a_400(world, api, file_request):
    from ppid import services as ppid_services
    from ppid.models import Objection

    request = _processed(world, file_request)
    ppid_services.information_request_respond(
        request_id=request.pk,
        actor=world.officer,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="x",
    )
    resp = api(world.citizen).post(
        "/api/v1/objections/",
        {"request": request.pk, "grounds": ["a"], "reason": "Tidak setuju", "proxy_name": "K" * 201},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert resp.status_code == 400
    assert resp.json()["errors"]["proxy_name"] == ["Ensure this field has no more than 200 characters."]
    assert not Objection.objects.exists()


@pytest.mark.parametrize("param", ["received_before", "received_after", "due_before", "due_after"])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_date_filter_at_the_end_of_the_calendar_is_a_400(world, api, param, day):
    resp = api(world.officer).get("/api/v1/requests/", {param: day})
    assert resp.status_code == 400
    [message] = resp.json()["errors"][param]
    assert message.startswith(
        "Tanggal paling lambat" if day.startswith("9999") else "Tanggal tidak boleh sebelum"
    )


@pytest.mark.parametrize("year", ["0", "99999999999999999999", "-1", "2026x"])
def test_a_holiday_year_out_of_range_is_a_400(world, api, year):
    resp = api().get("/api/v1/holidays/", {"year": year}, HTTP_ACCEPT_LANGUAGE="en")
    assert resp.status_code == 400
    assert resp.json()["code"] == "invalid" and resp.json()["errors"]["year"]


def test_a_holiday_year_in_range_still_filters(world, api):
    resp = api().get("/api/v1/holidays/", {"year": "2027"})
    assert resp.status_code == 200 and resp.json()["results"]
    assert {h["date"][:4] for h in resp.json()["results"]} == {"2027"}


def test_a_unit_agency_with_a_nul_byte_is_a_400(world, api):
    resp = api().get("/api/v1/units/?agency=%00")
    assert resp.status_code == 400 and "agency" in resp.json()["errors"]
    ok = api().get("/api/v1/units/", {"agency": "diskominfo"})
    assert ok.status_code == 200 and {u["agency"] for u in ok.json()["results"]} == {"diskominfo"}


@pytest.mark.parametrize(("lang", "words"), [("id", "terlalu dalam"), ("en", "too deeply")])
def test_json_nested_ten_thousand_levels_is_a_400(world, api, lang, words):
    body = "[" * 10_000 + "]" * 10_000
    resp = api(world.citizen).post(
        "/api/v1/requests/", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=lang
    )
    assert resp.status_code == 400
    assert resp.json()["code"] == "parse_error" and words in resp.json()["detail"]
    assert not InformationRequest.objects.exists()


# --- point 7: staff intake has its own throttle ----------------------------------------------------------------------
OFFLINE_INTAKE = {
    "agency": "diskominfo",
    "information_requested": "Anggaran 2025",
    "purpose": "Riset",
    "obtain_method": "softcopy",
    "delivery_method": "email",
    "channel": "post",
    "received_at": "2026-03-13T09:00:00+07:00",
    "requester": {
        "requester_type": "individual",
        "name": "Pak Darto",
        "nik": "3273011203850002",
        "address": "Jl. Braga",
        "phone": "0812",
    },
}
ONLINE_FILING = {k: v for k, v in OFFLINE_INTAKE.items() if k not in ("channel", "received_at", "requester")}


def test_an_officer_entering_a_mornings_post_is_not_stopped_by_the_citizens_filing_limit(world, api):
    from rest_framework.settings import api_settings

    filing_limit = int(api_settings.DEFAULT_THROTTLE_RATES["filing"].split("/")[0])
    officer = api(world.officer)
    with time_machine.travel(dt.datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        answers = [
            officer.post("/api/v1/requests/", OFFLINE_INTAKE, format="json").status_code
            for _ in range(filing_limit + 5)
        ]
    assert answers == [201] * (filing_limit + 5)
    assert InformationRequest.objects.count() == filing_limit + 5


def test_citizens_keep_the_filing_limit_and_hear_it_in_their_language(world, api):
    from rest_framework.settings import api_settings

    filing_limit = int(api_settings.DEFAULT_THROTTLE_RATES["filing"].split("/")[0])
    citizen = api(world.citizen)
    for _ in range(filing_limit):
        assert citizen.post("/api/v1/requests/", ONLINE_FILING, format="json").status_code == 201
    # Trying the staff route does not buy a citizen the higher limit.
    refused = citizen.post("/api/v1/requests/", OFFLINE_INTAKE, format="json", HTTP_ACCEPT_LANGUAGE="id")
    assert refused.status_code == 429 and refused.json()["code"] == "throttled"
    assert "Terlalu banyak permintaan" in refused.json()["detail"]
    en = citizen.post("/api/v1/requests/", ONLINE_FILING, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert en.status_code == 429 and "Too many requests" in en.json()["detail"]
    assert "Retry-After" in en


def test_the_intake_rate_is_a_setting_with_an_environment_override():
    import subprocess
    import sys

    code = "from config.settings import base; print(base.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']['intake'])"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"API_THROTTLE_INTAKE": "7/min", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "7/min"


# --- point 6: every message a client can get is in the caller's language ----------------------------------------
def _messages(body) -> list[str]:
    found = [body["detail"]]
    for messages in (body.get("errors") or {}).values():
        found += messages if isinstance(messages, list) else [str(messages)]
    return found


def _call(world, api, case, lang):
    from rest_framework.test import APIClient

    headers = {"HTTP_ACCEPT_LANGUAGE": lang}
    citizen = api(world.citizen)
    if case == "slug_does_not_exist":
        return citizen.post("/api/v1/requests/", {**ONLINE_FILING, "agency": "1"}, format="json", **headers)
    if case == "required_and_choice":
        return citizen.post("/api/v1/requests/", {"agency": "diskominfo", "obtain_method": "x"}, **headers)
    if case == "list_too_short":
        return citizen.post("/api/v1/objections/", {"request": 1, "grounds": [], "reason": "x"}, **headers)
    if case == "invalid_token":
        return APIClient().get("/api/v1/requests/", HTTP_AUTHORIZATION="Token nope", **headers)
    if case == "token_with_spaces":
        return APIClient().get("/api/v1/requests/", HTTP_AUTHORIZATION="Token a b", **headers)
    if case == "no_credentials":
        return APIClient().get("/api/v1/requests/", **headers)
    if case == "csrf":
        client = APIClient(enforce_csrf_checks=True)
        client.force_login(world.citizen)
        return client.post("/api/v1/requests/", ONLINE_FILING, format="json", **headers)
    if case == "service_permission":
        return citizen.post("/api/v1/requests/", OFFLINE_INTAKE, format="json", **headers)
    if case == "not_found":
        return citizen.get("/api/v1/requests/999999/", **headers)
    if case == "no_such_path":
        return citizen.get("/api/v1/no-such-thing/", **headers)
    if case == "bad_json":
        return citizen.post("/api/v1/requests/", "{bad", content_type="application/json", **headers)
    if case == "method_not_allowed":
        return citizen.delete("/api/v1/agencies/", **headers)
    if case == "media_type":
        return citizen.post("/api/v1/requests/", "x", content_type="text/plain", **headers)
    if case == "not_acceptable":
        return citizen.get("/api/v1/agencies/", HTTP_ACCEPT="application/xml", **headers)
    raise AssertionError(case)


LANGUAGE_SAMPLES = {
    "slug_does_not_exist": (
        400,
        "Objek dengan slug=1 tidak ditemukan.",
        "Object with slug=1 does not exist.",
    ),
    "required_and_choice": (400, "Bidang ini harus diisi.", "This field is required."),
    "list_too_short": (400, "Isi bidang ini minimal 1 butir.", "Ensure this field has at least 1 elements."),
    "invalid_token": (401, "Token tidak sah.", "Invalid token."),
    "token_with_spaces": (401, "tidak boleh memuat spasi", "should not contain spaces"),
    "no_credentials": (
        401,
        "Data autentikasi tidak diberikan.",
        "Authentication credentials were not provided.",
    ),
    "csrf": (403, "Pemeriksaan CSRF gagal", "CSRF check failed"),
    "service_permission": (403, "petugas", "officer"),
    "not_found": (404, "Tidak ditemukan.", "Not found."),
    "no_such_path": (404, "Tidak ditemukan.", "Not found."),
    "bad_json": (400, "bukan JSON yang sah (baris 1, kolom 2)", "not valid JSON (line 1, column 2)"),
    "method_not_allowed": (405, 'Metode "DELETE" tidak diizinkan.', 'Method "DELETE" not allowed.'),
    "media_type": (415, 'Jenis media "text/plain"', 'Unsupported media type "text/plain"'),
    "not_acceptable": (406, "header Accept", "Accept header"),
}


@pytest.mark.parametrize("case", sorted(LANGUAGE_SAMPLES))
def test_errors_come_in_the_callers_language(world, api, case):
    status, indonesian, english = LANGUAGE_SAMPLES[case]
    id_, en = _call(world, api, case, "id"), _call(world, api, case, "en")
    assert id_.status_code == en.status_code == status
    assert id_["Content-Type"].startswith("application/json") and en["Content-Type"].startswith(
        "application/json"
    )
    assert id_.json()["code"] == en.json()["code"]
    assert any(indonesian in m for m in _messages(id_.json())), id_.json()
    assert any(english in m for m in _messages(en.json())), en.json()
    # No English left in the Indonesian answer: each message differs from its English counterpart.
    assert not set(_messages(id_.json())) & set(_messages(en.json()))


def test_every_drf_field_and_exception_message_has_an_indonesian_translation():
    """DRF's own Indonesian catalogue lacks many messages; ours (api/locale/id) fills the gaps."""
    import inspect

    from django.utils import translation
    from rest_framework import exceptions, fields, relations, serializers

    messages = set()
    for module in (fields, relations, serializers):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            for klass in cls.__mro__:
                messages |= {m for m in getattr(klass, "default_error_messages", {}).values()}
    for _name, cls in inspect.getmembers(exceptions, inspect.isclass):
        if issubclass(cls, exceptions.APIException) and cls is not exceptions.Throttled:
            messages.add(cls.default_detail)
    untranslated = []
    for message in messages:
        with translation.override("en"):
            english = str(message)
        with translation.override("id"):
            indonesian = str(message)
        if english and indonesian == english:
            untranslated.append(english)
    assert sorted(untranslated) == []


# --- point 36: the API answers JSON when the database is down or anything else fails ----------------------------
def _database_down():
    from unittest import mock

    from django.db import OperationalError, connections

    return mock.patch.object(
        type(connections["default"]),
        "cursor",
        side_effect=OperationalError("could not connect to server: Connection refused"),
    )


@pytest.mark.parametrize(
    ("lang", "words"), [("id", "sementara tidak tersedia"), ("en", "temporarily unavailable")]
)
def test_a_database_outage_answers_503_json_in_the_callers_language(world, lang, words):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    token = Token.objects.create(user=world.citizen)
    anonymous, by_token = APIClient(raise_request_exception=False), APIClient(raise_request_exception=False)
    by_token.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    session = APIClient(raise_request_exception=False)
    session.force_login(world.citizen)
    with _database_down():
        answers = [
            anonymous.get("/api/v1/holidays/", HTTP_ACCEPT_LANGUAGE=lang),
            by_token.get("/api/v1/requests/", HTTP_ACCEPT_LANGUAGE=lang),
            session.get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE=lang),
        ]
    for resp in answers:
        assert resp.status_code == 503 and resp["Content-Type"] == "application/json"
        assert resp.json()["code"] == "service_unavailable" and words in resp.json()["detail"]
        assert resp["Retry-After"]


def test_an_unhandled_error_answers_500_json_on_the_api_and_html_on_pages(world, client):
    from unittest import mock

    from rest_framework.test import APIClient

    from api.resources import AgencyViewSet

    api_client = APIClient(raise_request_exception=False)
    with mock.patch.object(AgencyViewSet, "list", side_effect=RuntimeError("boom")):
        resp = api_client.get("/api/v1/agencies/", HTTP_ACCEPT_LANGUAGE="en")
    assert resp.status_code == 500 and resp["Content-Type"] == "application/json"
    assert resp.json() == {"code": "server_error", "detail": resp.json()["detail"]}
    assert "boom" not in resp.json()["detail"] and "server" in resp.json()["detail"]
    page_client = type(client)(raise_request_exception=False)
    page_client.force_login(world.citizen)
    with _database_down():
        page = page_client.get("/")
    assert page.status_code == 500 and page["Content-Type"].startswith("text/html")


def test_a_request_django_refuses_before_the_view_answers_400_json(world, api):
    from rest_framework.test import APIClient

    client = APIClient(raise_request_exception=False)
    client.force_authenticate(world.citizen)
    body = "&".join(f"f{i}=x" for i in range(1500))  # past DATA_UPLOAD_MAX_NUMBER_FIELDS
    resp = client.post(
        "/api/v1/requests/", body, content_type="application/x-www-form-urlencoded", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert resp.status_code == 400 and resp["Content-Type"] == "application/json"
    assert resp.json() == {"code": "bad_request", "detail": "The request cannot be processed."}


def test_offline_objections_registered_by_an_officer_use_the_intake_limit(world, api):
    from rest_framework.settings import api_settings

    filing_limit = int(api_settings.DEFAULT_THROTTLE_RATES["filing"].split("/")[0])
    officer = api(world.officer)
    payload = {"request": 999999, "grounds": ["a"], "reason": "x", "received_at": "2026-03-13T09:00:00+07:00"}
    # The throttle counts every attempt, refused or not: none of these may be a 429.
    answers = {
        officer.post("/api/v1/objections/", payload, format="json").status_code
        for _ in range(filing_limit + 3)
    }
    assert 429 not in answers
    citizen = api(world.citizen)
    online = {k: v for k, v in payload.items() if k != "received_at"}
    answers = [
        citizen.post("/api/v1/objections/", online, format="json").status_code
        for _ in range(filing_limit + 1)
    ]
    assert answers[-1] == 429
