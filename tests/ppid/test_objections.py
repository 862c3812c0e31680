import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from audit.models import Event
from ppid import services as s
from ppid.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ppid.models import InformationRequest, Objection, ObjectionState
from ppid.timeline import case_timeline
from ppid.windows import dispute_windows, objection_ground_windows

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


@pytest.fixture
def refused(world, file_request):
    """Filed Friday 13 March 2026 (due 6 April), refused under Pasal 17 h on Wednesday 25 March."""
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 3, 25, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi",
        )
    request.refresh_from_db()
    return request


def object_to(world, request, grounds=("a",), user=None, **kwargs):
    return s.objection_file(
        requester=user or world.citizen,
        request_id=request.pk,
        grounds=list(grounds),
        reason="Saya keberatan",
        **kwargs,
    )


# --- which grounds fit ---------------------------------------------------------------------------------------
def test_grounds_after_a_timely_refusal(refused):
    with at(2026, 4, 1, 10):
        assert set(objection_ground_windows(refused)) == {"a", "b", "d", "e"}


def test_grounds_after_a_late_notice_with_a_fee(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 4, 8, 10):  # two days after the due date
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="granted",
            provided_information="Salinan",
            fee_amount="50000",
            fee_details="Fotokopi",
        )
        request.refresh_from_db()
        assert set(objection_ground_windows(request)) == {"b", "d", "e", "f", "g"}


def test_grounds_when_no_notice_came(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 4, 6, 23, 0):
        assert objection_ground_windows(request) == {}  # still within the 10 working days
    with at(2026, 4, 7, 9, 0):
        windows = objection_ground_windows(request)
    assert set(windows) == {"b", "c"}
    assert windows["c"].arose_on == D(2026, 4, 6)
    assert windows["c"].closes.due_date == D(2026, 5, 21)  # skips 1 May, 14 and 15 May


def test_a_withdrawn_request_offers_no_ground(world, file_request):
    request = file_request()
    request = s.information_request_withdraw(request_id=request.pk, actor=world.citizen)
    assert objection_ground_windows(request) == {}


# --- filing ------------------------------------------------------------------------------------------------
def test_filing_registers_with_number_and_atasan_due_date(world, refused):
    with at(2026, 4, 1, 10):
        objection = object_to(world, refused, grounds=("a", "d"))
    assert objection.registration_number == "0001/KEB/IV/2026"
    assert objection.state == ObjectionState.REGISTERED
    assert objection.due_date == D(2026, 5, 19)  # 30 working days, skipping 3 April, 1, 14 and 15 May
    assert objection.ground_windows["a"]["closes_on"] == "2026-05-08"
    event = Event.objects.for_object(objection).get(action="objection.registered")
    assert event.action == "objection.registered" and event.details["grounds"] == ["a", "d"]


def test_the_last_day_of_the_window_is_accepted(world, refused):
    # 30 working days from the notice of 25 March, skipping Good Friday 3 April and 1 May: Friday 8 May.
    with at(2026, 5, 8, 23, 30):
        assert object_to(world, refused).grounds == ["a"]


def test_the_day_after_the_window_is_registered_and_marked_late(world, refused):
    with at(2026, 5, 9, 0, 30):  # a Saturday: received as of the next working day
        objection = object_to(world, refused)
    assert objection.filed_after_window is True and objection.working_days_late == 1
    assert objection.ground_windows["a"]["closes_on"] == "2026-05-08"


def test_a_ground_that_does_not_fit_is_refused(world, refused):
    with at(2026, 4, 1, 10), pytest.raises(ValidationError) as exc:
        object_to(world, refused, grounds=("a", "c", "g"))
    messages = exc.value.message_dict["grounds"]
    assert len(messages) == 2 and all("tidak sesuai dengan riwayat" in m for m in messages)
    with pytest.raises(ValidationError):
        object_to(world, refused, grounds=("z",))
    with pytest.raises(ValidationError):
        object_to(world, refused, grounds=())
    assert not Objection.objects.exists()


def test_nobody_objects_to_someone_elses_request(world, refused):
    for person in (world.other_citizen, world.outsider, world.officer):
        with at(2026, 4, 1, 10), pytest.raises(NotFound):
            object_to(world, refused, user=person)
    assert not Objection.objects.exists()


def test_one_open_objection_per_request(world, refused):
    with at(2026, 4, 1, 10):
        object_to(world, refused)
        with pytest.raises(ValidationError, match="belum ditanggapi"):
            object_to(world, refused, grounds=("d",))


def test_officer_registers_an_objection_received_at_the_desk(world, refused):
    with at(2026, 5, 12, 10):
        objection = s.objection_register_offline(
            officer=world.officer,
            request_id=refused.pk,
            grounds=["a"],
            reason="Surat keberatan",
            received_at=dt.datetime(2026, 5, 8, 15, tzinfo=WIB),
            channel="post",
        )
        assert objection.requester == world.citizen and objection.channel == "post"
        assert (
            Event.objects.for_object(objection).get(action="objection.registered").details["backdated"]
            is True
        )
        with pytest.raises(ValidationError, match="masa depan"):
            s.objection_register_offline(
                officer=world.officer,
                request_id=refused.pk,
                grounds=["d"],
                reason="x",
                received_at=dt.datetime(2026, 5, 13, 9, tzinfo=WIB),
            )


# --- the Atasan's decision -----------------------------------------------------------------------------------
@pytest.fixture
def objection(world, refused):
    with at(2026, 4, 1, 10):
        return object_to(world, refused, grounds=("a", "d"))


def test_only_the_atasan_decides(world, objection):
    for person in (world.officer, world.head, world.auditor, world.admin, world.citizen):
        with pytest.raises(PermissionDenied):
            s.objection_decide(objection_id=objection.pk, actor=person, outcome="upheld", reasons="x")
    with pytest.raises(NotFound):
        s.objection_decide(objection_id=objection.pk, actor=world.outsider, outcome="upheld", reasons="x")
    assert Objection.objects.get(pk=objection.pk).state == ObjectionState.REGISTERED


def test_upholding_without_reasons_is_refused_and_changes_nothing(world, objection):
    with pytest.raises(ValidationError) as exc:
        s.objection_decide(objection_id=objection.pk, actor=world.atasan, outcome="upheld", reasons="  ")
    assert "Pasal 36 ayat 3" in exc.value.message_dict["reasons"][0]
    objection.refresh_from_db()
    assert objection.state == ObjectionState.REGISTERED and not objection.outcome
    assert not Event.objects.for_object(objection).filter(action="objection.decide").exists()


def test_atasan_reviews_then_upholds_with_reasons(world, objection):
    with at(2026, 4, 8, 10):
        s.objection_review(objection_id=objection.pk, actor=world.atasan)
        decided = s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="upheld",
            reasons="Pengecualian Pasal 17 h sudah diuji konsekuensi",
        )
    assert decided.state == ObjectionState.DECIDED and decided.decided_by == world.atasan
    event = Event.objects.for_object(decided).get(action="objection.decide")
    assert (event.from_state, event.to_state, event.details["late"]) == ("under_review", "decided", False)


def test_granting_says_what_and_by_when(world, objection):
    with at(2026, 4, 8, 10):
        with pytest.raises(ValidationError) as exc:
            s.objection_decide(objection_id=objection.pk, actor=world.atasan, outcome="granted")
        assert {"order", "comply_by"} <= set(exc.value.message_dict)
        decided = s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="granted",
            order="Berikan data dengan NIK dihitamkan",
            comply_by=D(2026, 4, 22),
        )
    assert decided.comply_by == D(2026, 4, 22)


def test_deciding_an_objection_already_decided_is_refused(world, objection):
    s.objection_decide(objection_id=objection.pk, actor=world.atasan, outcome="upheld", reasons="Alasan")
    with pytest.raises(InvalidTransition):
        s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="granted",
            order="x",
            comply_by=D(2030, 1, 1),
        )
    assert Objection.objects.get(pk=objection.pk).outcome == "upheld"


def test_musyawarah_only_for_grounds_b_to_g(world, objection, refused):
    with pytest.raises(ValidationError, match="Musyawarah hanya"):
        s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="granted",
            order="x",
            comply_by=D(2030, 1, 1),
            settled_by_agreement=True,
            reasons="Sepakat",
        )
    s.objection_withdraw(objection_id=objection.pk, actor=world.citizen, reason="Ganti alasan")
    with at(2026, 4, 2, 10):
        other = object_to(world, refused, grounds=("d", "e"))
    decided = s.objection_decide(
        objection_id=other.pk,
        actor=world.atasan,
        outcome="granted",
        order="Data lengkap",
        comply_by=D(2030, 1, 1),
        settled_by_agreement=True,
        reasons="Sepakat diberikan",
    )
    assert decided.settled_by_agreement


def test_atasan_due_soon_and_overdue(world, objection):
    with at(2026, 5, 19, 23, 0):
        assert not Objection.objects.get(pk=objection.pk).is_overdue
    with at(2026, 5, 20, 0, 30):
        assert Objection.objects.get(pk=objection.pk).is_overdue


# --- disputes ----------------------------------------------------------------------------------------------
@pytest.fixture
def decided(world, objection):
    with at(2026, 4, 8, 10):  # Wednesday
        return s.objection_decide(
            objection_id=objection.pk, actor=world.atasan, outcome="upheld", reasons="Alasan"
        )


def test_dispute_cannot_be_recorded_before_the_atasan_answered_or_lapsed(world, objection):
    with at(2026, 4, 10, 10), pytest.raises(InvalidTransition, match="setelah Atasan PPID"):
        s.dispute_register(
            objection_id=objection.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="001/IV/KI-JBR-PS/2026",
            filed_on=D(2026, 4, 9),
        )
    with at(2026, 5, 21, 10):  # the Atasan's 30 working days lapsed on 19 May
        windows = dispute_windows(Objection.objects.get(pk=objection.pk))
        assert windows[0].start == D(2026, 5, 19)
        dispute = s.dispute_register(
            objection_id=objection.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="001/V/KI-JBR-PS/2026",
            filed_on=D(2026, 5, 20),
        )
    assert dispute.objection_id == objection.pk


def test_dispute_windows(world, decided):
    with at(2026, 6, 15, 10):
        dispute = s.dispute_register(
            objection_id=decided.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="002/IV/KI-JBR-PS/2026",
            filed_on=D(2026, 4, 20),
        )
        dispute = s.dispute_update(
            dispute_id=dispute.pk,
            actor=world.officer,
            first_hearing_on=D(2026, 5, 4),
            mediation_started_on=D(2026, 5, 4),
        )
        windows = {w.key: w for w in dispute_windows(decided, dispute)}
        # Filing: 14 working days from the Atasan's response of Wednesday 8 April.
        assert windows["ki_filing"].due_date == D(2026, 4, 28) and windows["ki_filing"].status == "met"
        # The KI starts within 14 working days of the application (skipping 1 May).
        assert windows["ki_start"].due_date == D(2026, 5, 11) and windows["ki_start"].status == "met"
        assert windows["ki_finish"].status == "open"
        # Mediation: 14 working days from the first meeting, across Ascension and its cuti bersama.
        assert windows["mediation"].due_date == D(2026, 5, 26)
        dispute = s.dispute_update(dispute_id=dispute.pk, actor=world.officer, mediation_extended=True)
        windows = {w.key: w for w in dispute_windows(decided, dispute)}
        # +7 from the end of the 14, skipping Idul Adha 27 May, cuti bersama 28 May and Pancasila 1 June.
        assert windows["mediation"].due_date == D(2026, 6, 9)
        with pytest.raises(InvalidTransition, match="satu kali"):
            s.dispute_update(dispute_id=dispute.pk, actor=world.officer, mediation_extended=True)
        dispute = s.dispute_update(
            dispute_id=dispute.pk,
            actor=world.officer,
            mediation_result="failed",
            adjudication_started_on=D(2026, 5, 27),
            decision_on=D(2026, 6, 8),
            decision_received_on=D(2026, 6, 10),
            result="requester_won",
            obligations="Memberikan daftar penerima tanpa NIK",
        )
        windows = {w.key: w for w in dispute_windows(decided, dispute)}
        assert windows["ki_finish"].status == "met"
        # Objection to the KI decision: 14 working days from receipt on 10 June (16 June is 1 Muharram).
        assert windows["court_objection"].due_date == D(2026, 7, 1)
    assert Event.objects.for_object(dispute).filter(action="dispute.updated").count() == 3


def test_dispute_dates_are_checked(world, decided):
    with at(2026, 6, 15, 10):
        dispute = s.dispute_register(
            objection_id=decided.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="003/IV/KI-JBR-PS/2026",
            filed_on=D(2026, 4, 20),
        )
        with pytest.raises(ValidationError) as exc:
            s.dispute_update(
                dispute_id=dispute.pk,
                actor=world.officer,
                decision_on=D(2026, 4, 1),
                complied_on=D(2026, 7, 1),
            )
        assert {"decision_on", "complied_on"} <= set(exc.value.message_dict)
        with pytest.raises(ValidationError):
            s.dispute_update(dispute_id=dispute.pk, actor=world.officer, state="closed")
        for person in (world.citizen, world.auditor):
            with pytest.raises(PermissionDenied):
                s.dispute_update(dispute_id=dispute.pk, actor=person, compliance_note="x")
    dispute.refresh_from_db()
    assert dispute.decision_on is None


def test_kasasi_window_counts_calendar_days(world, decided):
    with at(2026, 9, 1, 10):
        dispute = s.dispute_register(
            objection_id=decided.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="004/IV/KI-JBR-PS/2026",
            filed_on=D(2026, 4, 20),
        )
        dispute = s.dispute_update(
            dispute_id=dispute.pk,
            actor=world.officer,
            decision_on=D(2026, 6, 8),
            decision_received_on=D(2026, 6, 10),
            appeal_court="ptun",
            appeal_filed_on=D(2026, 6, 24),
            court_decision_received_on=D(2026, 8, 14),
        )
        kasasi = {w.key: w for w in dispute_windows(decided, dispute)}["kasasi"]
    assert kasasi.due_date == D(2026, 8, 28) and "hari kalender" in kasasi.explanation


# --- one timeline -------------------------------------------------------------------------------------------
def test_the_case_reads_as_one_story_in_order(world, decided):
    with at(2026, 4, 20, 10):
        s.dispute_register(
            objection_id=decided.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="005/IV/KI-JBR-PS/2026",
            filed_on=D(2026, 4, 20),
        )
        items = case_timeline(decided.request, world.citizen)
    events = [i.action for i in items if i.kind == "event"]
    assert events == [
        "request.registered",
        "letter.issued",  # the receipt
        "request.process",
        "request.respond",
        "letter.issued",  # the written notice
        "objection.registered",
        "letter.issued",  # the objection's receipt
        "objection.decide",
        "letter.issued",  # the Atasan's response
        "dispute.registered",
    ]
    assert [i.at for i in items] == sorted(i.at for i in items)
    deadlines = {i.label: i for i in items if i.kind == "deadline"}
    notice = deadlines["Batas waktu pemberitahuan tertulis"]
    assert notice.due_date == D(2026, 4, 6) and notice.status == "met" and "Nyepi" in notice.explanation
    atasan = next(i for i in items if i.kind == "deadline" and i.case == "objection")
    assert atasan.due_date == D(2026, 5, 19) and atasan.status == "met"
    assert {i.label for i in items if i.case == "dispute" and i.kind == "deadline"} >= {
        "Pengajuan sengketa ke Komisi Informasi",
        "KI memulai penyelesaian sengketa",
    }
    assert all(i.actor == "" for i in items)  # citizens do not see which officer acted
    staff_items = case_timeline(decided.request, world.officer)
    assert any(i.actor == "atasan" for i in staff_items)


def test_the_timeline_shows_the_objection_window_before_an_objection(world, refused):
    with at(2026, 4, 1, 10):
        items = case_timeline(refused, world.citizen)
    window = [i for i in items if i.case == "objection"]
    assert [i.due_date for i in window] == [D(2026, 5, 8)]


def test_a_withdrawn_objection_opens_no_dispute(world, objection):
    s.objection_withdraw(objection_id=objection.pk, actor=world.citizen, reason="Sudah diberikan")
    with at(2026, 5, 25, 10):  # past the Atasan's 30 days
        withdrawn = Objection.objects.get(pk=objection.pk)
        assert dispute_windows(withdrawn) == []
        with pytest.raises(InvalidTransition, match="dicabut"):
            s.dispute_register(
                objection_id=objection.pk,
                actor=world.officer,
                commission="KI Jawa Barat",
                ki_register_number="009/V/KI-JBR-PS/2026",
                filed_on=D(2026, 5, 22),
            )


def test_a_paused_clock_raises_no_ground_for_silence(world, file_request):
    world.agency.pause_on_clarification = True
    world.agency.save()
    with at(2026, 3, 13, 10):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_ask_clarification(request_id=request.pk, actor=world.officer, message="Tahun?")
    with at(2026, 4, 20, 10):  # past the stored due date, but the clock stands still
        assert objection_ground_windows(InformationRequest.objects.get(pk=request.pk)) == {}
