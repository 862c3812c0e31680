import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import AgencyFactory, UserFactory
from workcalendar.calendar import compute_due_date
from workcalendar.models import Holiday, HolidayKind
from workcalendar.seed import seed_holidays
from workcalendar.services import holiday_save

D = dt.date


@pytest.fixture(autouse=True)
def calendar_2026(db):
    # The data migration seeds these; seeding again is a no-op, and keeps the tests independent of order.
    seed_holidays(Holiday, years=[2026])


@pytest.fixture
def agency():
    return AgencyFactory(cuti_bersama_agency_working_day=False)


def test_ten_days_from_friday_13_march_2026_is_monday_6_april(agency):
    due = compute_due_date(start=D(2026, 3, 13), working_days=10, agency=agency)
    assert due.due_date == D(2026, 4, 6)
    assert due.counted[0] == D(2026, 3, 16)
    assert due.counted == (
        D(2026, 3, 16),
        D(2026, 3, 17),
        D(2026, 3, 25),
        D(2026, 3, 26),
        D(2026, 3, 27),
        D(2026, 3, 30),
        D(2026, 3, 31),
        D(2026, 4, 1),
        D(2026, 4, 2),
        D(2026, 4, 6),
    )


def test_skipped_days_across_nyepi_and_idul_fitri_are_explained(agency):
    due = compute_due_date(start=D(2026, 3, 13), working_days=10, agency=agency)
    reasons = {s.date: s for s in due.skipped}
    assert reasons[D(2026, 3, 18)].kind == HolidayKind.CUTI_BERSAMA
    assert reasons[D(2026, 3, 19)].kind == HolidayKind.NATIONAL
    assert "Nyepi" in reasons[D(2026, 3, 19)].reason
    assert reasons[D(2026, 3, 20)].kind == HolidayKind.CUTI_BERSAMA
    assert reasons[D(2026, 3, 21)].reason == "Sabtu"
    assert reasons[D(2026, 3, 22)].reason == "Minggu"
    assert {reasons[D(2026, 3, 23)].kind, reasons[D(2026, 3, 24)].kind} == {HolidayKind.CUTI_BERSAMA}
    assert reasons[D(2026, 4, 3)].kind == HolidayKind.NATIONAL  # Wafat Yesus Kristus
    text = due.explanation()
    assert "2026-03-19 dilewati" in text and "Nyepi" in text
    assert "2026-04-06" in text
    assert due.warnings == ()


def test_cuti_bersama_counted_as_working_days_when_agency_says_so():
    agency = AgencyFactory(cuti_bersama_agency_working_day=True)
    due = compute_due_date(start=D(2026, 3, 13), working_days=10, agency=agency)
    assert due.due_date == D(2026, 3, 30)
    assert D(2026, 3, 18) in due.counted and D(2026, 3, 23) in due.counted
    assert D(2026, 3, 19) not in due.counted  # Nyepi itself is still a holiday
    assert due.cuti_bersama_counts is True


def test_receipt_on_saturday_counts_from_next_working_day(agency):
    due = compute_due_date(start=D(2026, 3, 21), working_days=10, agency=agency)
    # Sunday 22, then cuti bersama 23 and 24: day 1 is Wednesday 25 March.
    assert due.counted[0] == D(2026, 3, 25)
    assert due.due_date == D(2026, 4, 8)


def test_receipt_on_a_holiday_counts_from_next_working_day(agency):
    due = compute_due_date(start=D(2026, 3, 19), working_days=1, agency=agency)  # Nyepi
    assert due.due_date == D(2026, 3, 25)


def test_receipt_on_sunday_before_an_ordinary_week(agency):
    due = compute_due_date(start=D(2026, 7, 5), working_days=10, agency=agency)
    assert due.counted[0] == D(2026, 7, 6)
    assert due.due_date == D(2026, 7, 17)


def test_seven_day_extension_counts_from_the_end_of_the_original_ten(agency):
    first = compute_due_date(start=D(2026, 3, 13), working_days=10, agency=agency)
    extended = compute_due_date(start=first.due_date, working_days=7, agency=agency)
    assert extended.due_date == D(2026, 4, 15)


def test_a_year_without_holidays_warns_instead_of_silently_counting(agency):
    assert not Holiday.objects.filter(date__year=2031).exists()
    due = compute_due_date(start=D(2031, 1, 1), working_days=10, agency=agency)
    assert due.due_date == D(2031, 1, 15)  # every weekday counted...
    assert len(due.warnings) == 1  # ...and the caller is told so
    assert "2031" in due.warnings[0]
    assert "2031" in due.explanation()


def test_span_into_a_year_without_holidays_warns(agency):
    due = compute_due_date(start=D(2027, 12, 24), working_days=10, agency=agency)
    assert due.due_date.year == 2028
    assert any("2028" in w for w in due.warnings)


def test_due_at_is_end_of_day_in_agency_time_zone():
    wit = AgencyFactory(time_zone="Asia/Jayapura")
    due = compute_due_date(start=D(2026, 7, 6), working_days=1, agency=wit)
    assert due.due_at == dt.datetime(2026, 7, 7, 23, 59, 59, 999999, tzinfo=ZoneInfo("Asia/Jayapura"))
    assert due.due_at.utcoffset() == dt.timedelta(hours=9)


def test_receipt_time_is_read_in_agency_zone():
    # Thursday 22:30 in Jakarta is already Friday 00:30 in Jayapura.
    moment = dt.datetime(2026, 7, 9, 15, 30, tzinfo=dt.UTC)
    wib = compute_due_date(start=moment, working_days=1, agency=AgencyFactory(time_zone="Asia/Jakarta"))
    wit = compute_due_date(start=moment, working_days=1, agency=AgencyFactory(time_zone="Asia/Jayapura"))
    assert wib.start == D(2026, 7, 9) and wib.due_date == D(2026, 7, 10)
    assert wit.start == D(2026, 7, 10) and wit.due_date == D(2026, 7, 13)


def test_agency_and_regional_holidays_apply_only_where_they_belong(agency):
    other = AgencyFactory(province_code="51")
    Holiday.objects.create(date=D(2026, 7, 7), name="HUT Badan", kind=HolidayKind.AGENCY, agency=agency)
    Holiday.objects.create(
        date=D(2026, 7, 8), name="Libur daerah Bali", kind=HolidayKind.REGIONAL, province_code="51"
    )
    mine = compute_due_date(start=D(2026, 7, 6), working_days=2, agency=agency)
    theirs = compute_due_date(start=D(2026, 7, 6), working_days=2, agency=other)
    assert mine.due_date == D(2026, 7, 9)  # 7 July is this agency's own holiday
    assert theirs.due_date == D(2026, 7, 9)  # 8 July is a holiday in province 51 only
    assert D(2026, 7, 8) in mine.counted and D(2026, 7, 7) in theirs.counted


def test_editing_the_calendar_changes_the_deadline(agency):
    admin = UserFactory(is_superuser=True)
    before = compute_due_date(start=D(2026, 7, 6), working_days=1, agency=agency)
    assert before.due_date == D(2026, 7, 7)
    holiday_save(
        actor=admin,
        holiday=Holiday(date=D(2026, 7, 7), name="Libur Pilkada", kind=HolidayKind.NATIONAL),
        reason="Keppres libur pemilihan",
    )
    after = compute_due_date(start=D(2026, 7, 6), working_days=1, agency=agency)
    assert after.due_date == D(2026, 7, 8)


def test_national_calendar_without_agency_uses_cautious_defaults():
    due = compute_due_date(start=D(2026, 3, 13), working_days=10)
    assert due.due_date == D(2026, 3, 30)  # an agency's own deadline counts cuti bersama
    assert due.time_zone == "Asia/Jakarta"
    assert compute_due_date(start=D(2026, 3, 13), working_days=10, party="requester").due_date == D(
        2026, 4, 6
    )


def test_seeded_years_2024_to_2027_are_present():
    seed_holidays(Holiday)
    years = set(Holiday.objects.filter(kind=HolidayKind.NATIONAL).values_list("date__year", flat=True))
    assert {2024, 2025, 2026, 2027} <= years
    assert Holiday.objects.filter(kind=HolidayKind.CUTI_BERSAMA, date__year=2026).count() == 8


def test_working_days_between(agency):
    from workcalendar.calendar import WorkingCalendar

    cal = WorkingCalendar(agency)
    assert cal.working_days_between(D(2026, 3, 13), D(2026, 4, 6)) == 10
    assert cal.working_days_between(D(2026, 4, 6), D(2026, 4, 6)) == 0
