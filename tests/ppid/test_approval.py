"""Issue 16 point 5: with the agency's approval before issue on, an officer's notice (a refusal included) or
extension waits as a draft until the unit head approves it, which issues and sends it and records who approved;
the head may return it with a reason. A draft near its due date warns the head once. Without the setting, today's
behaviour stays."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from agencies.models import StaffRole
from audit.models import Event
from notifications.models import Notification
from ppid import events
from ppid import services as s
from ppid.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ppid.models import DraftFile, DraftState, RequestDocument, RequestResponse, ResponseDraft
from ppid.reminders import send_deadline_reminders
from ppid.selectors import documents_visible_to, drafts_awaiting_approval
from tests.factories import make_staff
from tests.helpers import at

REFUSAL = {
    "decision": "rejected",
    "exemption_grounds": ["h"],
    "consequence_test": "Membuka data ini mengungkap rahasia pribadi pegawai.",
}
GRANT = {"decision": "granted", "provided_information": "Salinan DPA Dinas Kesehatan 2025."}


def pdf(name="jawaban.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 isi jawaban", content_type="application/pdf")


@pytest.fixture
def team(world):
    world.agency.approval_before_issue = True
    world.agency.save(update_fields=["approval_before_issue"])
    world.pelaksana_head = make_staff(world.pelaksana, StaffRole.PPID, username="kepala_dinkes")
    return world


@pytest.fixture
def case(team, file_request):
    """A Dinas Kesehatan request in process, filed on a Monday (due 19 October 2026)."""
    with at(2026, 10, 5, 10):
        obj = file_request(unit=team.pelaksana)
        s.information_request_process(request_id=obj.pk, actor=team.pelaksana_officer)
    return obj


def _told(user, kind):
    return Notification.objects.filter(recipient=user, kind=kind).count()


def _kinds(user):
    return set(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_an_officers_refusal_waits_as_a_draft_and_nothing_is_issued(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(
            request_id=case.pk, actor=team.pelaksana_officer, files=[pdf()], **REFUSAL
        )
    case.refresh_from_db()
    assert case.state == "in_process"
    assert case.responded_at is None
    assert not RequestResponse.objects.filter(request=case).exists()
    assert not RequestDocument.objects.filter(request=case, kind="response_file").exists()
    draft = ResponseDraft.objects.get(request=case)
    assert (draft.kind, draft.state, draft.drafted_by) == ("respond", "pending", team.pelaksana_officer)
    assert draft.payload["decision"] == "rejected"
    assert draft.payload["exemption_grounds"] == ["h"]
    assert [f.original_name for f in draft.files.all()] == ["jawaban.pdf"]
    # The heads who may approve are told; the requester hears nothing.
    assert _told(team.pelaksana_head, events.REQUEST_DRAFT_WAITING) == 1
    assert events.REQUEST_RESPOND not in _kinds(team.citizen)
    # No event on the request: the requester's timeline does not change.
    assert not Event.objects.for_object(case).filter(action=events.REQUEST_RESPOND).exists()
    assert list(drafts_awaiting_approval(team.pelaksana_head)) == [draft]
    assert list(drafts_awaiting_approval(team.head)) == [draft]  # the PPID Utama's head
    assert list(drafts_awaiting_approval(team.pelaksana_officer)) == []


def test_the_head_approves_the_draft_the_letter_is_issued_and_the_requester_told(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(
            request_id=case.pk, actor=team.pelaksana_officer, files=[pdf()], **REFUSAL
        )
    with at(2026, 10, 7, 14):
        s.information_request_approve(request_id=case.pk, actor=team.pelaksana_head)
    case.refresh_from_db()
    assert case.state == "responded"
    response = case.response
    assert response.decision == "rejected"
    assert response.responded_by == team.pelaksana_officer
    assert response.approved_by == team.pelaksana_head
    assert response.approved_at == dt.datetime(2026, 10, 7, 7, tzinfo=dt.UTC)
    # The staged file is now the requester's response file.
    (doc,) = documents_visible_to(team.citizen).filter(request=case, kind="response_file")
    assert doc.original_name == "jawaban.pdf"
    assert doc.file.name == DraftFile.objects.get().file.name
    event = Event.objects.for_object(case).get(action=events.REQUEST_RESPOND)
    assert event.actor == team.pelaksana_head
    assert event.details["drafted_by"] == team.pelaksana_officer.pk
    assert event.details["approved_by"] == team.pelaksana_head.pk
    draft = ResponseDraft.objects.get()
    assert (draft.state, draft.decided_by) == ("approved", team.pelaksana_head)
    assert _told(team.citizen, events.REQUEST_RESPOND) == 1
    assert _told(team.pelaksana_officer, events.REQUEST_DRAFT_APPROVED) == 1
    assert list(drafts_awaiting_approval(team.pelaksana_head)) == []


def test_an_extension_waits_and_its_approval_moves_the_due_date(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_extend(
            request_id=case.pk, actor=team.pelaksana_officer, reason="Data masih dihimpun."
        )
    case.refresh_from_db()
    assert not case.extended
    assert case.due_date == dt.date(2026, 10, 19)
    with at(2026, 10, 7, 9):
        s.information_request_approve(request_id=case.pk, actor=team.head)  # the PPID Utama's head
    case.refresh_from_db()
    assert case.extended
    assert case.due_date == dt.date(2026, 10, 28)
    assert (case.extended_by, case.extension_approved_by) == (team.pelaksana_officer, team.head)
    event = Event.objects.for_object(case).get(action=events.REQUEST_EXTEND)
    assert event.details["approved_by"] == team.head.pk
    assert _told(team.citizen, events.REQUEST_EXTEND) == 1


def test_the_head_returns_a_draft_with_a_reason_and_the_drafter_may_draft_again(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **GRANT)
        with pytest.raises(ValidationError) as error:
            s.information_request_return(request_id=case.pk, actor=team.pelaksana_head, reason="  ")
        assert "reason" in error.value.message_dict
        assert ResponseDraft.objects.get().state == "pending"
        s.information_request_return(
            request_id=case.pk, actor=team.pelaksana_head, reason="Sebutkan tahun anggaran dengan jelas."
        )
    case.refresh_from_db()
    assert case.state == "in_process"
    draft = ResponseDraft.objects.get()
    assert (draft.state, draft.return_reason) == ("returned", "Sebutkan tahun anggaran dengan jelas.")
    assert _told(team.pelaksana_officer, events.REQUEST_DRAFT_RETURNED) == 1
    event = Event.objects.for_object(draft).get(action=events.REQUEST_DRAFT_RETURNED)
    assert event.reason == "Sebutkan tahun anggaran dengan jelas."
    with pytest.raises(InvalidTransition):
        s.information_request_approve(request_id=case.pk, actor=team.pelaksana_head)
    with at(2026, 10, 6, 10):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **GRANT)
    assert ResponseDraft.objects.filter(state="pending").count() == 1


def test_one_pending_draft_at_a_time(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **GRANT)
        with pytest.raises(InvalidTransition):
            s.information_request_extend(request_id=case.pk, actor=team.officer, reason="Perlu waktu.")
        with pytest.raises(InvalidTransition):
            s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **REFUSAL)
    assert ResponseDraft.objects.count() == 1


def test_a_bad_draft_is_refused_and_nothing_is_stored(team, case):
    with at(2026, 10, 6, 9):
        with pytest.raises(ValidationError) as error:
            s.information_request_respond(
                request_id=case.pk, actor=team.pelaksana_officer, files=[pdf()], decision="rejected"
            )
        assert "exemption_grounds" in error.value.message_dict
        with pytest.raises(ValidationError):
            s.information_request_extend(request_id=case.pk, actor=team.pelaksana_officer, reason="")
    assert not ResponseDraft.objects.exists()
    assert not DraftFile.objects.exists()
    assert _told(team.pelaksana_head, events.REQUEST_DRAFT_WAITING) == 0


def test_a_head_issues_directly_and_is_recorded_as_approver(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_head, **GRANT)
    case.refresh_from_db()
    assert case.state == "responded"
    assert (case.response.responded_by, case.response.approved_by) == (
        team.pelaksana_head,
        team.pelaksana_head,
    )
    assert not ResponseDraft.objects.exists()


def test_a_head_issuing_directly_supersedes_the_pending_draft(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **REFUSAL)
        s.information_request_respond(request_id=case.pk, actor=team.head, **GRANT)
    draft = ResponseDraft.objects.get()
    assert (draft.state, draft.decided_by) == ("superseded", team.head)
    event = Event.objects.for_object(case).get(action=events.REQUEST_RESPOND)
    assert event.details["superseded_draft"] == draft.pk


def test_without_the_setting_an_officer_issues_at_once(team, case):
    team.agency.approval_before_issue = False
    team.agency.save(update_fields=["approval_before_issue"])
    with at(2026, 10, 6, 9):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **GRANT)
    case.refresh_from_db()
    assert case.state == "responded"
    assert case.response.approved_by is None
    assert not ResponseDraft.objects.exists()
    assert _told(team.citizen, events.REQUEST_RESPOND) == 1
    with pytest.raises(InvalidTransition):
        s.information_request_approve(request_id=case.pk, actor=team.pelaksana_head)


@pytest.mark.parametrize(
    ("who", "error"),
    [
        ("pelaksana_head", None),
        ("head", None),
        ("pelaksana_officer", PermissionDenied),
        ("officer", PermissionDenied),
        ("atasan", PermissionDenied),
        ("auditor", PermissionDenied),
        ("admin", PermissionDenied),
        ("disdik_head", NotFound),
        ("citizen", NotFound),
        ("other_citizen", NotFound),
        ("outsider", NotFound),
    ],
)
@pytest.mark.parametrize("decision", ["approve", "return"])
def test_who_may_approve_or_return_a_draft(team, case, who, error, decision):
    from tests.factories import UnitFactory

    disdik = UnitFactory(agency=team.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    team.disdik_head = make_staff(disdik, StaffRole.PPID, username="kepala_disdik")
    with at(2026, 10, 6, 9):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **GRANT)
        run = (
            (lambda u: s.information_request_approve(request_id=case.pk, actor=u))
            if decision == "approve"
            else (lambda u: s.information_request_return(request_id=case.pk, actor=u, reason="Perbaiki."))
        )
        if error is None:
            run(getattr(team, who))
            assert ResponseDraft.objects.get().state == ("approved" if decision == "approve" else "returned")
        else:
            with pytest.raises(error):
                run(getattr(team, who))
            assert ResponseDraft.objects.get().state == "pending"
            case.refresh_from_db()
            assert case.state == "in_process"


def test_a_draft_near_its_due_date_warns_the_head_once(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **GRANT)
    draft = ResponseDraft.objects.get()

    def warned():
        return Notification.objects.filter(
            recipient=team.pelaksana_head,
            content_type__model="responsedraft",
            object_id=str(draft.pk),
        ).count()

    with at(2026, 10, 9, 8):  # Friday: four working days left
        send_deadline_reminders()
    assert warned() == 0
    with at(2026, 10, 14, 8):  # Wednesday: 19 October is three working days away
        send_deadline_reminders()
        send_deadline_reminders()
    assert warned() == 1
    with at(2026, 10, 16, 8):  # "due in 1": still the one warning
        send_deadline_reminders()
    assert warned() == 1
    (note,) = Notification.objects.filter(content_type__model="responsedraft")
    assert note.url.endswith("#persetujuan-h")
    # The requester is never warned of a draft.
    assert not Notification.objects.filter(
        recipient=team.citizen, content_type__model="responsedraft"
    ).exists()


def test_approving_when_the_request_was_withdrawn_is_refused(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **GRANT)
        s.information_request_withdraw(request_id=case.pk, actor=team.citizen, reason="Sudah tidak perlu.")
        with pytest.raises(InvalidTransition):
            s.information_request_approve(request_id=case.pk, actor=team.pelaksana_head)
    assert list(drafts_awaiting_approval(team.pelaksana_head)) == []
    assert ResponseDraft.objects.get().state == DraftState.PENDING
