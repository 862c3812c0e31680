import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import RequesterType
from audit.models import Event
from ppid import services as s
from ppid.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ppid.models import InformationRequest, RequestState
from ppid.selectors import officer_queue, requests_visible_to

WIB = ZoneInfo("Asia/Jakarta")
FRI_13_MARCH = dt.datetime(2026, 3, 13, 10, 0, tzinfo=WIB)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf(name="kuasa.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def respond_rejected(request, actor):
    return s.information_request_respond(
        request_id=request.pk,
        actor=actor,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="Membuka rahasia pribadi pihak ketiga.",
    )


def events(request, action=None):
    qs = Event.objects.for_object(request)
    return qs.filter(action=action) if action else qs


# --- filing ------------------------------------------------------------------------------------------
def test_filing_registers_with_number_due_date_and_identity_snapshot(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    assert request.state == RequestState.REGISTERED
    assert request.registration_number == "0001/PPID/III/2026"
    assert request.due_date == dt.date(2026, 4, 6)  # 10 working days across Nyepi and Idul Fitri
    assert request.deadline_log[0]["step"] == "initial"
    assert "Nyepi" in request.deadline_log[0]["explanation"]
    assert request.unit == world.utama
    assert request.requester_name == "Siti" and request.requester_nik_masked.endswith("0001")
    assert "3273015505900001" not in request.requester_nik_encrypted
    event = events(request, "request.registered").get()
    assert (event.action, event.to_state, event.actor) == ("request.registered", "registered", world.citizen)


def test_numbers_follow_each_other_and_restart_each_year_per_agency(world, file_request):
    with at(2026, 12, 30, 10):
        first, second = file_request(), file_request()
    with at(2027, 1, 4, 10):
        third = file_request()
    other = file_request(agency=world.other_agency)
    assert [first.registration_number, second.registration_number] == [
        "0001/PPID/XII/2026",
        "0002/PPID/XII/2026",
    ]
    assert third.registration_number == "0001/PPID/I/2027"
    assert other.registration_sequence == 1


def test_agency_number_format_is_used(world, file_request):
    world.agency.registration_number_format = "PI-{unit}-{year}-{seq:05d}"
    world.agency.save()
    with at(2026, 4, 1, 9):
        assert file_request(unit=world.pelaksana).registration_number == "PI-DINKES-2026-00001"


def test_same_submission_twice_creates_one_request(world, file_request):
    key = "7d3c1c9e-35c4-4b55-9c55-1d3f1a0b6a11"
    first = file_request(submission_key=key)
    again = file_request(submission_key=key)
    assert first.pk == again.pk
    assert InformationRequest.objects.count() == 1
    assert events(first, "request.registered").count() == 1


def test_unconfirmed_or_incomplete_citizen_cannot_file(world, file_request):
    world.citizen.email_confirmed_at = None
    world.citizen.save()
    with pytest.raises(PermissionDenied):
        file_request()
    assert not InformationRequest.objects.exists()


def test_missing_purpose_and_bad_choices_change_nothing(world, file_request):
    with pytest.raises(ValidationError) as exc:
        file_request(purpose=" ", obtain_method="fax", unit=world.other_utama)
    assert set(exc.value.message_dict) == {"purpose", "obtain_method", "unit"}
    assert "tujuan penggunaan" in exc.value.message_dict["purpose"][0]
    assert not InformationRequest.objects.exists()


def test_group_requester_must_bring_power_of_attorney(world, file_request):
    profile = world.citizen.citizen_profile
    profile.requester_type = RequesterType.GROUP
    profile.save()
    with pytest.raises(ValidationError) as exc:
        file_request()
    assert "surat kuasa" in exc.value.message_dict["documents"][0]
    request = file_request(documents=[("power_of_attorney", pdf())])
    assert request.documents.get().content_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kuasa.pdf", b"MZ\x90\x00 not a pdf at all", "bukan PDF, PNG, atau JPEG"),
        ("kuasa.pdf", b"\x89PNG\r\n\x1a\n....", "tidak sesuai dengan namanya"),
        ("kuasa.exe", PDF, "tidak sesuai dengan namanya"),
        ("kuasa.pdf", b"", "kosong"),
    ],
)
def test_uploads_are_checked_by_content(world, file_request, name, content, message):
    with pytest.raises(ValidationError) as exc:
        file_request(documents=[("power_of_attorney", pdf(name, content))])
    assert message in " ".join(exc.value.message_dict["documents"])
    assert not InformationRequest.objects.exists()


def test_oversized_upload_is_refused(world, file_request, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="terlalu besar"):
        file_request(documents=[("power_of_attorney", pdf(content=PDF + b"x" * 2000))])


def test_uploads_are_stored_privately_and_every_download_is_recorded(world, file_request, settings):
    request = file_request(documents=[("power_of_attorney", pdf())])
    document = request.documents.get()
    assert document.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert "kuasa" not in document.file.name  # stored under a random name
    _doc, handle = s.request_document_open(document_id=document.pk, viewer=world.citizen)
    assert handle.read() == PDF
    handle.close()
    _doc, handle = s.request_document_open(document_id=document.pk, viewer=world.officer)
    handle.close()
    logged = Event.objects.for_object(document).filter(action="document.downloaded")
    assert [e.actor for e in logged] == [world.citizen, world.officer]
    for stranger in (world.other_citizen, world.outsider, world.auditor):
        with pytest.raises(NotFound):
            s.request_document_open(document_id=document.pk, viewer=stranger)
    assert logged.count() == 2


# --- offline intake -----------------------------------------------------------------------------------
OFFLINE_REQUESTER = {
    "requester_type": "individual",
    "name": "Pak Darto",
    "nik": "3273011203850002",
    "address": "Jl. Braga 5, Bandung",
    "phone": "08123",
}


def offline(world, **kwargs):
    data = {
        "officer": world.officer,
        "agency": world.agency,
        "channel": "walk_in",
        "received_at": dt.datetime(2026, 3, 13, 9, tzinfo=WIB),
        "requester": OFFLINE_REQUESTER,
        "information_requested": "Daftar puskesmas",
        "purpose": "Tugas kuliah",
        "obtain_method": "view",
        "delivery_method": "pickup",
    }
    data.update(kwargs)
    return s.information_request_register_offline(**data)


def test_offline_intake_uses_the_real_date_and_records_backdating(world):
    with at(2026, 3, 16, 14):
        request = offline(world)
    assert request.channel == "walk_in" and request.requester is None
    assert request.due_date == dt.date(2026, 4, 6)  # counted from the real receipt, Friday 13 March
    event = events(request, "request.registered").get()
    assert event.actor == world.officer and event.details["backdated"] is True


def test_offline_intake_refuses_a_future_date_and_bad_identity(world):
    with at(2026, 3, 16, 14), pytest.raises(ValidationError) as exc:
        offline(
            world,
            received_at=dt.datetime(2026, 3, 17, 9, tzinfo=WIB),
            channel="online",
            requester={**OFFLINE_REQUESTER, "nik": "12345"},
        )
    errors = exc.value.message_dict
    assert errors["received_at"] == ["Tanggal penerimaan tidak boleh di masa depan."]
    assert "channel" in errors and "nik" in errors
    assert not InformationRequest.objects.exists()


def test_only_officers_of_the_agency_register_offline(world):
    for person in (world.auditor, world.outsider, world.citizen):
        with pytest.raises(PermissionDenied):
            offline(world, officer=person)


# --- transitions by role ---------------------------------------------------------------------------------
def test_who_may_take_up_a_request(world, file_request):
    request = file_request()
    with pytest.raises(NotFound):  # a Pelaksana officer does not see the Utama's queue
        s.information_request_process(request_id=request.pk, actor=world.pelaksana_officer)
    for person in (world.other_citizen, world.outsider):
        with pytest.raises(NotFound):
            s.information_request_process(request_id=request.pk, actor=person)
    for person in (world.citizen, world.atasan, world.auditor, world.admin):
        with pytest.raises(PermissionDenied):
            s.information_request_process(request_id=request.pk, actor=person)
    assert InformationRequest.objects.get(pk=request.pk).state == RequestState.REGISTERED
    s.information_request_process(request_id=request.pk, actor=world.head)
    assert events(request, "request.process").get().actor == world.head


def test_forward_to_a_pelaksana_keeps_the_clock(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 3, 17, 10):
        forwarded = s.information_request_forward(
            request_id=request.pk, actor=world.officer, unit=world.pelaksana
        )
    assert forwarded.unit == world.pelaksana and forwarded.due_date == dt.date(2026, 4, 6)
    assert request in officer_queue(world.pelaksana_officer)
    s.information_request_process(request_id=request.pk, actor=world.pelaksana_officer)
    with pytest.raises(ValidationError):
        s.information_request_forward(request_id=request.pk, actor=world.officer, unit=world.other_utama)


def test_state_rules_refuse_out_of_order_actions(world, file_request):
    request = file_request()
    with pytest.raises(InvalidTransition):
        respond_rejected(request, world.officer)  # must be taken up first
    with pytest.raises(InvalidTransition):
        s.information_request_clarify(request_id=request.pk, actor=world.citizen, message="x")
    s.information_request_process(request_id=request.pk, actor=world.officer)
    with pytest.raises(InvalidTransition):
        s.information_request_process(request_id=request.pk, actor=world.officer)
    respond_rejected(request, world.officer)
    with pytest.raises(InvalidTransition, match="sebelum dijawab"):
        s.information_request_withdraw(request_id=request.pk, actor=world.citizen, reason="batal")
    with pytest.raises(InvalidTransition):
        s.information_request_forward(request_id=request.pk, actor=world.officer, unit=world.pelaksana)
    s.information_request_complete(request_id=request.pk, actor=world.citizen)
    assert InformationRequest.objects.get(pk=request.pk).state == RequestState.COMPLETED
    with pytest.raises(InvalidTransition):
        s.information_request_complete(request_id=request.pk, actor=world.officer)


def test_clarification_round_trip_without_pause(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_ask_clarification(
            request_id=request.pk, actor=world.officer, message="Tahun berapa?"
        )
    with pytest.raises(PermissionDenied):
        s.information_request_clarify(request_id=request.pk, actor=world.officer, message="x")
    with at(2026, 3, 27, 10):
        request = s.information_request_clarify(
            request_id=request.pk, actor=world.citizen, message="Tahun 2025"
        )
    assert request.state == RequestState.IN_PROCESS
    assert request.due_date == dt.date(2026, 4, 6)  # default: the clock does not pause
    assert request.clarifications.get().answer == "Tahun 2025"


def test_clarification_pauses_the_clock_when_the_agency_says_so(world, file_request):
    world.agency.pause_on_clarification = True
    world.agency.save()
    with at(2026, 4, 6, 10):  # Monday
        request = file_request()  # due Monday 20 April (3 April Good Friday is before)
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_ask_clarification(
            request_id=request.pk, actor=world.officer, message="Yang mana?"
        )
    with at(2026, 4, 25, 10):  # past the original due date, but the clock stood still
        assert not InformationRequest.objects.get(pk=request.pk).is_overdue
    with at(2026, 4, 9, 10):  # Thursday: 3 working days waited (7, 8, 9 April)
        request = s.information_request_clarify(
            request_id=request.pk, actor=world.citizen, message="Yang 2025"
        )
    assert request.original_due_date == dt.date(2026, 4, 20)
    assert request.due_date == dt.date(2026, 4, 23)
    clarification = request.clarifications.get()
    assert clarification.clock_paused and clarification.paused_working_days == 3
    assert [step["step"] for step in request.deadline_log] == ["initial", "pause"]
    assert events(request, "request.clarify").get().details["paused_working_days"] == 3


# --- extension --------------------------------------------------------------------------------------------
def test_extension_adds_seven_working_days_from_the_end_of_the_original_ten(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 4, 6, 16):  # the last day of the original 10 is still in time
        request = s.information_request_extend(
            request_id=request.pk, actor=world.officer, reason="Data di arsip"
        )
    assert request.extended and request.due_date == dt.date(2026, 4, 15)
    assert request.original_due_date == dt.date(2026, 4, 6)
    assert request.deadline_log[-1]["step"] == "extension"
    assert events(request, "request.extend").get().reason == "Data di arsip"
    assert request.extended_by == world.officer


def test_extension_only_once(world, file_request):
    request = file_request()
    s.information_request_extend(request_id=request.pk, actor=world.officer, reason="Pertama")
    with pytest.raises(InvalidTransition, match="satu kali"):
        s.information_request_extend(request_id=request.pk, actor=world.officer, reason="Kedua")
    assert events(request, "request.extend").count() == 1


def test_extension_after_the_due_date_or_without_reason_is_refused(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 4, 6, 12), pytest.raises(ValidationError, match="alasan tertulis"):
        s.information_request_extend(request_id=request.pk, actor=world.officer, reason="  ")
    with at(2026, 4, 7, 0, 1), pytest.raises(InvalidTransition, match="sudah lewat"):
        s.information_request_extend(request_id=request.pk, actor=world.officer, reason="Terlambat")
    request.refresh_from_db()
    assert not request.extended and request.due_date == dt.date(2026, 4, 6)
    assert not events(request, "request.extend").exists()


def test_citizen_and_auditor_cannot_extend(world, file_request):
    request = file_request()
    for person in (world.citizen, world.auditor, world.atasan):
        with pytest.raises(PermissionDenied):
            s.information_request_extend(request_id=request.pk, actor=person, reason="x")


# --- overdue -------------------------------------------------------------------------------------------------
def test_overdue_is_derived_from_the_due_date_in_the_agency_zone(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 4, 6, 23, 59):
        assert not InformationRequest.objects.get(pk=request.pk).is_overdue
    with at(2026, 4, 7, 0, 1):
        assert InformationRequest.objects.get(pk=request.pk).is_overdue
        assert request in officer_queue(world.officer, overdue=True)


# --- the written notice -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"decision": "rejected"}, "exemption_grounds"),
        ({"decision": "rejected", "exemption_grounds": ["h"]}, "consequence_test"),
        ({"decision": "rejected", "exemption_grounds": ["k"], "consequence_test": "x"}, "exemption_grounds"),
        (
            {"decision": "granted", "exemption_grounds": ["a"], "provided_information": "x"},
            "exemption_grounds",
        ),
        ({"decision": "granted"}, "provided_information"),
        ({"decision": "not_held"}, "holding_body"),
        ({"decision": "granted", "provided_information": "x", "fee_amount": "5000"}, "fee_details"),
        ({"decision": "granted", "provided_information": "x", "fee_amount": "-1"}, "fee_amount"),
        ({"decision": "granted", "provided_information": "x", "fee_amount": "NaN"}, "fee_amount"),
        ({"decision": "granted", "provided_information": "x", "fee_amount": "Infinity"}, "fee_amount"),
        ({"decision": "granted", "provided_information": "x", "fee_amount": "1e20"}, "fee_amount"),
        ({"decision": "granted", "provided_information": "x", "fee_amount": "12.5"}, "fee_amount"),
        (
            {
                "decision": "partially_granted",
                "exemption_grounds": ["h"],
                "consequence_test": "x",
                "provided_information": "x",
            },
            "redactions",
        ),
        ({"decision": "maybe"}, "decision"),
    ],
)
def test_incomplete_notice_is_refused_and_changes_nothing(world, file_request, payload, field):
    request = file_request()
    s.information_request_process(request_id=request.pk, actor=world.officer)
    with pytest.raises(ValidationError) as exc:
        s.information_request_respond(request_id=request.pk, actor=world.officer, **payload)
    assert field in exc.value.message_dict
    request.refresh_from_db()
    assert request.state == RequestState.IN_PROCESS
    assert not hasattr(request, "response") or request.response is None


def test_response_records_the_statutory_contents_and_files(world, file_request):
    request = file_request()
    s.information_request_process(request_id=request.pk, actor=world.officer)
    request = s.information_request_respond(
        request_id=request.pk,
        actor=world.officer,
        decision="partially_granted",
        exemption_grounds=["h", "i"],
        consequence_test="Data pribadi pasien",
        provided_information="Rekap anggaran",
        redactions="Nama pasien dihitamkan (Pasal 17 huruf h)",
        fee_amount="15000",
        fee_details="Fotokopi 30 lembar, bayar tunai di loket",
        files=[pdf("jawaban.pdf")],
    )
    response = request.response
    assert request.state == RequestState.RESPONDED and request.responded_at is not None
    assert response.exemption_grounds == ["h", "i"] and response.fee_amount == 15000
    assert response.exemption_labels()[0].startswith("h. mengungkap rahasia pribadi")
    assert request.documents.get().kind == "response_file"
    assert events(request, "request.respond").get().details["decision"] == "partially_granted"


def test_withdraw_only_by_the_requester_before_response(world, file_request):
    request = file_request()
    with pytest.raises(PermissionDenied):
        s.information_request_withdraw(request_id=request.pk, actor=world.officer, reason="x")
    request = s.information_request_withdraw(request_id=request.pk, actor=world.citizen, reason="Sudah dapat")
    assert request.state == RequestState.WITHDRAWN and request.withdraw_reason == "Sudah dapat"


# --- completion ----------------------------------------------------------------------------------------------
def test_auto_completion_after_the_configured_working_days_and_not_a_day_earlier(world, file_request):
    world.agency.auto_complete_working_days = 5
    world.agency.save()
    with at(2026, 7, 6, 10):  # Monday
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        request = respond_rejected(request, world.officer)
    assert request.auto_complete_on == dt.date(2026, 7, 13)
    with at(2026, 7, 13, 23, 0):
        assert s.information_request_auto_complete_due() == 0
    assert InformationRequest.objects.get(pk=request.pk).state == RequestState.RESPONDED
    with at(2026, 7, 14, 0, 30):
        assert s.information_request_auto_complete_due() == 1
        assert s.information_request_auto_complete_due() == 0  # running twice changes nothing more
    request.refresh_from_db()
    assert request.state == RequestState.COMPLETED
    event = events(request, "request.auto_complete").get()
    assert event.actor is None and event.from_state == "responded"


# --- visibility and identity ------------------------------------------------------------------------------
def test_who_sees_which_request(world, file_request):
    utama_request = file_request()
    pelaksana_request = file_request(unit=world.pelaksana)
    assert set(requests_visible_to(world.citizen)) == {utama_request, pelaksana_request}
    assert not requests_visible_to(world.other_citizen).exists()
    assert set(requests_visible_to(world.officer)) == {utama_request, pelaksana_request}
    assert set(requests_visible_to(world.pelaksana_officer)) == {pelaksana_request}
    assert set(requests_visible_to(world.auditor)) == {utama_request, pelaksana_request}
    assert not requests_visible_to(world.outsider).exists()


def test_full_nik_on_a_request_only_for_handling_officers(world, file_request):
    request = file_request()
    nik = s.information_request_reveal_nik(request_id=request.pk, viewer=world.officer, purpose="verifikasi")
    assert nik == "3273015505900001"
    assert events(request, "personal_data.viewed").get().actor == world.officer
    with pytest.raises(PermissionDenied):
        s.information_request_reveal_nik(request_id=request.pk, viewer=world.auditor, purpose="audit")
    with pytest.raises(NotFound):
        s.information_request_reveal_nik(request_id=request.pk, viewer=world.outsider, purpose="x")


def test_handling_staff_may_reveal_the_profile_nik_of_their_requester(world, file_request):
    from accounts.services import citizen_identity_reveal

    profile = world.citizen.citizen_profile
    with pytest.raises(PermissionDenied):
        citizen_identity_reveal(profile=profile, viewer=world.officer, purpose="cek")
    file_request()
    assert citizen_identity_reveal(profile=profile, viewer=world.officer, purpose="cek") == "3273015505900001"
    with pytest.raises(PermissionDenied):
        citizen_identity_reveal(profile=profile, viewer=world.outsider, purpose="cek")


def test_state_errors_follow_the_callers_language(world, file_request):
    from django.utils import translation

    request = file_request()
    s.information_request_process(request_id=request.pk, actor=world.officer)
    with translation.override("en"), pytest.raises(InvalidTransition) as exc:
        s.information_request_process(request_id=request.pk, actor=world.head)
    assert "another officer" in exc.value.message


def test_queue_lists_open_requests_first_and_overdue_matches_the_request(world, file_request):
    world.agency.pause_on_clarification = True
    world.agency.save()
    with at(2026, 3, 13, 10):
        late, paused, done = file_request(), file_request(), file_request()
        for r in (late, paused, done):
            s.information_request_process(request_id=r.pk, actor=world.officer)
        s.information_request_ask_clarification(request_id=paused.pk, actor=world.officer, message="?")
        respond_rejected(done, world.officer)
    with at(2026, 3, 16, 10):
        fresh = file_request()
    with at(2026, 4, 7, 10):
        queue = list(officer_queue(world.officer))
        assert queue[-1] == done  # closed cases after the open ones
        overdue = set(officer_queue(world.officer, overdue=True))
        assert overdue == {
            r for r in (late, paused, done, fresh) if InformationRequest.objects.get(pk=r.pk).is_overdue
        }
        assert overdue == {late}


def test_validation_comes_after_visibility_and_permission(world, file_request):
    request = file_request()
    with pytest.raises(NotFound):
        s.information_request_extend(request_id=request.pk, actor=world.outsider, reason="")
    with pytest.raises(PermissionDenied):
        s.information_request_respond(request_id=request.pk, actor=world.auditor, decision="nonsense")


def test_reveal_on_a_request_without_nik_is_refused_and_not_recorded(world):
    legal = offline(
        world,
        requester={
            **OFFLINE_REQUESTER,
            "requester_type": "legal_entity",
            "nik": "",
            "entity_number": "AHU-0001.AH.01.01.2020",
        },
    )
    with pytest.raises(ValidationError):
        s.information_request_reveal_nik(request_id=legal.pk, viewer=world.officer, purpose="cek")
    assert not events(legal, "personal_data.viewed").exists()
