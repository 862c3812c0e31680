"""Issue 16 point 2: a case is unassigned until an officer claims it or the unit head assigns it; reassigning
needs a reason; every change is audited and the assignee is told; reminders go to the assignee first."""

import datetime as dt

import pytest

from agencies.models import StaffRole
from audit.models import Event
from complaints import services as c
from notifications.models import Notification
from ppid import events
from ppid import services as s
from ppid.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ppid.reminders import send_deadline_reminders
from tests.factories import UnitFactory, make_staff
from tests.helpers import at


@pytest.fixture
def team(world):
    """The PPID Pelaksana's head and a second officer, and another Pelaksana with its own officer."""
    world.pelaksana_head = make_staff(world.pelaksana, StaffRole.PPID, username="kepala_dinkes")
    world.pelaksana_officer2 = make_staff(world.pelaksana, StaffRole.OFFICER, username="pelaksana2")
    world.disdik = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    world.disdik_officer = make_staff(world.disdik, StaffRole.OFFICER, username="disdik")
    return world


@pytest.fixture
def case(team, file_request):
    with at(2026, 10, 5, 10):  # Monday
        return file_request(unit=team.pelaksana)


def _events(obj):
    return list(Event.objects.for_object(obj).filter(action=events.REQUEST_ASSIGN).order_by("id"))


def _told(user, kind):
    return Notification.objects.filter(recipient=user, kind=kind).count()


def test_an_officer_of_the_unit_claims_an_unassigned_request(team, case):
    with at(2026, 10, 5, 11):
        s.information_request_claim(request_id=case.pk, actor=team.pelaksana_officer)
    case.refresh_from_db()
    assert case.assigned_to == team.pelaksana_officer
    assert case.assigned_at == dt.datetime(2026, 10, 5, 4, tzinfo=dt.UTC)
    (event,) = _events(case)
    assert event.actor == team.pelaksana_officer
    assert event.details == {"from_assignee": None, "to_assignee": team.pelaksana_officer.pk, "claim": True}
    # Nobody is told of their own claim.
    assert _told(team.pelaksana_officer, events.REQUEST_ASSIGNED_TO_YOU) == 0


def test_a_utama_officer_claims_a_request_of_any_unit(team, case):
    s.information_request_claim(request_id=case.pk, actor=team.officer)
    case.refresh_from_db()
    assert case.assigned_to == team.officer


def test_a_claimed_request_cannot_be_claimed_by_another_officer(team, case):
    s.information_request_claim(request_id=case.pk, actor=team.pelaksana_officer)
    with pytest.raises(InvalidTransition, match="sudah ditangani petugas lain"):
        s.information_request_claim(request_id=case.pk, actor=team.pelaksana_officer2)
    case.refresh_from_db()
    assert case.assigned_to == team.pelaksana_officer


def test_the_unit_head_assigns_and_the_officer_is_told(team, case):
    s.information_request_assign(
        request_id=case.pk, actor=team.pelaksana_head, officer_id=team.pelaksana_officer.pk
    )
    case.refresh_from_db()
    assert case.assigned_to == team.pelaksana_officer
    assert _told(team.pelaksana_officer, events.REQUEST_ASSIGNED_TO_YOU) == 1
    (event,) = _events(case)
    assert event.actor == team.pelaksana_head
    assert event.details["claim"] is False
    # The requester is not told who works on the case.
    assert _told(team.citizen, events.REQUEST_ASSIGNED_TO_YOU) == 0


def test_reassigning_needs_a_reason_and_tells_both_officers(team, case):
    s.information_request_assign(
        request_id=case.pk, actor=team.pelaksana_head, officer_id=team.pelaksana_officer.pk
    )
    with pytest.raises(ValidationError) as refused:
        s.information_request_assign(
            request_id=case.pk, actor=team.pelaksana_head, officer_id=team.pelaksana_officer2.pk
        )
    assert "wajib disertai alasan" in str(refused.value.message_dict["reason"])
    s.information_request_assign(
        request_id=case.pk,
        actor=team.pelaksana_head,
        officer_id=team.pelaksana_officer2.pk,
        reason="Petugas cuti",
    )
    case.refresh_from_db()
    assert case.assigned_to == team.pelaksana_officer2
    last = _events(case)[-1]
    assert last.reason == "Petugas cuti"
    assert last.details == {
        "from_assignee": team.pelaksana_officer.pk,
        "to_assignee": team.pelaksana_officer2.pk,
        "claim": False,
    }
    assert _told(team.pelaksana_officer, events.REQUEST_UNASSIGNED_FROM_YOU) == 1
    assert _told(team.pelaksana_officer2, events.REQUEST_ASSIGNED_TO_YOU) == 1


def test_the_utama_head_unassigns_with_a_reason(team, case):
    s.information_request_claim(request_id=case.pk, actor=team.pelaksana_officer)
    with pytest.raises(ValidationError):
        s.information_request_assign(request_id=case.pk, actor=team.head, officer_id=None)
    s.information_request_assign(request_id=case.pk, actor=team.head, officer_id=None, reason="Dibagi ulang")
    case.refresh_from_db()
    assert case.assigned_to is None and case.assigned_at is None
    assert _events(case)[-1].details["to_assignee"] is None
    with pytest.raises(ValidationError, match="belum ditugaskan"):
        s.information_request_assign(request_id=case.pk, actor=team.head, officer_id=None, reason="x")


@pytest.mark.parametrize("who", ["pelaksana_officer", "officer"])
def test_an_officer_who_is_not_a_head_cannot_assign_others(team, case, who):
    with pytest.raises(PermissionDenied, match="kepala unit"):
        s.information_request_assign(
            request_id=case.pk, actor=getattr(team, who), officer_id=team.pelaksana_officer2.pk
        )


@pytest.mark.parametrize("target", ["disdik_officer", "outsider", "citizen", "atasan", "auditor", "admin"])
def test_a_case_is_only_assigned_to_an_officer_who_may_handle_it(team, case, target):
    with pytest.raises(ValidationError) as refused:
        s.information_request_assign(request_id=case.pk, actor=team.head, officer_id=getattr(team, target).pk)
    assert "tidak dapat menangani perkara ini" in str(refused.value.message_dict["officer"])
    assert _events(case) == []


def test_an_inactive_officer_is_not_assigned(team, case):
    team.pelaksana_officer.is_active = False
    team.pelaksana_officer.save()
    with pytest.raises(ValidationError):
        s.information_request_assign(
            request_id=case.pk, actor=team.head, officer_id=team.pelaksana_officer.pk
        )


def test_unknown_ids_read_as_an_officer_who_cannot_handle_it(team, case):
    with pytest.raises(ValidationError):
        s.information_request_assign(request_id=case.pk, actor=team.head, officer_id=10**9)


@pytest.mark.parametrize("who", ["citizen", "atasan", "auditor", "admin"])
def test_who_sees_the_case_but_does_not_handle_it_is_refused(team, case, who):
    with pytest.raises(PermissionDenied):
        s.information_request_claim(request_id=case.pk, actor=getattr(team, who))


@pytest.mark.parametrize("who", ["other_citizen", "outsider", "disdik_officer"])
def test_who_cannot_see_the_case_finds_nothing(team, case, who):
    with pytest.raises(NotFound):
        s.information_request_claim(request_id=case.pk, actor=getattr(team, who))


def test_a_closed_request_is_not_assigned(team, case):
    s.information_request_withdraw(request_id=case.pk, actor=team.citizen, reason="x")
    with pytest.raises(InvalidTransition):
        s.information_request_claim(request_id=case.pk, actor=team.pelaksana_officer)


def test_the_reason_is_for_staff_only(team, case, client):
    from audit.selectors import event_reason

    s.information_request_claim(request_id=case.pk, actor=team.pelaksana_officer)
    s.information_request_assign(
        request_id=case.pk, actor=team.head, officer_id=team.officer.pk, reason="Beban kerja unit"
    )
    event = _events(case)[-1]
    assert event_reason(event, staff_view=True) == "Beban kerja unit"
    assert event_reason(event, staff_view=False) == ""


# --- objections and complaints ---------------------------------------------------------------------------------
def _objection(team, file_request):
    with at(2026, 10, 5, 10):
        request = file_request(unit=team.pelaksana)
    with at(2026, 10, 6, 10):
        s.information_request_process(request_id=request.pk, actor=team.pelaksana_officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=team.pelaksana_officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="x",
        )
        return s.objection_file(requester=team.citizen, request_id=request.pk, grounds=["a"], reason="x")


def test_an_objection_is_claimed_and_reassigned_as_a_request_is(team, file_request):
    objection = _objection(team, file_request)
    with at(2026, 10, 6, 11):
        s.objection_claim(objection_id=objection.pk, actor=team.pelaksana_officer)
        with pytest.raises(PermissionDenied):
            s.objection_claim(objection_id=objection.pk, actor=team.atasan)
        with pytest.raises(ValidationError):
            s.objection_assign(
                objection_id=objection.pk, actor=team.pelaksana_head, officer_id=team.officer.pk
            )
        s.objection_assign(
            objection_id=objection.pk, actor=team.pelaksana_head, officer_id=team.officer.pk, reason="Utama"
        )
    objection.refresh_from_db()
    assert objection.assigned_to == team.officer
    event = Event.objects.for_object(objection).filter(action=events.OBJECTION_ASSIGN).last()
    assert event.details["from_assignee"] == team.pelaksana_officer.pk
    assert _told(team.officer, events.OBJECTION_ASSIGNED_TO_YOU) == 1


def test_a_complaint_before_its_disposition_is_the_utama_s_to_assign(team):
    from complaints.events import COMPLAINT_ASSIGN, COMPLAINT_ASSIGNED_TO_YOU

    complaint, _code = c.complaint_file(
        reporter=team.citizen, agency=team.agency, title="t", description="d", category="other"
    )
    with pytest.raises(ValidationError):  # the Pelaksana's officer does not handle it yet
        c.complaint_assign(complaint_id=complaint.pk, actor=team.head, officer_id=team.pelaksana_officer.pk)
    c.complaint_assign(complaint_id=complaint.pk, actor=team.head, officer_id=team.officer.pk)
    c.complaint_verify(complaint_id=complaint.pk, actor=team.admin, unit=team.pelaksana)
    c.complaint_assign(
        complaint_id=complaint.pk,
        actor=team.pelaksana_head,
        officer_id=team.pelaksana_officer.pk,
        reason="Didisposisikan ke Dinkes",
    )
    complaint.refresh_from_db()
    assert complaint.assigned_to == team.pelaksana_officer
    assert Event.objects.for_object(complaint).filter(action=COMPLAINT_ASSIGN).count() == 2
    assert _told(team.pelaksana_officer, COMPLAINT_ASSIGNED_TO_YOU) == 1
    # The reporter hears nothing of it.
    assert not Notification.objects.filter(recipient=team.citizen, kind__contains="assign").exists()
    with pytest.raises(PermissionDenied):
        c.complaint_claim(complaint_id=complaint.pk, actor=team.citizen)


# --- reminders ---------------------------------------------------------------------------------------------------
def _reminders_until(
    day: dt.date, *, start: dt.date = dt.date(2026, 10, 6), job=send_deadline_reminders
) -> None:
    """Run a deadline job at 09.00 every day from `start` to `day`."""
    current = start
    while current <= day:
        with at(current.year, current.month, current.day, 9):
            job()
        current += dt.timedelta(days=1)


ALL_THREE = ["reminder.due_in_1", "reminder.due_in_3", "reminder.overdue"]


def _reminders(user):
    return sorted(
        Notification.objects.filter(recipient=user, kind__startswith="reminder.").values_list(
            "kind", flat=True
        )
    )


def test_reminders_of_an_assigned_request_go_to_the_assignee_first_then_the_head_then_the_atasan(team, case):
    with at(2026, 10, 5, 11):
        s.information_request_claim(request_id=case.pk, actor=team.pelaksana_officer)
    _reminders_until(case.due_date + dt.timedelta(days=2))
    assert _reminders(team.pelaksana_officer) == ALL_THREE
    assert _reminders(team.pelaksana_head) == ["reminder.due_in_1", "reminder.overdue"]
    assert _reminders(team.atasan) == ["reminder.overdue"]
    # The rest of the unit is not reminded of a colleague's case.
    assert _reminders(team.pelaksana_officer2) == []


def test_reminders_of_an_unassigned_request_go_to_the_whole_unit_as_before(team, case):
    _reminders_until(case.due_date + dt.timedelta(days=2))
    for officer in (team.pelaksana_officer, team.pelaksana_officer2, team.pelaksana_head):
        assert _reminders(officer) == ["reminder.due_in_1", "reminder.due_in_3", "reminder.overdue"]
    assert _reminders(team.atasan) == ["reminder.overdue"]


def test_an_assignee_who_left_the_unit_no_longer_holds_the_reminders(team, case):
    s.information_request_claim(request_id=case.pk, actor=team.pelaksana_officer)
    team.pelaksana_officer.memberships.all().delete()
    _reminders_until(case.due_date)
    assert _reminders(team.pelaksana_officer) == []
    assert _reminders(team.pelaksana_officer2) == ["reminder.due_in_1", "reminder.due_in_3"]


def test_reminders_of_an_assigned_objection_go_to_the_assignee_and_the_atasan(team, file_request):
    objection = _objection(team, file_request)
    s.objection_claim(objection_id=objection.pk, actor=team.pelaksana_officer)
    # Objections are due in 30 working days; remind from a few days before.
    _reminders_until(
        objection.due_date + dt.timedelta(days=1), start=objection.due_date - dt.timedelta(days=7)
    )
    kinds = ["reminder.due_in_1", "reminder.due_in_3", "reminder.overdue"]
    assert _reminders(team.atasan) == kinds
    assert _reminders(team.pelaksana_officer) == kinds
    assert _reminders(team.pelaksana_head) == []


def test_reminders_of_an_assigned_complaint_go_to_the_assignee_first(team):
    from complaints.reminders import send_deadline_reminders as complaint_reminders

    with at(2026, 10, 5, 10):
        complaint, _code = c.complaint_file(
            reporter=team.citizen, agency=team.agency, title="t", description="d", category="other"
        )
        c.complaint_verify(complaint_id=complaint.pk, actor=team.admin, unit=team.pelaksana)
        c.complaint_claim(complaint_id=complaint.pk, actor=team.pelaksana_officer)
    complaint.refresh_from_db()
    _reminders_until(complaint.followup_due + dt.timedelta(days=2), job=complaint_reminders)
    assert _reminders(team.pelaksana_officer) == ALL_THREE
    assert _reminders(team.pelaksana_head) == ["reminder.due_in_1", "reminder.overdue"]
    assert _reminders(team.atasan) == ["reminder.overdue"]
    assert _reminders(team.pelaksana_officer2) == []


def test_forwarding_leaves_an_assignee_who_cannot_follow_it_behind(team, case):
    s.information_request_claim(request_id=case.pk, actor=team.pelaksana_officer)
    s.information_request_forward(
        request_id=case.pk, actor=team.officer, unit=team.disdik, note="Wewenang Disdik"
    )
    case.refresh_from_db()
    assert case.assigned_to is None and case.assigned_at is None
    forward = Event.objects.for_object(case).get(action=events.REQUEST_FORWARD)
    assert forward.details["from_assignee"] == team.pelaksana_officer.pk


def test_forwarding_keeps_a_utama_assignee(team, case):
    s.information_request_claim(request_id=case.pk, actor=team.officer)
    s.information_request_forward(request_id=case.pk, actor=team.officer, unit=team.disdik, note="Disdik")
    case.refresh_from_db()
    assert case.assigned_to == team.officer
