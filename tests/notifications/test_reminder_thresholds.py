"""A deadline reminder is news: "due in 3 working days" goes out when the due date comes within 3 working days,
never a minute after filing because the clock itself is that short."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from complaints import services as c
from notifications.models import Notification
from notifications.reminders import run_deadline_jobs

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def reminders(user):
    return sorted(
        Notification.objects.filter(recipient=user, kind__startswith="reminder.").values_list(
            "kind", flat=True
        )
    )


def file_complaint(world):
    complaint, _code = c.complaint_file(
        reporter=None, agency=world.agency, title="Pungli", description="d", category="other", anonymous=True
    )
    return complaint


def test_a_complaint_with_a_far_deadline_is_reminded_3_working_days_before_it_and_not_at_filing(world):
    world.agency.complaint_verify_working_days = 10
    world.agency.save()
    with at(2026, 10, 5, 10):  # Monday
        complaint = file_complaint(world)
    assert complaint.verify_due == dt.date(2026, 10, 19)
    with at(2026, 10, 5, 10, 1):  # a minute after filing
        assert run_deadline_jobs()["reminders"] == 0
    with at(2026, 10, 13, 9):  # 4 working days left (14, 15, 16, 19 October)
        assert run_deadline_jobs()["reminders"] == 0
    with at(2026, 10, 14, 9):  # 3 working days left (15, 16, 19 October)
        assert run_deadline_jobs()["reminders"] == 1
        assert run_deadline_jobs()["reminders"] == 0
    assert reminders(world.admin) == ["reminder.due_in_3"]


def test_a_three_working_day_clock_does_not_warn_due_in_3_a_minute_after_filing(world):
    with at(2026, 2, 2, 10):  # Monday; verification due Thursday 5 February
        complaint = file_complaint(world)
    assert complaint.verify_due == dt.date(2026, 2, 5)
    with at(2026, 2, 2, 10, 1):
        assert run_deadline_jobs()["reminders"] == 0
    with at(2026, 2, 3, 9):  # 2 working days left: still the clock's own length, no news
        assert run_deadline_jobs()["reminders"] == 0
    with at(2026, 2, 4, 9):  # due tomorrow
        assert run_deadline_jobs()["reminders"] == 1
    with at(2026, 2, 6, 9):
        assert run_deadline_jobs()["reminders"] == 1
        assert run_deadline_jobs()["reminders"] == 0
    assert reminders(world.admin) == ["reminder.due_in_1", "reminder.overdue"]


def test_the_unit_is_reminded_of_the_follow_up_clock_from_its_disposition(world):
    with at(2026, 2, 2, 10):
        complaint = file_complaint(world)
        c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    complaint.refresh_from_db()
    assert complaint.followup_due == dt.date(2026, 2, 9)  # 5 working days
    with at(2026, 2, 2, 10, 1):
        assert run_deadline_jobs()["reminders"] == 0
    with at(2026, 2, 4, 9):  # 3 working days left (5, 6, 9 February)
        assert run_deadline_jobs()["reminders"] == 1
    assert reminders(world.pelaksana_officer) == ["reminder.due_in_3"]
