import pytest
from django.urls import reverse

from agencies.models import StaffRole
from audit.models import Event
from tests.factories import UserFactory, make_agency, make_staff
from workcalendar.models import Holiday, HolidayKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _calendar_2026(db):
    # Migrations seed these, but a transactional test's flush empties the table: seed again (idempotent).
    from workcalendar.seed import seed_holidays

    seed_holidays(Holiday, years=[2026])


def test_bad_holiday_date_gets_a_clear_message_and_changes_nothing(client):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    count = Holiday.objects.count()
    resp = client.post(
        reverse("frontend:holiday_add"), {"date": "31-02-2026x", "name": "Libur", "kind": "national"}
    )
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Tanggal tidak valid" in html
    assert Holiday.objects.count() == count
    # The administrator is told that recorded deadlines do not move with the calendar.
    assert "Batas waktu perkara yang sudah tercatat tidak bergeser" in html


def test_superuser_adds_national_holiday_and_it_is_audited(client):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    resp = client.post(
        reverse("frontend:holiday_add"),
        {
            "date": "2026-07-07",
            "name": "Libur Pilkada",
            "kind": "national",
            "decree": "Keppres 1/2026",
            "reason": "SKB baru",
        },
    )
    assert resp.status_code == 302
    holiday = Holiday.objects.get(name="Libur Pilkada")
    event = Event.objects.for_object(holiday).get()
    assert event.action == "holiday.created" and event.actor == admin and event.reason == "SKB baru"


def test_agency_admin_adds_only_own_agency_holidays(client):
    agency, utama, _ = make_agency()
    admin = make_staff(utama, StaffRole.ADMIN)
    client.force_login(admin)
    resp = client.post(
        reverse("frontend:holiday_add"), {"date": "2026-07-07", "name": "Coba nasional", "kind": "national"}
    )
    assert resp.status_code == 200  # national is not a choice for an agency administrator
    assert not Holiday.objects.filter(name="Coba nasional").exists()
    resp = client.post(
        reverse("frontend:holiday_add"), {"date": "2026-07-07", "name": "HUT Dinas", "kind": "agency"}
    )
    assert resp.status_code == 302
    assert Holiday.objects.get(name="HUT Dinas").agency == agency


def test_agency_admin_cannot_edit_national_holiday(client):
    _, utama, _ = make_agency()
    client.force_login(make_staff(utama, StaffRole.ADMIN))
    national = Holiday.objects.filter(kind=HolidayKind.NATIONAL).first()
    resp = client.post(
        reverse("frontend:holiday_edit", args=[national.pk]),
        {"date": "2026-01-02", "name": "x", "kind": "agency"},
    )
    assert resp.status_code == 403
    national.refresh_from_db()
    assert national.name != "x"


def test_calendar_page_warns_administrators_about_a_year_without_holidays(client):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    resp = client.get(reverse("frontend:holidays"), {"tahun": "2028"})
    assert "Belum ada data hari libur nasional untuk tahun 2028" in resp.content.decode()
    resp = client.get(reverse("frontend:holidays"), {"tahun": "2026"})
    assert "Hari Suci Nyepi" in resp.content.decode()


def test_citizen_cannot_open_the_calendar_administration(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("frontend:holidays")).status_code == 404


def test_public_due_date_calculator_explains_each_skipped_day(client):
    resp = client.get(
        reverse("frontend:due_date"), {"start": "2026-03-13", "working_days": "10", "party": "requester"}
    )
    html = resp.content.decode()
    assert resp.status_code == 200
    assert 'datetime="2026-04-06"' in html
    assert "Nyepi" in html and "Cuti bersama" in html


def test_calculator_rejects_a_bad_date_with_a_message(client):
    resp = client.get(reverse("frontend:due_date"), {"start": "kemarin", "working_days": "10"})
    assert "Tanggal tidak valid" in resp.content.decode()


def test_due_date_api_returns_explanation_and_rejects_bad_input(client):
    ok = client.get(
        "/api/v1/calendar/due-date/", {"start": "2026-03-13", "working_days": "10", "party": "requester"}
    )
    assert ok.status_code == 200
    body = ok.json()
    assert body["due_date"] == "2026-04-06"
    assert len(body["counted"]) == 10
    assert {"date": "2026-03-19", "kind": "national", "reason": "Libur nasional: Hari Suci Nyepi"} in body[
        "skipped"
    ]
    bad = client.get("/api/v1/calendar/due-date/", {"start": "2026-02-30", "working_days": "10"})
    assert bad.status_code == 400
    assert "start" in bad.json()["errors"]
