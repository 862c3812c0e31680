"""Audit events cannot be changed or deleted through the application (nor, on PostgreSQL, in SQL)."""

import pytest
from django.db import DatabaseError, connection, transaction

from audit.models import Event, ImmutableEventError
from audit.services import audit_record
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    agency = AgencyFactory()
    return audit_record(
        actor=UserFactory(),
        obj=agency,
        agency=agency,
        action="agency.settings_changed",
        from_state="a",
        to_state="b",
        reason="uji",
        details={"k": 1},
    )


def test_event_records_who_when_what_and_why(event):
    assert event.actor is not None and event.created_at is not None
    assert (event.action, event.from_state, event.to_state, event.reason) == (
        "agency.settings_changed",
        "a",
        "b",
        "uji",
    )
    assert event.details == {"k": 1}
    assert Event.objects.for_object(event.agency).get() == event


def test_saving_a_changed_event_is_refused(event):
    event.reason = "diubah"
    with pytest.raises(ImmutableEventError):
        event.save()
    assert Event.objects.get(pk=event.pk).reason == "uji"


def test_queryset_update_and_delete_are_refused(event):
    with pytest.raises(ImmutableEventError):
        Event.objects.filter(pk=event.pk).update(reason="diubah")
    with pytest.raises(ImmutableEventError):
        Event.objects.filter(pk=event.pk).delete()
    with pytest.raises(ImmutableEventError):
        event.delete()
    assert Event.objects.get(pk=event.pk).reason == "uji"


def test_the_database_refuses_an_sql_update(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
        cur.execute("UPDATE audit_event SET reason = 'diubah' WHERE id = %s", [event.pk])
    assert Event.objects.get(pk=event.pk).reason == "uji"


@pytest.mark.postgres
def test_postgresql_refuses_an_sql_delete(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
        cur.execute("DELETE FROM audit_event WHERE id = %s", [event.pk])
    assert Event.objects.filter(pk=event.pk).exists()


def test_django_admin_offers_no_change_or_delete(admin_client, event):
    resp = admin_client.get(f"/django-admin/audit/event/{event.pk}/change/")
    assert resp.status_code == 200
    assert b'name="_save"' not in resp.content
    assert admin_client.post(f"/django-admin/audit/event/{event.pk}/delete/").status_code == 403
