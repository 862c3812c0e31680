"""Contributions across units (permintaan bahan, issue 16 point 4): the services, their checks in the house order,
the internal due date, notifications, reminders, the copy into the response, and the compliance column."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from agencies.models import StaffRole
from audit.models import Event
from notifications.models import Notification
from ppid import services as s
from ppid.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ppid.events import CONTRIBUTION_ANSWER, CONTRIBUTION_ASK, CONTRIBUTION_ASKED_OF_YOU, CONTRIBUTION_DECLINE
from ppid.models import Contribution, ContributionState, DocumentKind
from ppid.reminders import send_deadline_reminders
from ppid.selectors import contributions_asked_of, contributions_visible_to, documents_visible_to
from ppid.timeline import case_timeline
from tests.factories import UnitFactory, make_agency, make_staff
from tests.helpers import WIB, at
from transparency.selectors import compliance_by_unit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


def pdf(name="data-dinkes.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def disdik(world):
    unit = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    return unit, make_staff(unit, StaffRole.OFFICER, username="disdik")


@pytest.fixture
def request_(world, file_request):
    # Monday 2 November 2026: due Monday 16 November (10 working days).
    with at(2026, 11, 2, 10):
        return file_request()


def ask(world, request_, units=None, **kwargs):
    kwargs.setdefault("instructions", "Kirim data imunisasi 2025 per kecamatan.")
    return s.contribution_ask(
        request_id=request_.pk,
        actor=world.officer,
        units=[world.pelaksana] if units is None else units,
        **kwargs,
    )


def test_asking_defaults_to_three_working_days_before_the_statutory_due_date(world, request_, disdik):
    assert request_.due_date == dt.date(2026, 11, 16)
    with at(2026, 11, 3, 9):
        created = ask(world, request_, units=[world.pelaksana, disdik[0]])
    assert [c.unit for c in created] == [world.pelaksana, disdik[0]]
    # Wed 11, Thu 12, Fri 13 November are the three working days before Monday 16.
    assert {c.due_date for c in created} == {dt.date(2026, 11, 11)}
    assert all(c.state == ContributionState.ASKED for c in created)
    # One audit row each, on the contribution: none on the request, so no case timeline lists it.
    for c in created:
        assert Event.objects.for_object(c).get().action == CONTRIBUTION_ASK
    assert not Event.objects.for_object(request_).filter(action=CONTRIBUTION_ASK).exists()
    # The asked units' officers are told, with a link to the contribution's page; the asker is not.
    told = Notification.objects.filter(kind=CONTRIBUTION_ASKED_OF_YOU)
    assert {n.recipient for n in told} == {world.pelaksana_officer, disdik[1]}
    assert "11 November 2026" in told.first().message
    assert told.get(recipient=world.pelaksana_officer).url == f"/kerja/bahan/{created[0].pk}/"


def test_the_default_is_never_before_today(world, request_):
    with at(2026, 11, 13, 9):
        (c,) = ask(world, request_)
    assert c.due_date == dt.date(2026, 11, 13)


def test_a_due_date_after_the_statutory_one_or_before_today_is_refused_with_a_clear_message(world, request_):
    with at(2026, 11, 3, 9):
        with pytest.raises(ValidationError) as late:
            ask(world, request_, due_date=dt.date(2026, 11, 17))
        with pytest.raises(ValidationError) as past:
            ask(world, request_, due_date=dt.date(2026, 11, 2))
        (c,) = ask(world, request_, due_date=dt.date(2026, 11, 16))
    assert late.value.message_dict["due_date"] == [
        "Batas waktu internal tidak boleh melewati batas waktu pemberitahuan tertulis permohonan ini "
        "(16 November 2026)."
    ]
    assert past.value.message_dict["due_date"] == ["Batas waktu internal tidak boleh sebelum hari ini."]
    assert c.due_date == dt.date(2026, 11, 16)


def test_the_units_asked_must_be_other_units_of_the_agency_without_an_open_ask(world, request_):
    _other, other_utama, other_pelaksana = make_agency(name="Lain", slug="lain")
    with at(2026, 11, 3, 9):
        for units in ([request_.unit], [other_pelaksana], [other_utama], [], [999999]):
            with pytest.raises(ValidationError) as exc:
                ask(world, request_, units=units)
            assert "units" in exc.value.message_dict
        ask(world, request_)
        with pytest.raises(ValidationError) as twice:
            ask(world, request_)
    assert twice.value.message_dict["units"] == [
        "PPID Pelaksana Dinas Kesehatan masih memiliki permintaan bahan yang belum dijawab untuk permohonan ini."
    ]
    with pytest.raises(ValidationError) as empty:
        ask(world, request_, units=[world.pelaksana], instructions="  ")
    assert "instructions" in empty.value.message_dict
    assert Contribution.objects.count() == 1


def test_only_handling_officers_ask_on_an_open_request(world, request_, disdik):
    with at(2026, 11, 3, 9):
        for outsider in (
            world.pelaksana_officer,
            disdik[1],
            world.citizen,
            world.other_citizen,
            world.outsider,
        ):
            with pytest.raises(NotFound):
                s.contribution_ask(
                    request_id=request_.pk, actor=outsider, units=[disdik[0]], instructions="x"
                )
        for reader in (world.atasan, world.auditor, world.admin):
            with pytest.raises(PermissionDenied):
                s.contribution_ask(request_id=request_.pk, actor=reader, units=[disdik[0]], instructions="x")
        s.contribution_ask(request_id=request_.pk, actor=world.head, units=[disdik[0]], instructions="x")
        s.information_request_withdraw(request_id=request_.pk, actor=world.citizen, reason="")
        with pytest.raises(InvalidTransition):
            ask(world, request_)
    assert Contribution.objects.count() == 1


def test_the_asked_unit_answers_with_files_and_the_asker_and_assignee_are_told(world, request_):
    with at(2026, 11, 3, 9):
        s.information_request_assign(request_id=request_.pk, actor=world.head, officer_id=world.head.pk)
        (c,) = ask(world, request_)
    with at(2026, 11, 10, 15):
        answered = s.contribution_answer(
            contribution_id=c.pk, actor=world.pelaksana_officer, message="Terlampir datanya.", files=[pdf()]
        )
    assert answered.state == ContributionState.ANSWERED
    assert (answered.answered_by, answered.message, answered.answered_late) == (
        world.pelaksana_officer,
        "Terlampir datanya.",
        False,
    )
    assert [f.original_name for f in answered.files.all()] == ["data-dinkes.pdf"]
    told = Notification.objects.filter(kind=CONTRIBUTION_ANSWER)
    assert {n.recipient for n in told} == {world.officer, world.head}
    assert told.first().url == request_.get_absolute_url()
    assert "PPID Pelaksana Dinas Kesehatan menjawab" in told.first().message
    assert Event.objects.for_object(c).filter(action=CONTRIBUTION_ANSWER).get().details["late"] is False
    with pytest.raises(InvalidTransition):
        s.contribution_decline(contribution_id=c.pk, actor=world.pelaksana_officer, reason="x")


def test_an_answer_after_the_internal_due_date_is_late(world, request_):
    with at(2026, 11, 3, 9):
        (c,) = ask(world, request_)
    with at(2026, 11, 12, 0, 5):  # five minutes past the end of 11 November, WIB
        answered = s.contribution_answer(contribution_id=c.pk, actor=world.pelaksana_officer, message="Maaf.")
    assert answered.answered_late is True


def test_declining_needs_a_reason_and_tells_the_asker(world, request_):
    with at(2026, 11, 3, 9):
        (c,) = ask(world, request_)
        with pytest.raises(ValidationError) as empty:
            s.contribution_decline(contribution_id=c.pk, actor=world.pelaksana_officer, reason=" ")
        declined = s.contribution_decline(
            contribution_id=c.pk, actor=world.pelaksana_officer, reason="Data bukan milik Dinkes."
        )
    assert "reason" in empty.value.message_dict
    assert (declined.state, declined.decline_reason) == (
        ContributionState.DECLINED,
        "Data bukan milik Dinkes.",
    )
    assert Notification.objects.get(kind=CONTRIBUTION_DECLINE).recipient == world.officer
    assert Event.objects.for_object(c).get(action=CONTRIBUTION_DECLINE).reason == "Data bukan milik Dinkes."


def test_who_may_answer(world, request_, disdik):
    with at(2026, 11, 3, 9):
        (c,) = ask(world, request_)
        for outsider in (disdik[1], world.citizen, world.other_citizen, world.outsider):
            with pytest.raises(NotFound):
                s.contribution_answer(contribution_id=c.pk, actor=outsider, message="x")
        for reader in (world.atasan, world.auditor, world.admin):
            with pytest.raises(PermissionDenied):
                s.contribution_answer(contribution_id=c.pk, actor=reader, message="x")
        with pytest.raises(ValidationError):
            s.contribution_answer(contribution_id=c.pk, actor=world.pelaksana_officer, message="")
        # The PPID Utama's staff may answer for the asked unit too.
        s.contribution_answer(contribution_id=c.pk, actor=world.head, message="Dijawab Utama.")
    assert Contribution.objects.get().answered_by == world.head


def test_a_bad_file_answers_nothing(world, request_):
    with at(2026, 11, 3, 9):
        (c,) = ask(world, request_)
        fake = SimpleUploadedFile("data.pdf", b"MZ not a pdf", content_type="application/pdf")
        with pytest.raises(ValidationError) as exc:
            s.contribution_answer(
                contribution_id=c.pk, actor=world.pelaksana_officer, message="x", files=[fake]
            )
    assert "files" in exc.value.message_dict
    assert Contribution.objects.get().state == ContributionState.ASKED


def test_the_requester_sees_a_file_only_once_the_handling_officer_attaches_it(world, request_):
    with at(2026, 11, 3, 9):
        (c,) = ask(world, request_)
        s.contribution_answer(contribution_id=c.pk, actor=world.pelaksana_officer, message="x", files=[pdf()])
    source = c.files.get()
    assert not documents_visible_to(world.citizen).exists()
    # The asked unit's officer does not handle the request: it may not attach.
    with pytest.raises(PermissionDenied):
        s.contribution_attach_to_response(file_id=source.pk, actor=world.pelaksana_officer)
    document = s.contribution_attach_to_response(file_id=source.pk, actor=world.officer)
    assert document.kind == DocumentKind.RESPONSE_FILE
    assert list(documents_visible_to(world.citizen)) == [document]
    with document.file.open("rb") as handle:
        assert handle.read() == PDF
    assert document.file.name != source.file.name  # a copy: the contribution's file stays internal
    with pytest.raises(InvalidTransition):
        s.contribution_attach_to_response(file_id=source.pk, actor=world.officer)
    with pytest.raises(NotFound):
        s.contribution_attach_to_response(file_id=source.pk, actor=world.citizen)


def test_visibility_and_the_units_own_list(world, request_, disdik):
    with at(2026, 11, 3, 9):
        (c,) = ask(world, request_)
    for user in (
        world.officer,
        world.head,
        world.pelaksana_officer,
        world.atasan,
        world.auditor,
        world.admin,
    ):
        assert list(contributions_visible_to(user)) == [c], user
    for user in (disdik[1], world.citizen, world.other_citizen, world.outsider):
        assert not contributions_visible_to(user).exists(), user
    assert list(contributions_asked_of(world.pelaksana_officer)) == [c]
    assert not contributions_asked_of(world.officer).exists()  # asked of Dinkes, not of the Utama
    s.contribution_answer(contribution_id=c.pk, actor=world.pelaksana_officer, message="x")
    assert not contributions_asked_of(world.pelaksana_officer).exists()


def test_contributions_never_appear_on_the_requests_timeline(world, request_):
    with at(2026, 11, 3, 9):
        (c,) = ask(world, request_)
        s.contribution_decline(contribution_id=c.pk, actor=world.pelaksana_officer, reason="Rahasia-alasan")
    for viewer in (world.citizen, world.officer):
        items = case_timeline(request_, viewer)
        assert not [i for i in items if i.action.startswith("contribution.")]
        assert "Rahasia-alasan" not in " ".join(i.reason for i in items)


def test_the_asked_unit_is_reminded_as_its_internal_due_date_nears_and_passes(world, request_):
    with at(2026, 11, 3, 9):
        (c,) = ask(world, request_)
    make_staff(world.pelaksana, StaffRole.PPID, username="kepala_dinkes")
    ct = ContentType.objects.get_for_model(Contribution)

    def reminders():
        return list(
            Notification.objects.filter(content_type=ct, kind__startswith="reminder.")
            .order_by("id")
            .values_list("kind", "recipient__username")
        )

    send_deadline_reminders(now=dt.datetime(2026, 11, 6, 9, tzinfo=WIB))  # 3 working days left
    assert reminders() == [("reminder.due_in_3", "pelaksana"), ("reminder.due_in_3", "kepala_dinkes")]
    send_deadline_reminders(now=dt.datetime(2026, 11, 6, 10, tzinfo=WIB))  # once only
    assert len(reminders()) == 2
    send_deadline_reminders(now=dt.datetime(2026, 11, 12, 9, tzinfo=WIB))
    assert reminders()[-2:] == [("reminder.overdue", "pelaksana"), ("reminder.overdue", "kepala_dinkes")]
    s.contribution_answer(contribution_id=c.pk, actor=world.pelaksana_officer, message="x")
    before = len(reminders())
    send_deadline_reminders(now=dt.datetime(2026, 11, 13, 9, tzinfo=WIB))
    assert len(reminders()) == before  # answered: no more reminders


def test_compliance_counts_contributions_answered_late_or_still_open_past_due(world, request_, disdik):
    with at(2026, 11, 3, 9):
        dinkes, pendidikan = ask(world, request_, units=[world.pelaksana, disdik[0]])
    # Until the end of the due date (11 November), nothing is late.
    earlier = compliance_by_unit(world.agency, dt.datetime(2026, 11, 11, 20, tzinfo=WIB))
    assert earlier["totals"]["contributions_late"] == 0
    with at(2026, 11, 12, 9):
        s.contribution_answer(contribution_id=dinkes.pk, actor=world.pelaksana_officer, message="Terlambat")
    now = dt.datetime(2026, 11, 12, 10, tzinfo=WIB)
    data = compliance_by_unit(world.agency, now)
    by_unit = {u["unit"]: u for u in data["units"]}
    assert by_unit[world.pelaksana.pk]["contributions_late"] == 1  # answered a day late
    assert by_unit[disdik[0].pk]["contributions_late"] == 1  # still owes it
    assert by_unit[world.utama.pk]["contributions_late"] == 0
    assert data["totals"]["contributions_late"] == 2
    # The dashboard's CSV download carries the same column.
    from transparency.exports import compliance_rows

    rows = compliance_rows(data)
    column = rows[0].index("contributions_late")
    late = {row[3]: row[column] for row in rows[1:]}
    assert late[world.pelaksana.pk] == late[disdik[0].pk] == 1 and late["total"] == 2
