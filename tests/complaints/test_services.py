import datetime as dt
import logging
from zoneinfo import ZoneInfo

import pytest
import time_machine

from audit.models import Event
from complaints import services as c
from complaints.models import Complaint, ComplaintMessage, ComplaintState
from complaints.selectors import complaints_visible_to, public_complaints, reporter_display
from ppid.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ppid.models import InformationRequest, RequestState

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def file(world, reporter="citizen", **kwargs):
    data = {
        "agency": world.agency,
        "title": "Antrean puskesmas",
        "description": "Menunggu 5 jam tanpa kepastian",
        "category": "health",
        "location": "Puskesmas Sukajadi",
    }
    data.update(kwargs)
    return c.complaint_file(reporter=getattr(world, reporter) if reporter else None, **data)


def handled(world, complaint):
    c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    return c.complaint_respond(
        complaint_id=complaint.pk, actor=world.pelaksana_officer, message="Sudah ditegur"
    )


# --- filing --------------------------------------------------------------------------------------------------
def test_filing_issues_a_tracking_number_and_the_clocks(world):
    with at(2026, 3, 13, 10):
        complaint, code = file(world)
    assert code == ""
    assert complaint.tracking_number == "ADU/2026/00001"
    assert complaint.verify_due == D(2026, 3, 25)  # 3 working days across Nyepi and Idul Fitri
    assert complaint.resolution_due == D(2026, 5, 12)  # 60 calendar days: the cautious default
    assert Event.objects.for_object(complaint).get().actor == world.citizen


def test_resolution_in_working_days_when_the_agency_says_so(world):
    world.agency.complaint_resolution_in_working_days = True
    world.agency.save()
    with at(2026, 3, 13, 10):
        complaint, _code = file(world)
    assert complaint.resolution_due > D(2026, 6, 1)


def test_without_an_account_only_anonymous_with_a_secret_code(world):
    with pytest.raises(ValidationError) as exc:
        file(world, reporter=None)
    assert "anonim" in exc.value.message_dict["anonymous"][0]
    complaint, code = file(world, reporter=None, anonymous=True)
    assert len(code) >= 16 and code not in complaint.tracking_code_hash
    assert c.complaint_track(tracking_number=complaint.tracking_number, code=code) == complaint
    for number, wrong in ((complaint.tracking_number, "salah"), ("ADU/2099/99999", code)):
        with pytest.raises(NotFound, match="tidak cocok"):
            c.complaint_track(tracking_number=number, code=wrong)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", " "),
        ("category", "weather"),
        ("occurred_on", D(2099, 1, 1)),
        ("latitude", "95"),
        ("latitude", "abc"),
    ],
)
def test_bad_filings_change_nothing(world, field, value):
    with pytest.raises(ValidationError) as exc:
        file(world, **{field: value, "longitude": "107.6"} if field == "latitude" else {field: value})
    assert field in exc.value.message_dict
    assert not Complaint.objects.exists()


# --- transitions by role and state ---------------------------------------------------------------------------
def test_verify_and_disposition(world):
    complaint, _code = file(world)
    with pytest.raises(NotFound):  # the unit sees nothing before the disposition
        c.complaint_verify(complaint_id=complaint.pk, actor=world.pelaksana_officer, unit=world.pelaksana)
    for person in (world.citizen, world.auditor, world.atasan):
        with pytest.raises(PermissionDenied):
            c.complaint_verify(complaint_id=complaint.pk, actor=person, unit=world.pelaksana)
    with pytest.raises(NotFound):
        c.complaint_verify(complaint_id=complaint.pk, actor=world.outsider, unit=world.pelaksana)
    with pytest.raises(ValidationError):
        c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.other_utama)
    assert Complaint.objects.get(pk=complaint.pk).state == ComplaintState.SUBMITTED
    complaint = c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    assert complaint.state == ComplaintState.DISPOSITIONED
    assert complaint in complaints_visible_to(world.pelaksana_officer)
    with pytest.raises(InvalidTransition):
        c.complaint_verify(complaint_id=complaint.pk, actor=world.officer, unit=world.pelaksana)


def test_only_the_unit_responds(world):
    complaint, _code = file(world)
    c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    for person in (world.admin, world.citizen, world.auditor):
        with pytest.raises(PermissionDenied):
            c.complaint_respond(complaint_id=complaint.pk, actor=person, message="x")
    with pytest.raises(ValidationError):
        c.complaint_respond(complaint_id=complaint.pk, actor=world.pelaksana_officer, message=" ")
    complaint = c.complaint_respond(
        complaint_id=complaint.pk, actor=world.pelaksana_officer, message="Ditindak"
    )
    assert complaint.state == ComplaintState.RESPONDED
    assert complaint.messages.get().author_kind == ComplaintMessage.Author.UNIT


def test_archive_tells_the_reporter_why(world):
    complaint, _code = file(world)
    with pytest.raises(ValidationError) as exc:
        c.complaint_archive(complaint_id=complaint.pk, actor=world.admin, reason="converted", note="x")
    assert "reason" in exc.value.message_dict
    complaint = c.complaint_archive(
        complaint_id=complaint.pk,
        actor=world.admin,
        reason="not_our_authority",
        note="Ini kewenangan pemerintah kota; silakan ke Dinas Kesehatan Kota.",
    )
    assert complaint.state == ComplaintState.ARCHIVED and "kewenangan" in complaint.archive_note
    spam, _code = file(world)
    spam = c.complaint_archive(complaint_id=spam.pk, actor=world.admin, reason="spam")
    assert spam.archive_note == "Spam"  # without words of the officer's, the reason itself is told
    other, _code = file(world)
    handled(world, other)
    with pytest.raises(InvalidTransition):
        c.complaint_archive(complaint_id=other.pk, actor=world.admin, reason="spam", note="x")


def test_reopen_goes_back_to_the_unit_with_a_new_clock(world):
    complaint, _code = file(world)
    with at(2026, 7, 6, 10):
        handled(world, complaint)
    with pytest.raises(PermissionDenied):
        c.complaint_reopen(complaint_id=complaint.pk, actor=world.pelaksana_officer, message="x")
    with at(2026, 7, 8, 10):
        complaint = c.complaint_reopen(
            complaint_id=complaint.pk, actor=world.citizen, message="Belum berubah"
        )
    assert complaint.state == ComplaintState.DISPOSITIONED
    assert complaint.followup_due == D(2026, 7, 15) and complaint.auto_close_on is None


def test_rating_of_the_handling(world):
    complaint, _code = file(world)
    handled(world, complaint)
    for bad in (6, 0, "lima", None):
        with pytest.raises(ValidationError, match="1 sampai 5"):
            c.complaint_confirm(complaint_id=complaint.pk, actor=world.citizen, rating=bad)
    assert Complaint.objects.get(pk=complaint.pk).state == ComplaintState.RESPONDED
    with pytest.raises(PermissionDenied):
        c.complaint_confirm(complaint_id=complaint.pk, actor=world.pelaksana_officer, rating=5)
    complaint = c.complaint_confirm(complaint_id=complaint.pk, actor=world.citizen, rating=4, comment="Cepat")
    assert (complaint.state, complaint.rating, complaint.rating_comment) == ("completed", 4, "Cepat")
    with pytest.raises(InvalidTransition):
        c.complaint_reopen(complaint_id=complaint.pk, actor=world.citizen, message="Lagi")


def test_anonymous_reporter_without_account_acts_with_the_code(world):
    complaint, code = file(world, reporter=None, anonymous=True)
    handled(world, complaint)
    with pytest.raises(NotFound):
        c.complaint_confirm(
            complaint_id=complaint.pk,
            rating=5,
            tracking_number=complaint.tracking_number,
            tracking_code="tebakan",
        )
    complaint = c.complaint_confirm(
        complaint_id=complaint.pk, rating=5, tracking_number=complaint.tracking_number, tracking_code=code
    )
    assert complaint.state == ComplaintState.COMPLETED
    assert Event.objects.for_object(complaint).get(action="complaint.confirm").actor is None


# --- clocks ----------------------------------------------------------------------------------------------------
def test_followup_and_auto_close_clocks_across_holidays(world):
    with at(2026, 5, 11, 10):  # Monday
        complaint, _code = file(world)
        complaint = c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    assert complaint.followup_due == D(2026, 5, 20)  # 5 working days: 12, 13, 18, 19, 20 (14-15 May skipped)
    with at(2026, 5, 20, 23, 0):
        assert not Complaint.objects.get(pk=complaint.pk).is_overdue
    with at(2026, 5, 21, 10):
        assert Complaint.objects.get(pk=complaint.pk).is_overdue
        complaint = c.complaint_respond(
            complaint_id=complaint.pk, actor=world.pelaksana_officer, message="OK"
        )
    # 10 working days after the follow-up, skipping Idul Adha 27 May, its cuti bersama and Pancasila Day.
    assert complaint.auto_close_on == D(2026, 6, 9)
    with at(2026, 6, 9, 23, 0):
        assert c.complaint_auto_close_due() == 0
    assert Complaint.objects.get(pk=complaint.pk).state == ComplaintState.RESPONDED
    with at(2026, 6, 10, 0, 30):
        assert c.complaint_auto_close_due() == 1
        assert c.complaint_auto_close_due() == 0
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.COMPLETED and complaint.rating is None
    assert Event.objects.for_object(complaint).get(action="complaint.auto_close").actor is None


def test_the_sixty_day_limit(world):
    with at(2026, 3, 13, 10):
        complaint, _code = file(world)
        c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
        complaint = c.complaint_respond(
            complaint_id=complaint.pk, actor=world.pelaksana_officer, message="OK"
        )
    with at(2026, 5, 8, 10):
        complaint = c.complaint_reopen(complaint_id=complaint.pk, actor=world.citizen, message="Belum")
    with at(2026, 5, 12, 23, 0):
        assert not Complaint.objects.get(pk=complaint.pk).is_overdue
    with at(2026, 5, 13, 0, 30):
        assert Complaint.objects.get(pk=complaint.pk).is_overdue


# --- anonymity and confidentiality ----------------------------------------------------------------------------
def test_anonymous_identity_never_reaches_staff(world, caplog):
    caplog.set_level(logging.DEBUG)
    reporter = world.citizen
    complaint, _code = file(world, anonymous=True, title="Pungutan liar")
    handled(world, complaint)
    c.complaint_reopen(complaint_id=complaint.pk, actor=reporter, message="Masih terjadi")
    c.complaint_respond(complaint_id=complaint.pk, actor=world.pelaksana_officer, message="Petugas diganti")
    c.complaint_confirm(complaint_id=complaint.pk, actor=reporter, rating=5)
    for viewer in (world.admin, world.pelaksana_officer, world.auditor, world.officer):
        assert reporter_display(complaint, viewer) == "Anonim"
    assert reporter_display(complaint, reporter) == "Siti"
    identity = {reporter.username, reporter.email, "Siti", str(reporter.pk)}
    trail = Event.objects.for_object(complaint)
    assert trail.count() == 6
    assert all(e.actor != reporter for e in trail)
    seen_by_staff = " ".join(
        [f"{e.actor_id} {e.object_repr} {e.reason} {e.details}" for e in trail]
        + [f"{m.staff_author_id} {m.body}" for m in complaint.messages.all()]
        + [caplog.text]
    )
    for item in identity:
        assert item not in seen_by_staff.split() and f"'{item}'" not in seen_by_staff


def test_confidential_reports_are_never_public(world):
    open_one, _code = file(world)
    secret, _code = file(world, confidential=True)
    archived, _code = file(world)
    c.complaint_archive(complaint_id=archived.pk, actor=world.admin, reason="spam", note="Spam")
    assert set(public_complaints()) == {open_one}
    assert secret in complaints_visible_to(world.admin)


def test_who_sees_which_complaint(world):
    mine, _code = file(world)
    theirs, _code = file(world, reporter="other_citizen")
    assert set(complaints_visible_to(world.citizen)) == {mine}
    assert set(complaints_visible_to(world.auditor)) == {mine, theirs}
    assert not complaints_visible_to(world.pelaksana_officer).exists()
    assert not complaints_visible_to(world.outsider).exists()


# --- across the boundary -------------------------------------------------------------------------------------
def test_complaint_becomes_an_information_request_keeping_the_date(world):
    with at(2026, 3, 13, 10):
        complaint, _code = file(world, description="Saya minta salinan SOP pelayanan puskesmas")
    with at(2026, 3, 17, 10):
        request = c.complaint_convert_to_request(
            complaint_id=complaint.pk, actor=world.admin, purpose="Mengetahui standar pelayanan"
        )
    complaint.refresh_from_db()
    assert request.received_at == complaint.received_at and request.due_date == D(2026, 4, 6)
    assert request.requester == world.citizen and request.from_complaint == complaint
    assert (complaint.state, complaint.archive_reason) == ("archived", "converted")
    anonymous, _code = file(world, reporter=None, anonymous=True)
    with pytest.raises(ValidationError, match="anonim"):
        c.complaint_convert_to_request(complaint_id=anonymous.pk, actor=world.admin, purpose="x")


def test_request_becomes_a_complaint_keeping_the_date(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request(information_requested="Petugas loket meminta uang tambahan")
    with pytest.raises(PermissionDenied):
        c.complaint_from_request(request_id=request.pk, actor=world.citizen)
    with at(2026, 3, 16, 10):
        complaint = c.complaint_from_request(request_id=request.pk, actor=world.officer)
    request.refresh_from_db()
    assert request.state == RequestState.WITHDRAWN and request.to_complaint == complaint
    assert complaint.received_at == request.received_at and complaint.reporter == world.citizen
    assert complaint.verify_due == D(2026, 3, 25)
    assert InformationRequest.objects.count() == 1


def test_ombudsman_escalation_and_lapor_number_are_recorded(world):
    complaint, _code = file(world)
    with pytest.raises(PermissionDenied):
        c.complaint_escalate_to_ombudsman(complaint_id=complaint.pk, actor=world.auditor, reference="x")
    c.complaint_escalate_to_ombudsman(
        complaint_id=complaint.pk, actor=world.admin, reference="0123/LM/VI/2026/JKT"
    )
    c.complaint_record_lapor_number(complaint_id=complaint.pk, actor=world.admin, number="LPR123456")
    complaint.refresh_from_db()
    assert complaint.ombudsman_reference == "0123/LM/VI/2026/JKT" and complaint.escalated_at
    assert complaint.lapor_tracking_number == "LPR123456"
    actions = set(Event.objects.for_object(complaint).values_list("action", flat=True))
    assert {"complaint.escalated", "complaint.lapor_linked"} <= actions


def test_the_same_number_at_two_agencies_is_told_apart_by_the_code(world):
    first, code_a = c.complaint_file(
        reporter=None, agency=world.agency, title="a", description="a", category="other", anonymous=True
    )
    second, code_b = c.complaint_file(
        reporter=None, agency=world.other_agency, title="b", description="b", category="other", anonymous=True
    )
    assert first.tracking_number == second.tracking_number
    assert c.complaint_track(tracking_number=second.tracking_number, code=code_b) == second
    assert c.complaint_track(tracking_number=first.tracking_number, code=code_a) == first


def test_codes_are_easy_to_copy_and_forgiving_to_type(world):
    complaint, code = file(world, reporter=None, anonymous=True)
    assert len(code) == 19 and code.count("-") == 3
    assert not set(code) & set("01IOL")
    assert (
        c.complaint_track(tracking_number=complaint.tracking_number, code=code.lower().replace("-", " "))
        == complaint
    )
    # The number too, typed in lower case with stray spaces.
    assert c.complaint_track(tracking_number=f" {complaint.tracking_number.lower()} ", code=code) == complaint


def test_a_visitors_repeated_submission_files_once_and_keeps_the_first_code(world):
    key = "0b0f5c8e-5d2a-4f5e-8b1f-3c0a2a9b7d11"
    first, code = file(world, reporter=None, anonymous=True, submission_key=key)
    stored_hash = Complaint.objects.get().tracking_code_hash
    again, no_code = file(world, reporter=None, anonymous=True, submission_key=key)
    assert first.pk == again.pk and Complaint.objects.count() == 1
    assert no_code is None  # no new code issued: whoever repeats the form cannot take the complaint over
    assert Complaint.objects.get().tracking_code_hash == stored_hash
    assert c.complaint_track(tracking_number=first.tracking_number, code=code) == first


def test_a_citizens_repeated_submission_files_once_without_a_code(world):
    key = "5e0c7c2a-1d6b-4f0e-9a55-0f4c3a9e2b10"
    first, code = file(world, submission_key=key)
    again, no_code = file(world, submission_key=key)
    assert (first.pk, code, no_code) == (again.pk, "", None) and Complaint.objects.count() == 1


def test_auto_close_is_never_offered_to_a_person(world):
    complaint, _code = file(world)
    complaint = handled(world, complaint)
    for person in (world.citizen, world.admin, world.pelaksana_officer):
        names = {t.name for t in complaint.get_available_user_state_transitions(person)}
        assert "auto_close" not in names
