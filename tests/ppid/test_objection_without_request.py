"""Issue 14 point 4: a keberatan on ground b (UU 14/2008 Pasal 35(1)b, periodic information not published) needs
no request. It names the information, carries the objector's identity, belongs to a unit, and is worked, decided,
lettered, counted and shown like any objection."""

import datetime as dt
import io
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader
from rest_framework.test import APIClient

from audit.models import Event
from ppid import letters
from ppid import services as s
from ppid.errors import PermissionDenied, ValidationError
from ppid.models import Objection, ObjectionState
from ppid.selectors import objections_visible_to
from transparency.facts import objection_facts
from workcalendar.calendar import WorkingCalendar

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
INFORMATION = "Laporan keuangan Dinas Kesehatan tahun 2025 (informasi berkala, Pasal 9 ayat 2 huruf c)"


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)).strip()


def file_periodic(world, **kwargs):
    data = {
        "requester": world.citizen,
        "agency": world.agency,
        "information": INFORMATION,
        "reason": "Laporan itu tidak ada di laman PPID maupun papan pengumuman sejak Juli 2026.",
    }
    data.update(kwargs)
    return s.objection_file_periodic(**data)


def test_a_citizen_objects_to_unpublished_periodic_information_without_a_request(world):
    with at(2026, 12, 2, 10):
        objection = file_periodic(world, unit=world.pelaksana)
    objection.refresh_from_db()
    assert objection.request is None
    assert objection.information == INFORMATION
    assert objection.unit == world.pelaksana
    assert objection.grounds == ["b"] and not objection.filed_after_window
    assert objection.requester == world.citizen and objection.requester_name == "Siti"
    assert objection.requester_address == "Jl. Contoh No. 1, Bandung"
    # The Atasan's 30 working days run as for any objection; the ground arose on the day it was raised.
    received = dt.datetime(2026, 12, 2, 10, tzinfo=WIB)
    assert objection.due_date == WorkingCalendar(world.agency).add_working_days(received, 30).due_date
    assert objection.ground_windows["b"]["arose_on"] == "2026-12-02"
    assert objection.ground_windows["b"]["arose_kind"] == "not_published"
    event = Event.objects.for_object(objection).get(action="objection.registered")
    assert event.details["request"] is None and event.details["unit"] == world.pelaksana.pk


def test_without_a_unit_it_goes_to_the_ppid_utama(world):
    with at(2026, 12, 2, 10):
        objection = file_periodic(world)
    assert objection.unit == world.utama


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"information": "  "}, "information"),
        ({"reason": ""}, "reason"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_creates_nothing(world, change, field):
    with at(2026, 12, 2, 10), pytest.raises(ValidationError) as exc:
        file_periodic(world, **change)
    assert field in exc.value.message_dict
    assert not Objection.objects.exists()


def test_a_unit_of_another_agency_is_refused(world):
    with at(2026, 12, 2, 10), pytest.raises(ValidationError) as exc:
        file_periodic(world, unit=world.other_utama)
    assert "unit" in exc.value.message_dict
    assert not Objection.objects.exists()


def test_a_citizen_who_cannot_file_yet_is_refused(world):
    world.citizen.email_confirmed_at = None
    world.citizen.save()
    with at(2026, 12, 2, 10), pytest.raises(PermissionDenied):
        file_periodic(world)


def test_the_same_submission_twice_is_one_objection(world):
    key = uuid.uuid4()
    with at(2026, 12, 2, 10):
        first = file_periodic(world, submission_key=key)
        second = file_periodic(world, submission_key=key)
    assert first.pk == second.pk and Objection.objects.count() == 1


def test_who_sees_it(world):
    with at(2026, 12, 2, 10):
        objection = file_periodic(world, unit=world.utama)
        in_pelaksana = file_periodic(world, unit=world.pelaksana, submission_key=uuid.uuid4())

    def sees(user):
        return set(objections_visible_to(user).values_list("pk", flat=True))

    assert sees(world.citizen) == {objection.pk, in_pelaksana.pk}
    assert sees(world.other_citizen) == set()
    assert sees(world.officer) == {objection.pk, in_pelaksana.pk}  # PPID Utama reaches every unit
    assert sees(world.atasan) == {objection.pk, in_pelaksana.pk}
    assert sees(world.pelaksana_officer) == {in_pelaksana.pk}  # a Pelaksana only its own unit's
    assert sees(world.outsider) == set()


def test_the_atasan_decides_it_and_the_letters_name_the_information_not_a_request(world):
    with at(2026, 12, 2, 10):
        objection = file_periodic(world, unit=world.pelaksana)
    with at(2026, 12, 10, 10):
        s.objection_review(objection_id=objection.pk, actor=world.atasan)
        s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="granted",
            reasons="Laporan keuangan termasuk informasi berkala yang wajib diumumkan.",
            order="Umumkan laporan keuangan tahun 2025 di laman PPID.",
            comply_by=dt.date(2026, 12, 31),
        )
    objection.refresh_from_db()
    assert objection.state == ObjectionState.DECIDED
    receipt = pdf_text(letters.render_objection_receipt(objection, viewer=world.citizen))
    for phrase in (
        "Nomor registrasi keberatan",
        objection.registration_number,
        "Informasi berkala yang tidak disediakan",
        "Laporan keuangan Dinas Kesehatan tahun 2025",
        "Siti",
        "Jl. Contoh No. 1, Bandung",  # the objector sees their own address
        "b. tidak disediakannya informasi berkala",
    ):
        assert phrase in receipt, phrase
    assert "Nomor registrasi permohonan: " not in receipt
    decision = pdf_text(letters.render_objection_decision(objection, viewer=world.atasan))
    assert "tidak disediakannya informasi berkala" in decision
    assert "Laporan keuangan Dinas Kesehatan tahun 2025" in decision
    assert "Umumkan laporan keuangan tahun 2025" in decision
    # An auditor reads the letter without the objector's address (data minimisation).
    assert "Jl. Contoh" not in pdf_text(letters.render_objection_receipt(objection, viewer=world.auditor))


def test_the_objector_gets_the_receipt_attached_to_the_registration_mail(
    world, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    mail.outbox.clear()
    with at(2026, 12, 2, 10), django_capture_on_commit_callbacks(execute=True):
        objection = file_periodic(world)
    [message] = [m for m in mail.outbox if world.citizen.email in m.to]
    [(filename, content, mimetype)] = message.attachments
    assert mimetype == "application/pdf" and filename.endswith(".pdf")
    assert objection.registration_number in pdf_text(content)


def test_it_is_counted_in_the_statistics_under_its_unit(world):
    with at(2026, 12, 2, 10):
        file_periodic(world, unit=world.pelaksana)
        rows = list(objection_facts([world.agency], WIB, today=dt.date(2026, 12, 2), by_unit=True))
    assert [(r["unit_id"], r["grounds"]) for r in rows] == [(world.pelaksana.pk, ["b"])]


def test_an_officer_registers_one_received_at_the_desk_with_the_identity_written_on_it(world):
    with at(2026, 12, 2, 14):
        objection = s.objection_register_periodic_offline(
            officer=world.officer,
            agency=world.agency,
            information=INFORMATION,
            reason="Diserahkan langsung di meja layanan.",
            received_at=dt.datetime(2026, 12, 1, 9, tzinfo=WIB),
            requester_name="Ahmad Fauzi",
            requester_address="Jl. Merdeka 5, Cimahi",
        )
    assert objection.requester is None and objection.requester_name == "Ahmad Fauzi"
    assert objection.channel == "walk_in" and objection.received_at.date() == dt.date(2026, 12, 1)
    with at(2026, 12, 2, 14), pytest.raises(PermissionDenied):
        s.objection_register_periodic_offline(
            officer=world.outsider,
            agency=world.agency,
            information=INFORMATION,
            reason="x",
            received_at=dt.datetime(2026, 12, 1, 9, tzinfo=WIB),
            requester_name="Ahmad Fauzi",
            requester_address="Jl. Merdeka 5, Cimahi",
        )


# --- API ------------------------------------------------------------------------------------------------------
def api_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_takes_information_instead_of_request(world):
    with at(2026, 12, 2, 10):
        resp = api_for(world.citizen).post(
            "/api/v1/objections/",
            {
                "agency": world.agency.slug,
                "unit": world.pelaksana.pk,
                "information": INFORMATION,
                "reason": "Tidak diumumkan.",
            },
            format="json",
        )
    assert resp.status_code == 201, resp.content
    body = resp.json()
    assert body["request"] is None and body["request_number"] is None
    assert body["information"] == INFORMATION and body["unit"] == world.pelaksana.pk
    assert body["grounds"] == ["b"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"information": INFORMATION, "reason": "x"}, "agency"),
        ({"agency": "diskominfo", "reason": "x"}, "information"),
        ({"agency": "diskominfo", "information": INFORMATION, "reason": "x", "grounds": ["a"]}, "grounds"),
        ({"request": 1, "reason": "x"}, "grounds"),
    ],
)
def test_the_api_says_what_is_missing_and_creates_nothing(world, payload, field):
    with at(2026, 12, 2, 10):
        resp = api_for(world.citizen).post("/api/v1/objections/", payload, format="json")
    assert resp.status_code == 400 and field in resp.json()["errors"], resp.content
    assert not Objection.objects.exists()


def test_the_schema_documents_the_new_fields(world):
    schema = api_for(world.officer).get("/api/v1/schema/?format=json").json()
    components = schema["components"]["schemas"]
    assert "information" in components["ObjectionOut"]["properties"]
    assert "information" in components["ObjectionCreateInRequest"]["properties"]
    assert "request" not in components["ObjectionCreateInRequest"].get("required", [])


# --- pages ----------------------------------------------------------------------------------------------------
def test_the_page_files_it_and_the_objection_page_shows_the_information(client, world):
    client.force_login(world.citizen)
    url = reverse("frontend:objection_file_periodic")
    page = client.get(url)
    assert page.status_code == 200 and "Pasal 35" in page.content.decode()
    with at(2026, 12, 2, 10):
        resp = client.post(
            url,
            {
                "agency": world.agency.pk,
                "unit": world.pelaksana.pk,
                "information": INFORMATION,
                "reason": "Tidak ada di laman PPID.",
                "submission_key": str(uuid.uuid4()),
            },
        )
    objection = Objection.objects.get()
    assert resp.status_code == 302 and resp["Location"] == reverse(
        "frontend:objection_detail", args=[objection.pk]
    )
    detail = client.get(resp["Location"]).content.decode()
    assert "Laporan keuangan Dinas Kesehatan tahun 2025" in detail
    assert "Kembali ke permohonan" not in detail
    client.force_login(world.atasan)
    queue = client.get(reverse("frontend:objection_queue")).content.decode()
    assert objection.registration_number in queue and "Tanpa permohonan" in queue


def test_the_page_keeps_the_input_and_says_what_is_missing(client, world):
    client.force_login(world.citizen)
    resp = client.post(
        reverse("frontend:objection_file_periodic"),
        {
            "agency": world.agency.pk,
            "information": "",
            "reason": "Alasan saya",
            "submission_key": str(uuid.uuid4()),
        },
    )
    html = resp.content.decode()
    assert resp.status_code == 200 and "Sebutkan informasi berkala yang tidak diumumkan." in html
    assert "Alasan saya" in html
    assert not Objection.objects.exists()
