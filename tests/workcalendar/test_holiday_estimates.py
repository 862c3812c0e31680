"""Issue 14 point 9: estimated 2027 holidays say so; re-seeding replaces a moved date; a year without cuti
bersama is warned about."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import AgencyFactory, UserFactory
from workcalendar.calendar import compute_due_date, explain
from workcalendar.models import Holiday, HolidayKind
from workcalendar.seed import seed_holidays

D = dt.date


@pytest.fixture(autouse=True)
def seeded(db):
    seed_holidays(Holiday, years=[2026, 2027])


def test_the_2027_estimates_say_so_in_their_decree_and_in_the_explanation():
    idul_fitri = Holiday.objects.get(date=D(2027, 3, 10), kind=HolidayKind.NATIONAL)
    assert idul_fitri.is_estimate and "perkiraan" in idul_fitri.decree.lower()
    assert not Holiday.objects.get(date=D(2027, 8, 17)).is_estimate  # Independence Day is fixed
    due = compute_due_date(start=D(2027, 3, 9), working_days=3, agency=AgencyFactory())
    text = due.explanation()
    assert "belum dipastikan SKB" in text
    assert "belum dipastikan SKB" in explain(due.as_record())
    skipped = {s["date"]: s for s in due.as_dict()["skipped"]}
    assert skipped["2027-03-10"]["estimate"] is True


def test_a_migrated_database_marks_the_estimates_it_already_has():
    import importlib

    from django.apps import apps

    Holiday.objects.filter(date=D(2027, 3, 10)).update(decree="SKB lama")
    importlib.import_module("workcalendar.migrations.0003_holiday_estimates").mark_estimates(apps, None)
    assert Holiday.objects.get(date=D(2027, 3, 10)).is_estimate


def test_reseeding_a_year_replaces_a_moved_estimate_instead_of_adding_a_row(monkeypatch):
    # The library moves Idul Adha 2027 by a day (as a newer release or a confirmed SKB would).
    import holidays as holidays_lib

    real = holidays_lib.country_holidays

    def moved(*args, **kwargs):
        calendar = real(*args, **kwargs)
        if D(2027, 5, 17) in calendar:
            name = calendar.pop(D(2027, 5, 17))
            calendar[D(2027, 5, 16)] = name
        return calendar

    monkeypatch.setattr(holidays_lib, "country_holidays", moved)
    assert seed_holidays(Holiday, years=[2027]) == 1
    names = Holiday.objects.filter(name__startswith="Hari Raya Idul Adha", date__year=2027)
    assert list(names.values_list("date", flat=True)) == [D(2027, 5, 16)]
    assert seed_holidays(Holiday, years=[2027]) == 0  # again: nothing to change


def test_a_year_with_national_holidays_but_no_cuti_bersama_is_warned_about():
    Holiday.objects.filter(kind=HolidayKind.CUTI_BERSAMA, date__year=2027).delete()
    due = compute_due_date(start=D(2027, 3, 1), working_days=10)
    assert any("cuti bersama" in w and "2027" in w for w in due.warnings)
    assert "cuti bersama" in explain(due.as_record())


def test_administrators_see_the_estimated_days_to_confirm(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get(reverse("frontend:holidays"), {"tahun": 2027}).content.decode()
    assert "Perkiraan yang perlu dicocokkan dengan SKB" in html
    assert "Hari Raya Idul Adha" in html
