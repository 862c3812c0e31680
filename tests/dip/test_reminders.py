"""The register's clocks: the six-month reminder fires once per item and due date (a republication re-arms it),
and the PPID Utama is told once when an exemption period comes up for review (Pasal 20)."""

import datetime as dt

import pytest

from dip import events, services
from dip.tasks import run_deadline_jobs
from notifications import embedded
from notifications.models import Notification
from tests.dip.makers import dik_in_force, published_item
from tests.helpers import at

pytestmark = pytest.mark.django_db


def told(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", "params__due"))


def test_the_six_month_reminder_fires_once_per_item_and_due_date(world):
    with at(2026, 3, 2, 10):
        item = published_item(world)
    assert item.next_update_due == dt.date(2026, 9, 2)
    with at(2026, 8, 18, 9):  # 15 days ahead: not yet
        assert run_deadline_jobs()["dip_update_reminders"] == 0
    with at(2026, 8, 19, 9):  # 14 days ahead: the holding unit is told, once however often the job runs
        assert run_deadline_jobs()["dip_update_reminders"] == 1
        assert run_deadline_jobs()["dip_update_reminders"] == 0
    assert told(events.DIP_UPDATE_DUE) == [("pelaksana", "2026-09-02")]
    with at(2026, 9, 2, 20):  # the due day itself is still in time
        run_deadline_jobs()
    assert told(events.DIP_UPDATE_OVERDUE) == []
    with at(2026, 9, 3, 9):
        assert run_deadline_jobs()["dip_update_reminders"] == 1
        run_deadline_jobs()
    assert told(events.DIP_UPDATE_OVERDUE) == [("pelaksana", "2026-09-02")]
    note = Notification.objects.get(kind=events.DIP_UPDATE_OVERDUE)
    assert (
        "Laporan Keuangan Dinas Kesehatan Semester I 2026" in note.message
        and "2 September 2026" in note.message
    )
    assert note.url
    # The unit republishes (checked and still current): a new due date, and the clock runs again.
    with at(2026, 9, 3, 11):
        item = services.dip_item_publish(item_id=item.pk, actor=world.officer)
        assert run_deadline_jobs()["dip_update_reminders"] == 0
    assert item.next_update_due == dt.date(2027, 3, 3)
    with at(2027, 2, 17, 9):
        assert run_deadline_jobs()["dip_update_reminders"] == 1
        assert run_deadline_jobs()["dip_update_reminders"] == 0
    assert told(events.DIP_UPDATE_DUE) == [("pelaksana", "2026-09-02"), ("pelaksana", "2027-03-03")]


def test_a_shorter_interval_and_a_withdrawn_item(world):
    with at(2026, 3, 2, 10):
        quarterly = published_item(world, title="Data kunjungan puskesmas", update_interval_months=3)
        withdrawn = published_item(world, title="Laporan lama")
        services.dip_item_withdraw(item_id=withdrawn.pk, actor=world.officer, reason="Diganti laporan baru")
    assert quarterly.next_update_due == dt.date(2026, 6, 2)
    with at(2026, 6, 2, 9):
        run_deadline_jobs()
    assert Notification.objects.filter(kind=events.DIP_UPDATE_DUE).get().object_id == str(quarterly.pk)
    with at(2026, 9, 3, 9):
        run_deadline_jobs()
    # Withdrawn items have no clock: only the quarterly item is overdue.
    assert list(
        Notification.objects.filter(kind=events.DIP_UPDATE_OVERDUE).values_list("object_id", flat=True)
    ) == [str(quarterly.pk)]


def test_a_unit_without_officers_leaves_the_reminder_to_the_ppid_utama(world):
    from agencies.models import Unit, UnitKind

    bare = Unit.objects.create(
        agency=world.agency,
        code="DISHUB",
        name="Dinas Perhubungan",
        kind=UnitKind.PELAKSANA,
        parent=world.utama,
    )
    with at(2026, 3, 2, 10):
        published_item(world, unit=bare, title="Data angkutan umum")
    with at(2026, 9, 3, 9):
        run_deadline_jobs()
    assert {u for u, _ in told(events.DIP_UPDATE_OVERDUE)} == {"petugas", "kepala"}


def test_the_dik_review_tells_the_ppid_utama_once_per_entry_and_period_end(world, settings):
    settings.DIK_REVIEW_LEAD_DAYS = 60
    with at(2026, 3, 3, 10):
        soon = dik_in_force(world, period_until=dt.date(2026, 5, 1))
        later = dik_in_force(world, title="Kontrak pengadaan alat", period_until=dt.date(2026, 6, 1))
        assert run_deadline_jobs()["dik_review_reminders"] == 1
        assert run_deadline_jobs()["dik_review_reminders"] == 0
    assert told(events.DIK_REVIEW_DUE) == [("kepala", "2026-05-01"), ("petugas", "2026-05-01")]
    assert set(
        Notification.objects.filter(kind=events.DIK_REVIEW_DUE).values_list("object_id", flat=True)
    ) == {str(soon.pk)}
    with at(2026, 4, 2, 10):  # 60 days before 1 June
        assert run_deadline_jobs()["dik_review_reminders"] == 1
    assert Notification.objects.filter(kind=events.DIK_REVIEW_DUE, object_id=str(later.pk)).count() == 2
    # The Pelaksana that holds the information is not the one who reviews it.
    assert not Notification.objects.filter(
        kind=events.DIK_REVIEW_DUE, recipient=world.pelaksana_officer
    ).exists()


def test_the_embedded_scheduler_and_beat_run_the_register_job(world, settings):
    assert "dip.tasks.run_deadline_jobs" in settings.DEADLINE_JOBS
    assert settings.CELERY_BEAT_SCHEDULE["deadline-jobs-dip"]["task"] == "dip.tasks.run_deadline_jobs"
    with at(2026, 3, 2, 10):
        published_item(world)
    with at(2026, 8, 20, 9):
        embedded.run_once()
    assert told(events.DIP_UPDATE_DUE) == [("pelaksana", "2026-09-02")]
