"""Information request pages: filing, the requester's list, the detail page with its transitions, the queue,
offline intake, documents, letters and the NIK reveal."""

import datetime as dt
import sys
import types
import uuid
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import Event
from ppid.models import InformationRequest, RequestResponse, RequestState

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
# Monday 6 July 2026: ten working days later is Monday 20 July; the extension adds seven, to 29 July.
MONDAY = dt.datetime(2026, 7, 6, 10, 0, tzinfo=WIB)


@pytest.fixture
def frozen():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


def pdf(name="kuasa.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n", "application/pdf")


def filing_data(world, **overrides):
    data = {
        "agency": world.agency.pk,
        "unit": "",
        "information_requested": "Dokumen anggaran Dinas Kesehatan tahun 2025",
        "purpose": "Penelitian skripsi",
        "obtain_method": "softcopy",
        "delivery_method": "email",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def detail_url(obj):
    return reverse("frontend:request_detail", args=[obj.pk])


def action_url(obj, name):
    return reverse("frontend:request_action", args=[obj.pk, name])


# --- Filing --------------------------------------------------------------------------------------------------
def test_citizen_files_and_lands_on_the_detail_page_with_number_and_due_date(client, world, frozen):
    client.force_login(world.citizen)
    form_page = client.get(reverse("frontend:request_file"))
    assert form_page.status_code == 200
    assert 'name="submission_key"' in form_page.content.decode()

    resp = client.post(reverse("frontend:request_file"), filing_data(world))

    obj = InformationRequest.objects.get()
    assert resp.status_code == 302
    assert resp.url == detail_url(obj)
    html = client.get(resp.url).content.decode()
    assert obj.registration_number in html
    assert obj.due_date == dt.date(2026, 7, 20)
    assert "20 Juli 2026" in html  # in the success message and the summary
    assert f"Permohonan Anda terdaftar dengan nomor {obj.registration_number}" in html
    assert "hari ke-0" in html  # the deadline explanation
    assert obj.requester == world.citizen and obj.state == RequestState.REGISTERED


def test_double_submit_with_the_same_key_creates_one_request(client, world, frozen):
    client.force_login(world.citizen)
    data = filing_data(world)
    first = client.post(reverse("frontend:request_file"), data)
    second = client.post(reverse("frontend:request_file"), data)
    assert InformationRequest.objects.count() == 1
    assert first.url == second.url == detail_url(InformationRequest.objects.get())


def test_invalid_filing_keeps_the_input_shows_an_indonesian_error_and_creates_nothing(client, world):
    client.force_login(world.citizen)
    data = filing_data(
        world, purpose="", information_requested="Daftar kontrak pengadaan alat kesehatan 2025"
    )
    resp = client.post(reverse("frontend:request_file"), data)
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Daftar kontrak pengadaan alat kesehatan 2025" in html
    assert "Tuliskan tujuan penggunaan informasi" in html
    assert 'class="error-summary"' in html
    assert data["submission_key"] in html  # the same key is kept for the corrected submit
    assert InformationRequest.objects.count() == 0


def test_service_errors_land_on_the_form_fields(client, world):
    """A unit of another agency passes the form (it is an active unit) but the service refuses it."""
    client.force_login(world.citizen)
    resp = client.post(reverse("frontend:request_file"), filing_data(world, unit=world.other_utama.pk))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Unit harus unit aktif dari badan publik yang dituju." in html
    assert InformationRequest.objects.count() == 0


def test_a_legal_entity_without_its_deed_is_told_so(client, world):
    profile = world.citizen.citizen_profile
    profile.requester_type, profile.entity_number = "legal_entity", "AHU-0001.AH.01.04.2020"
    profile.save()
    client.force_login(world.citizen)
    resp = client.post(reverse("frontend:request_file"), filing_data(world))
    assert "wajib melampirkan pengesahan badan hukum" in resp.content.decode()
    assert InformationRequest.objects.count() == 0

    data = filing_data(world, legal_entity_deed=pdf("akta.pdf"))
    assert client.post(reverse("frontend:request_file"), data).status_code == 302
    assert InformationRequest.objects.get().documents.get().kind == "legal_entity_deed"


def test_a_citizen_who_cannot_file_sees_why_instead_of_the_form(client, world):
    world.citizen.email_confirmed_at = None
    world.citizen.save()
    client.force_login(world.citizen)
    html = client.get(reverse("frontend:request_file")).content.decode()
    assert "belum dikonfirmasi" in html
    assert reverse("frontend:profile") in html
    assert 'name="submission_key"' not in html


def test_my_requests_lists_only_mine_with_state_and_badge(client, world, file_request, frozen):
    mine = file_request()
    theirs = file_request(user=world.other_citizen)
    client.force_login(world.citizen)
    html = client.get(reverse("frontend:request_list")).content.decode()
    assert mine.registration_number in html and theirs.registration_number not in html
    assert "Terdaftar" in html
    assert "badge-ok" in html and "Dalam batas waktu" in html


# --- Scoping -------------------------------------------------------------------------------------------------
def test_others_cannot_open_a_request(client, world, file_request):
    obj = file_request()
    for outsider in (world.other_citizen, world.outsider):
        client.force_login(outsider)
        assert client.get(detail_url(obj)).status_code == 404
        assert client.post(action_url(obj, "withdraw"), {}).status_code == 404
        assert (
            client.get(reverse("frontend:request_letter", args=[obj.pk, "tanda-terima"])).status_code == 404
        )
    assert InformationRequest.objects.get().state == RequestState.REGISTERED


def test_queue_is_404_for_citizens(client, world):
    client.force_login(world.citizen)
    assert client.get(reverse("frontend:queue")).status_code == 404
    assert client.get(reverse("frontend:offline_intake")).status_code == 404


# --- Transitions ---------------------------------------------------------------------------------------------
def test_only_the_allowed_transition_forms_are_shown(client, world, file_request):
    obj = file_request()
    client.force_login(world.citizen)
    html = client.get(detail_url(obj)).content.decode()
    assert reverse("frontend:request_withdraw", args=[obj.pk]) in html  # after a confirmation step
    assert action_url(obj, "respond") not in html and action_url(obj, "process") not in html

    client.force_login(world.officer)
    html = client.get(detail_url(obj)).content.decode()
    assert action_url(obj, "process") in html and action_url(obj, "forward") in html
    assert action_url(obj, "clarify") not in html
    assert action_url(obj, "respond") not in html  # only once in process
    assert action_url(obj, "withdraw") not in html
    assert reverse("frontend:request_withdraw", args=[obj.pk]) not in html


def test_officer_works_a_request_from_the_queue_to_the_response(client, world, file_request, frozen):
    obj = file_request()
    client.force_login(world.officer)

    queue = client.get(reverse("frontend:queue")).content.decode()
    assert obj.registration_number in queue and detail_url(obj) in queue

    assert client.post(action_url(obj, "process"), {}).status_code == 302
    obj.refresh_from_db()
    assert obj.state == RequestState.IN_PROCESS

    resp = client.post(action_url(obj, "extend"), {"extend-reason": "Informasi tersebar di tiga unit."})
    assert resp.status_code == 302
    obj.refresh_from_db()
    assert obj.extended and obj.due_date == dt.date(2026, 7, 29)
    html = client.get(detail_url(obj)).content.decode()
    assert "29 Juli 2026" in html and "Informasi tersebar di tiga unit." in html
    assert action_url(obj, "extend") not in html  # once only

    resp = client.post(
        action_url(obj, "respond"),
        {
            "respond-decision": "granted",
            "respond-provided_information": "Salinan DPA Dinas Kesehatan 2025",
            "respond-fee_amount": "0",
            "respond-files": [pdf("dpa.pdf")],
        },
    )
    assert resp.status_code == 302
    obj.refresh_from_db()
    assert obj.state == RequestState.RESPONDED
    assert obj.response.provided_information == "Salinan DPA Dinas Kesehatan 2025"
    assert obj.documents.get().kind == "response_file"

    client.force_login(world.citizen)
    html = client.get(detail_url(obj)).content.decode()
    assert "Diterima seluruhnya" in html and "Salinan DPA Dinas Kesehatan 2025" in html
    assert action_url(obj, "complete") in html


def test_a_refusal_without_grounds_shows_the_error_keeps_the_input_and_changes_nothing(
    client, world, file_request
):
    obj = file_request()
    client.force_login(world.officer)
    client.post(action_url(obj, "process"), {})
    resp = client.post(
        action_url(obj, "respond"),
        {"respond-decision": "rejected", "respond-consequence_test": "Uji konsekuensi atas data pribadi"},
    )
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Penolakan atau pemberian sebagian wajib menyebut alasan pengecualian Pasal 17." in html
    assert "Uji konsekuensi atas data pribadi" in html
    obj.refresh_from_db()
    assert obj.state == RequestState.IN_PROCESS
    assert not RequestResponse.objects.exists()


def test_a_refusal_with_grounds_shows_their_labels(client, world, file_request):
    obj = file_request()
    client.force_login(world.officer)
    client.post(action_url(obj, "process"), {})
    resp = client.post(
        action_url(obj, "respond"),
        {
            "respond-decision": "rejected",
            "respond-exemption_grounds": ["h"],
            "respond-consequence_test": "Memuat data kesehatan pribadi pasien.",
        },
    )
    assert resp.status_code == 302
    html = client.get(detail_url(obj)).content.decode()
    assert "h. mengungkap rahasia pribadi" in html and "Ditolak" in html


def test_a_transition_someone_else_already_made_answers_409_and_changes_nothing(client, world, file_request):
    obj = file_request()
    client.force_login(world.officer)
    client.post(action_url(obj, "process"), {})
    before = Event.objects.count()
    resp = client.post(action_url(obj, "process"), {})
    assert resp.status_code == 409
    assert "mungkin petugas lain sudah mengambilnya" in resp.content.decode()
    assert Event.objects.count() == before


def test_a_citizen_calling_an_officer_transition_gets_403(client, world, file_request):
    obj = file_request()
    client.force_login(world.citizen)
    assert client.post(action_url(obj, "process"), {}).status_code == 403
    obj.refresh_from_db()
    assert obj.state == RequestState.REGISTERED


def test_clarification_round_trip_and_the_citizen_timeline_hides_staff(client, world, file_request):
    obj = file_request()
    client.force_login(world.officer)
    client.post(action_url(obj, "process"), {})
    resp = client.post(
        action_url(obj, "ask_clarification"), {"ask_clarification-message": "Tahun anggaran yang mana?"}
    )
    assert resp.status_code == 302

    client.force_login(world.citizen)
    html = client.get(detail_url(obj)).content.decode()
    assert "Tahun anggaran yang mana?" in html and action_url(obj, "clarify") in html
    assert "petugas" not in html.split('id="riwayat-h"')[1]  # who did it is for staff
    resp = client.post(action_url(obj, "clarify"), {"clarify-message": "Tahun 2025."})
    assert resp.status_code == 302
    obj.refresh_from_db()
    assert obj.state == RequestState.IN_PROCESS

    client.force_login(world.officer)
    html = client.get(detail_url(obj)).content.decode()
    assert "Tahun 2025." in html
    assert "petugas" in html.split('id="riwayat-h"')[1]


def test_a_bad_forward_keeps_the_form_bound_with_the_error(client, world, file_request):
    obj = file_request()
    client.force_login(world.officer)
    resp = client.post(action_url(obj, "forward"), {"forward-unit": "", "forward-note": "Untuk Dinkes"})
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Pilih unit tujuan." in html and "Untuk Dinkes" in html
    resp = client.post(action_url(obj, "forward"), {"forward-unit": world.pelaksana.pk})
    assert resp.status_code == 302
    obj.refresh_from_db()
    assert obj.unit == world.pelaksana


# --- Documents, letters, NIK ---------------------------------------------------------------------------------
def test_document_download_for_the_requester_and_404_for_another_citizen(client, world, file_request):
    obj = file_request(documents=[("power_of_attorney", pdf())])
    doc = obj.documents.get()
    url = reverse("frontend:request_document", args=[doc.pk])

    client.force_login(world.citizen)
    assert url in client.get(detail_url(obj)).content.decode()
    resp = client.get(url)
    assert resp.status_code == 200
    assert b"".join(resp.streaming_content).startswith(b"%PDF-1.4")
    assert resp["Content-Type"] == "application/pdf"
    assert resp["Content-Disposition"].startswith("attachment")
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert Event.objects.filter(action="document.downloaded").count() == 1

    client.force_login(world.other_citizen)
    assert client.get(url).status_code == 404


def test_letters_are_served_as_pdf_attachments(client, world, file_request, monkeypatch):
    def not_extended(request, **kwargs):
        raise ValueError("not extended")

    fake = types.ModuleType("ppid.letters")
    fake.render_receipt = lambda request, **kwargs: (
        b"%PDF-1.4 receipt " + request.registration_number.encode()
    )
    fake.render_extension_letter = not_extended
    fake.render_notice = not_extended
    monkeypatch.setitem(sys.modules, "ppid.letters", fake)
    monkeypatch.setattr("ppid.letters", fake, raising=False)
    obj = file_request()
    client.force_login(world.citizen)

    html = client.get(detail_url(obj)).content.decode()
    assert reverse("frontend:request_letter", args=[obj.pk, "tanda-terima"]) in html
    assert reverse("frontend:request_letter", args=[obj.pk, "perpanjangan"]) not in html

    resp = client.get(reverse("frontend:request_letter", args=[obj.pk, "tanda-terima"]))
    assert resp.status_code == 200
    assert resp["Content-Type"] == "application/pdf"
    disposition = resp["Content-Disposition"]
    assert disposition.startswith("attachment") and "/" not in disposition.split("filename=")[1]
    assert resp.content.startswith(b"%PDF-1.4 receipt")
    assert client.get(reverse("frontend:request_letter", args=[obj.pk, "perpanjangan"])).status_code == 404


def test_handling_officer_reveals_the_full_nik_once(client, world, file_request):
    obj = file_request()
    full_nik = "3273015505900001"
    client.force_login(world.citizen)
    assert "Lihat NIK lengkap" not in client.get(detail_url(obj)).content.decode()

    client.force_login(world.officer)
    html = client.get(detail_url(obj)).content.decode()
    assert "••••••••••••0001" in html and full_nik not in html and "Lihat NIK lengkap" in html

    reveal = reverse("frontend:request_reveal_nik", args=[obj.pk])
    assert "Sebutkan keperluan" in client.post(reveal, {"nik-purpose": ""}).content.decode()
    resp = client.post(reveal, {"nik-purpose": "Verifikasi identitas saat pengambilan salinan"})
    assert resp.status_code == 200 and full_nik in resp.content.decode()
    assert "no-store" in resp["Cache-Control"]
    assert Event.objects.filter(action="personal_data.viewed").count() == 1
    assert full_nik not in client.get(detail_url(obj)).content.decode()  # not kept anywhere

    client.force_login(world.auditor)  # sees the request, does not handle it
    assert client.post(reveal, {"nik-purpose": "Audit"}).status_code == 403


# --- Queue and offline intake ------------------------------------------------------------------------------
def test_queue_filters_and_badges(client, world, file_request):
    with time_machine.travel(MONDAY, tick=False):
        early = file_request()
    with time_machine.travel(MONDAY + dt.timedelta(days=7), tick=False):
        late = file_request(unit=world.pelaksana)
    client.force_login(world.officer)
    with time_machine.travel(dt.datetime(2026, 7, 16, 9, 0, tzinfo=WIB), tick=False):
        html = client.get(reverse("frontend:queue")).content.decode()
        assert html.index(early.registration_number) < html.index(late.registration_number)
        assert "badge-soon" in html and "Jatuh tempo dalam 2 hari kerja" in html  # 17 and 20 July left
        html = client.get(reverse("frontend:queue"), {"unit": world.pelaksana.pk}).content.decode()
        assert late.registration_number in html and early.registration_number not in html
    with time_machine.travel(dt.datetime(2026, 7, 21, 9, 0, tzinfo=WIB), tick=False):
        html = client.get(reverse("frontend:queue"), {"overdue": "on"}).content.decode()
        assert early.registration_number in html and late.registration_number not in html
        assert "badge-overdue" in html and "Lewat batas waktu" in html


def offline_data(world, **overrides):
    data = {
        "channel": "walk_in",
        "received_at": "2026-07-06T08:30",
        "agency": world.agency.pk,
        "unit": "",
        "requester_type": "individual",
        "name": "Ujang Sutisna",
        "nik": "3273015505900001",
        "address": "Jl. Braga No. 5, Bandung",
        "phone": "081234567890",
        "information_requested": "Rekap kunjungan puskesmas 2025",
        "purpose": "Advokasi warga",
        "obtain_method": "hardcopy",
        "delivery_method": "pickup",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_offline_intake_in_the_future_is_refused_and_creates_nothing(client, world, frozen):
    client.force_login(world.officer)
    resp = client.post(
        reverse("frontend:offline_intake"), offline_data(world, received_at="2026-07-07T08:00")
    )
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Tanggal penerimaan tidak boleh di masa depan" in html
    assert "Ujang Sutisna" in html
    assert InformationRequest.objects.count() == 0


def test_offline_intake_reads_the_time_in_the_agency_zone(client, world, frozen):
    world.agency.time_zone = "Asia/Makassar"  # WITA, UTC+8
    world.agency.save()
    client.force_login(world.officer)
    resp = client.post(reverse("frontend:offline_intake"), offline_data(world))
    obj = InformationRequest.objects.get()
    assert resp.status_code == 302 and resp.url == detail_url(obj)
    assert obj.received_at == dt.datetime(2026, 7, 6, 0, 30, tzinfo=dt.UTC)
    assert obj.channel == "walk_in" and obj.requester is None and obj.submitted_by == world.officer
    html = client.get(resp.url).content.decode()
    assert "08.30 WITA" in html


def test_offline_intake_offers_only_the_officers_agencies(client, world):
    client.force_login(world.officer)
    html = client.get(reverse("frontend:offline_intake")).content.decode()
    assert world.agency.name in html and world.other_agency.name not in html
    resp = client.post(reverse("frontend:offline_intake"), offline_data(world, agency=world.other_agency.pk))
    assert resp.status_code == 200 and InformationRequest.objects.count() == 0


def test_the_audit_trail_reads_in_words_with_the_code_beside_them(client, world, file_request):
    obj = file_request()
    client.force_login(world.officer)
    client.post(action_url(obj, "process"), {})
    client.force_login(world.auditor)
    html = client.get(reverse("frontend:audit", args=[world.agency.slug])).content.decode()
    assert "Mulai diproses" in html and '<code class="help">request.process</code>' in html
    assert "Terdaftar → Sedang diproses" in html
    assert "registered → in_process" not in html


def test_the_requesters_address_and_contacts_are_for_those_who_handle_the_request(
    client, world, file_request
):
    obj = file_request()
    address = obj.requester_address.splitlines()[0]
    assert address
    for user, shown in ((world.officer, True), (world.citizen, True), (world.auditor, False)):
        client.force_login(user)
        html = client.get(detail_url(obj)).content.decode()
        assert (address in html) is shown, user
        assert ("Hanya ditampilkan kepada pemohon, petugas yang menangani" in html) is not shown


def test_a_pelaksana_officers_queue_offers_only_their_own_unit(client, world):
    client.force_login(world.pelaksana_officer)
    html = client.get(reverse("frontend:queue")).content.decode()
    unit_select = html.split('name="unit"', 1)[1].split("</select>", 1)[0]
    assert world.pelaksana.name in unit_select and world.utama.name not in unit_select
    client.force_login(world.officer)  # PPID Utama: every unit
    unit_select = client.get(reverse("frontend:queue")).content.decode().split('name="unit"', 1)[1]
    assert world.pelaksana.name in unit_select.split("</select>", 1)[0]
    assert world.utama.name in unit_select.split("</select>", 1)[0]
