"""Issue 14 point 6: a calendar-day limit whose last day is not a working day rolls to the next working day
(court practice): kasasi's 14 days and the complaint's 60 days."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ppid import services as s
from ppid.windows import dispute_windows
from workcalendar.calendar import WorkingCalendar

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def test_fourteen_calendar_days_from_11_december_2026_end_on_christmas_and_roll_to_monday_28(world):
    due = WorkingCalendar(world.agency).add_calendar_days(D(2026, 12, 11), 14)
    assert due.last_day == D(2026, 12, 25)
    assert due.due_date == D(2026, 12, 28)
    assert [d.date for d in due.rolled] == [D(2026, 12, 25), D(2026, 12, 26), D(2026, 12, 27)]
    text = due.explanation()
    assert "14 hari kalender" in text and "2026-12-28" in text and "bergeser" in text


def test_sixty_days_ending_on_saturday_20_february_2027_roll_to_monday_22(world):
    due = WorkingCalendar(world.agency).add_calendar_days(D(2026, 12, 22), 60)
    assert due.last_day == D(2027, 2, 20) and due.due_date == D(2027, 2, 22)


def test_a_last_day_that_is_a_working_day_stays(world):
    due = WorkingCalendar(world.agency).add_calendar_days(D(2026, 8, 14), 14)
    assert due.due_date == due.last_day == D(2026, 8, 28) and due.rolled == ()


@pytest.fixture
def upheld(world, file_request):
    with at(2026, 4, 1, 10):
        request = file_request()
    with at(2026, 4, 8, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi pihak ketiga",
        )
    with at(2026, 4, 13, 10):
        objection = s.objection_file(
            requester=world.citizen, request_id=request.pk, grounds=["a"], reason="Saya keberatan"
        )
    with at(2026, 4, 20, 10):
        return s.objection_decide(
            objection_id=objection.pk, actor=world.atasan, outcome="upheld", reasons="Alasan"
        )


def test_the_kasasi_window_rolls_forward(world, upheld):
    with at(2026, 12, 14, 10):
        dispute = s.dispute_register(
            objection_id=upheld.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="009/V/KI-JBR-PS/2026",
            filed_on=D(2026, 5, 4),
        )
        dispute = s.dispute_update(
            dispute_id=dispute.pk,
            actor=world.officer,
            decision_on=D(2026, 8, 3),
            decision_received_on=D(2026, 8, 5),
            appeal_court="ptun",
            appeal_filed_on=D(2026, 8, 19),
            court_decision_received_on=D(2026, 12, 11),
        )
        kasasi = {w.key: w for w in dispute_windows(upheld, dispute)}["kasasi"]
    assert kasasi.due_date == D(2026, 12, 28)
    assert "25 Desember 2026" in kasasi.explanation or "2026-12-25" in kasasi.explanation


def test_a_complaints_sixty_days_roll_forward(world):
    from complaints import services as c

    with at(2026, 12, 22, 10):
        complaint, _code = c.complaint_file(
            reporter=world.citizen,
            agency=world.agency,
            title="Antrean puskesmas",
            description="Menunggu 5 jam tanpa kepastian",
            category="health",
            location="Puskesmas Sukajadi",
        )
    assert complaint.resolution_due == D(2027, 2, 22)  # 20 February 2027 is a Saturday
