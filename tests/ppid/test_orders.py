"""Issue 16 point 6: a granted or partly granted objection opens an obligation on the unit; the unit records that it
complied (with what it sent), the requester reads it, reminders run as for any deadline, and the PPID Utama and the
handling unit hear of an objection when it is filed and when it is decided."""

import importlib

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from agencies.models import StaffRole
from audit.models import Event
from notifications.models import Notification
from ppid import events
from ppid import services as s
from ppid.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ppid.models import InformationRequest, ObjectionOrder, ObjectionOrderFile, OrderState
from ppid.reminders import send_deadline_reminders
from ppid.selectors import order_files_visible_to, orders_open_for, orders_visible_to
from tests.factories import make_staff
from tests.fixtures.orders import COMPLY_BY, ORDER_TEXT
from tests.helpers import at

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path
    return tmp_path


def pdf(name="anggaran-2025.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _told(user, kind):
    return Notification.objects.filter(recipient=user, kind=kind).count()


# --- the decision opens the order --------------------------------------------------------------------------------
@pytest.mark.parametrize("outcome", ["granted", "partially_granted"])
def test_a_granted_objection_opens_an_order_on_its_unit(world, order_case, outcome):
    order_case.object()
    order = order_case.decide(outcome)
    assert order is not None
    assert (order.what, order.due_date, order.state) == (ORDER_TEXT, COMPLY_BY, OrderState.OPEN)
    assert order.unit == world.pelaksana and order.request == order_case.request
    assert order.agency == world.agency
    (event,) = Event.objects.for_object(order)
    assert event.action == events.ORDER_OPENED and event.actor == world.atasan
    assert event.details["due_date"] == "2026-04-24"


@pytest.mark.parametrize("outcome", ["upheld", "inadmissible"])
def test_upholding_or_refusing_the_objection_opens_no_order(order_case, outcome):
    order_case.object()
    assert order_case.decide(outcome) is None
    assert ObjectionOrder.objects.count() == 0


def test_a_failed_decision_opens_no_order(order_case):
    order_case.object()
    with pytest.raises(ValidationError):
        order_case.decide(comply_by=None)
    assert ObjectionOrder.objects.count() == 0


def test_the_order_is_overdue_after_its_comply_by_date(granted_order):
    with at(2026, 4, 24, 23, 0):
        assert not granted_order.is_overdue
        assert granted_order.deadline().code == "due_soon"
    with at(2026, 4, 25, 0, 30):
        assert granted_order.is_overdue
        assert granted_order.deadline().code == "overdue"


# --- compliance ----------------------------------------------------------------------------------------------
def test_the_unit_officer_records_compliance_with_files(world, granted_order, media):
    with at(2026, 4, 20, 9):
        order = s.objection_order_comply(
            order_id=granted_order.pk,
            actor=world.pelaksana_officer,
            statement="Salinan dikirim melalui e-mail pada 20 April 2026.",
            files=[pdf()],
        )
    order.refresh_from_db()
    assert order.state == OrderState.COMPLIED
    assert order.complied_by == world.pelaksana_officer
    assert order.complied_late is False
    (stored,) = order.files.all()
    assert stored.original_name == "anggaran-2025.pdf" and stored.size == len(PDF)
    event = Event.objects.for_object(order).get(action=events.ORDER_COMPLIED)
    assert event.details == {"objection": order.objection_id, "files": 1, "late": False}
    assert event.from_state == "open" and event.to_state == "complied"


def test_compliance_after_the_date_is_recorded_late(world, granted_order):
    with at(2026, 4, 28, 9):
        order = s.objection_order_comply(
            order_id=granted_order.pk, actor=world.pelaksana_head, statement="Diserahkan langsung."
        )
    assert order.complied_late is True
    assert Event.objects.for_object(order).get(action=events.ORDER_COMPLIED).details["late"] is True


def test_a_statement_is_required_and_nothing_changes_without_it(world, granted_order, media):
    with pytest.raises(ValidationError) as exc:
        s.objection_order_comply(order_id=granted_order.pk, actor=world.pelaksana_officer, statement="  ")
    assert "statement" in exc.value.message_dict
    granted_order.refresh_from_db()
    assert granted_order.state == OrderState.OPEN
    assert not Event.objects.for_object(granted_order).filter(action=events.ORDER_COMPLIED).exists()
    assert ObjectionOrderFile.objects.count() == 0


def test_a_file_that_is_not_a_document_is_refused(world, granted_order, media):
    fake = SimpleUploadedFile("data.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as exc:
        s.objection_order_comply(
            order_id=granted_order.pk, actor=world.pelaksana_officer, statement="Dikirim", files=[fake]
        )
    assert "files" in exc.value.message_dict
    granted_order.refresh_from_db()
    assert granted_order.state == OrderState.OPEN
    assert list(media.rglob("*.*")) == [] and ObjectionOrderFile.objects.count() == 0


def test_an_order_is_complied_with_once(world, granted_order):
    s.objection_order_comply(order_id=granted_order.pk, actor=world.pelaksana_officer, statement="Dikirim")
    with pytest.raises(InvalidTransition):
        s.objection_order_comply(order_id=granted_order.pk, actor=world.officer, statement="Lagi")


ALLOWED = ["pelaksana_officer", "pelaksana_head", "officer", "head"]
FORBIDDEN = ["atasan", "auditor", "admin"]
HIDDEN = ["disdik_officer", "citizen", "other_citizen", "outsider"]


@pytest.mark.parametrize(
    ("who", "outcome"),
    [(w, "ok") for w in ALLOWED] + [(w, 403) for w in FORBIDDEN] + [(w, 404) for w in HIDDEN],
)
def test_who_may_record_compliance(world, granted_order, who, outcome):
    actor = getattr(world, who)
    call = {"order_id": granted_order.pk, "actor": actor, "statement": "Dikirim"}
    if outcome == "ok":
        assert s.objection_order_comply(**call).state == OrderState.COMPLIED
        return
    with pytest.raises(PermissionDenied if outcome == 403 else NotFound):
        s.objection_order_comply(**call)
    granted_order.refresh_from_db()
    assert granted_order.state == OrderState.OPEN


@pytest.mark.parametrize(
    ("who", "sees"),
    [(w, True) for w in [*ALLOWED, *FORBIDDEN, "citizen"]]
    + [(w, False) for w in ["disdik_officer", "other_citizen", "outsider"]],
)
def test_who_sees_the_order(world, granted_order, who, sees):
    assert orders_visible_to(getattr(world, who)).filter(pk=granted_order.pk).exists() is sees


def test_the_requester_reads_the_files_the_unit_sent(world, granted_order, media):
    s.objection_order_comply(
        order_id=granted_order.pk, actor=world.pelaksana_officer, statement="Dikirim", files=[pdf()]
    )
    stored = ObjectionOrderFile.objects.get()
    assert order_files_visible_to(world.citizen).filter(pk=stored.pk).exists()
    opened, handle = s.objection_order_file_open(file_id=stored.pk, viewer=world.citizen)
    with handle:
        assert handle.read() == PDF
    assert Event.objects.for_object(opened).get().action == events.ORDER_FILE_DOWNLOADED
    for stranger in (world.disdik_officer, world.other_citizen, world.outsider):
        with pytest.raises(NotFound):
            s.objection_order_file_open(file_id=stored.pk, viewer=stranger)


# --- notifications -------------------------------------------------------------------------------------------
def test_compliance_tells_the_requester_the_atasan_and_the_unit(world, granted_order):
    s.objection_order_comply(order_id=granted_order.pk, actor=world.pelaksana_officer, statement="Dikirim")
    for person in (world.citizen, world.atasan, world.pelaksana_head, world.officer, world.head):
        assert _told(person, events.ORDER_COMPLIED) == 1, person.username
    assert _told(world.pelaksana_officer, events.ORDER_COMPLIED) == 0  # never the actor
    assert _told(world.disdik_officer, events.ORDER_COMPLIED) == 0
    note = Notification.objects.get(recipient=world.citizen, kind=events.ORDER_COMPLIED)
    assert note.url.endswith("#pelaksanaan-h")
    assert "Dikirim" not in note.message  # what was sent is on the page, not in the message


def _assign_request(order_case, officer):
    # The request was answered (no longer assignable through the service); its officer stays on record.
    InformationRequest.objects.filter(pk=order_case.request.pk).update(assigned_to=officer)


def test_filing_reaches_the_utama_and_the_unit_once_each(world, order_case):
    # The request's assignee is also an officer of the unit: told once all the same.
    _assign_request(order_case, world.pelaksana_officer)
    order_case.object()
    staff = [world.atasan, world.officer, world.head, world.pelaksana_officer, world.pelaksana_head]
    for person in staff:
        assert _told(person, events.OBJECTION_ARRIVED) == 1, person.username
    for person in (world.disdik_officer, world.auditor, world.admin, world.outsider):
        assert _told(person, events.OBJECTION_ARRIVED) == 0, person.username
    assert _told(world.citizen, events.OBJECTION_REGISTERED) == 1


def test_a_decision_with_an_order_tells_the_unit_by_when(world, order_case):
    order_case.object()
    order_case.decide()
    for person in (world.officer, world.head, world.pelaksana_officer, world.pelaksana_head):
        assert _told(person, events.ORDER_OPENED_FOR_UNIT) == 1, person.username
        assert _told(person, events.OBJECTION_DECIDED_FOR_UNIT) == 0
    message = Notification.objects.get(
        recipient=world.pelaksana_head, kind=events.ORDER_OPENED_FOR_UNIT
    ).message
    assert "24 April 2026" in message
    assert _told(world.atasan, events.ORDER_OPENED_FOR_UNIT) == 0  # who decided
    assert _told(world.citizen, events.OBJECTION_DECIDE) == 1
    assert _told(world.disdik_officer, events.ORDER_OPENED_FOR_UNIT) == 0


def test_a_decision_without_an_order_tells_the_unit_too(world, order_case):
    order_case.object()
    order_case.decide("upheld")
    for person in (world.officer, world.head, world.pelaksana_officer, world.pelaksana_head):
        assert _told(person, events.OBJECTION_DECIDED_FOR_UNIT) == 1, person.username


# --- reminders -----------------------------------------------------------------------------------------------
def _reminded(order, threshold):
    return set(
        Notification.objects.filter(
            kind=f"reminder.{threshold}", content_type__model="objectionorder", object_id=str(order.pk)
        ).values_list("recipient__username", flat=True)
    )


def test_open_orders_are_reminded_at_each_threshold(world, granted_order):
    unit = {"pelaksana", "kepala_dinkes"}
    with at(2026, 4, 17, 9):  # 5 working days before Friday 24 April: nothing yet
        send_deadline_reminders()
    assert _reminded(granted_order, "due_in_3") == set()
    with at(2026, 4, 21, 9):  # Tuesday: 3 working days left
        send_deadline_reminders()
        send_deadline_reminders()  # a second run sends nothing again
    assert _reminded(granted_order, "due_in_3") == unit
    with at(2026, 4, 23, 9):
        send_deadline_reminders()
    assert _reminded(granted_order, "due_in_1") == unit
    with at(2026, 4, 27, 9):
        send_deadline_reminders()
    assert _reminded(granted_order, "overdue") == unit | {"atasan"}
    assert Notification.objects.filter(kind="reminder.overdue", recipient=world.atasan).count() == 1


def test_the_request_assignee_is_reminded_too(world, order_case):
    _assign_request(order_case, world.officer)  # a PPID Utama officer, not of the unit
    order_case.object()
    order = order_case.decide()
    with at(2026, 4, 21, 9):
        send_deadline_reminders()
    assert "petugas" in _reminded(order, "due_in_3")


def test_a_complied_order_is_not_reminded(world, granted_order):
    s.objection_order_comply(order_id=granted_order.pk, actor=world.pelaksana_officer, statement="Dikirim")
    with at(2026, 4, 27, 9):
        send_deadline_reminders()
    assert _reminded(granted_order, "overdue") == set()


# --- lists ---------------------------------------------------------------------------------------------------
def test_open_orders_for_the_units_that_must_comply_and_the_atasan(world, granted_order):
    assert list(orders_open_for(world.pelaksana_officer)) == [granted_order]
    assert list(orders_open_for(world.atasan)) == [granted_order]
    assert list(orders_open_for(world.disdik_officer)) == []
    assert list(orders_open_for(world.citizen)) == []
    assert list(orders_open_for(world.outsider)) == []
    other_atasan = make_staff(world.other_utama, StaffRole.ATASAN, username="atasan_lain")
    assert list(orders_open_for(other_atasan)) == []
    s.objection_order_comply(order_id=granted_order.pk, actor=world.pelaksana_officer, statement="Dikirim")
    assert list(orders_open_for(world.pelaksana_officer)) == []


# --- the data migration ---------------------------------------------------------------------------------------
def test_the_migration_opens_orders_for_objections_granted_before(world, granted_order):
    objection = granted_order.objection
    ObjectionOrder.objects.filter(pk=granted_order.pk).delete()
    migration = importlib.import_module("ppid.migrations.0011_objection_orders")
    migration.open_orders_of_decided_objections(apps, None)
    migration.open_orders_of_decided_objections(apps, None)  # twice: still one
    order = ObjectionOrder.objects.get()
    assert order.objection == objection and order.what == ORDER_TEXT and order.due_date == COMPLY_BY
    assert order.unit == world.pelaksana and order.state == OrderState.OPEN
    assert order.opened_at == objection.decided_at
