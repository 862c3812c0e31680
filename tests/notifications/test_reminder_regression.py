"""The periodic deadline job on one seeded scenario, run every morning for two months: exactly which reminders
went to whom (notification, its link and text, its e-mail) and what the job completed or closed. Written before
the reminders moved from `notifications/` into the case apps (issue 15) and kept unchanged since: the job sends
the same reminders wherever its code lives."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail

from complaints import services as c
from notifications.models import Notification, ReminderSent
from notifications.outbox import drain_outbox
from ppid import services as s

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def run_jobs() -> dict:
    """Every periodic deadline job the beat schedule lists, looked up by its scheduled name (wherever its code
    lives) and run in-process; their counts added up."""
    from celery import current_app
    from django.conf import settings

    from config.celery import app  # noqa: F401 - registers the tasks

    total: dict = {}
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        name = entry["task"]
        if "deadline" not in name and "reminder" not in name:
            continue
        for key, value in (current_app.tasks[name].run() or {}).items():
            total[key] = total.get(key, 0) + value
    return total


def seed(world, file_request, cases: dict, day: dt.date) -> None:
    """What happens on `day` at 10.00 (after the morning's job): requests, an objection and complaints whose
    clocks fall due across November and December 2026."""
    if day == dt.date(2026, 11, 2):  # Monday
        cases["R1"] = file_request(information_requested="Anggaran 2025")  # on time, then overdue
        r2 = file_request(information_requested="Data puskesmas")
        cases["R2"] = s.information_request_forward(  # the Pelaksana's officer is reminded
            request_id=r2.pk, actor=world.officer, unit=world.pelaksana, note="Dinas Kesehatan"
        )
        cases["R3"] = file_request(information_requested="Kontrak jalan")  # extended before its due date
        cases["R4"] = file_request(information_requested="Izin usaha")  # waits for the requester's answer
        cases["R5"] = file_request(information_requested="Laporan kinerja")  # answered, completes itself
        cases["C1"] = complaint(world, "Pungli")  # the complaint administrator verifies
        cases["C2"] = c.complaint_verify(  # the unit follows up
            complaint_id=complaint(world, "Antrean").pk, actor=world.admin, unit=world.pelaksana
        )
        cases["C3"] = c.complaint_verify(
            complaint_id=complaint(world, "Parkir").pk, actor=world.admin, unit=world.pelaksana
        )
    elif day == dt.date(2026, 11, 3):
        s.information_request_process(request_id=cases["R4"].pk, actor=world.officer)
        s.information_request_ask_clarification(
            request_id=cases["R4"].pk, actor=world.officer, message="Izin yang mana?"
        )
        s.information_request_process(request_id=cases["R5"].pk, actor=world.officer)
        s.information_request_respond(
            request_id=cases["R5"].pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi pihak ketiga",
        )
        # Answered: waits for the reporter, then closes itself.
        c.complaint_respond(complaint_id=cases["C3"].pk, actor=world.pelaksana_officer, message="Sudah")
    elif day == dt.date(2026, 11, 4):
        cases["O1"] = s.objection_file(  # the Atasan PPID is reminded
            requester=world.citizen, request_id=cases["R5"].pk, grounds=["a"], reason="Saya keberatan"
        )
    elif day == dt.date(2026, 11, 10):
        s.information_request_process(request_id=cases["R3"].pk, actor=world.officer)
        s.information_request_extend(request_id=cases["R3"].pk, actor=world.officer, reason="Arsip di gudang")


def complaint(world, title):
    filed, _code = c.complaint_file(
        reporter=None, agency=world.agency, title=title, description="d", category="other", anonymous=True
    )
    return filed


def reminder_rows(cases) -> list[tuple]:
    by_pk = {(type(obj).__name__, str(obj.pk)): name for name, obj in cases.items()}
    rows = []
    for n in Notification.objects.filter(kind__startswith="reminder.").select_related(
        "recipient", "content_type"
    ):
        name = by_pk[(n.content_type.model_class().__name__, n.object_id)]
        url = n.url.replace(f"/{n.object_id}/", f"/<{name}>/")
        rows.append(
            (
                n.created_at.astimezone(WIB).date().isoformat(),
                n.recipient.username,
                n.kind,
                name,
                url,
                n.message,
            )
        )
    return sorted(rows)


def test_the_deadline_job_sends_exactly_these_reminders(world, file_request, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    cases: dict = {}
    results, sent = {}, []
    day = dt.date(2026, 11, 2)
    while day <= dt.date(2026, 12, 31):
        with at(day.year, day.month, day.day, 9):
            result = {k: v for k, v in run_jobs().items() if v}
            again = {k: v for k, v in run_jobs().items() if v}
            drain_outbox()
        sent += [(m.to[0], m.subject) for m in mail.outbox]
        assert again == {}  # a second run the same morning sends and changes nothing
        if result:
            results[day.isoformat()] = result
        with at(day.year, day.month, day.day, 10):
            seed(world, file_request, cases, day)
            drain_outbox()
        mail.outbox.clear()  # the filings' own mails: only what the jobs cause is compared below
        day += dt.timedelta(days=1)

    assert reminder_rows(cases) == EXPECTED_REMINDERS
    assert results == EXPECTED_RESULTS
    names = {(type(obj).__name__.lower(), str(obj.pk)): name for name, obj in cases.items()}
    recorded = sorted(
        (names[(r.content_type.model, r.object_id)], r.threshold, r.due_date.isoformat())
        for r in ReminderSent.objects.select_related("content_type")
    )
    assert recorded == EXPECTED_RECORDED

    assert sorted(sent) == EXPECTED_MAILS


# (day of the run, recipient, kind, case, link, text): generated by the job before the move, checked by hand.
EXPECTED_REMINDERS = [
    (
        "2026-11-04",
        "admin",
        "reminder.due_in_1",
        "C1",
        "/pengaduan/<C1>/",
        "ADU/2026/00001 jatuh tempo besok atau hari ini (5 November 2026).",
    ),
    (
        "2026-11-04",
        "pelaksana",
        "reminder.due_in_3",
        "C2",
        "/pengaduan/<C2>/",
        "ADU/2026/00002 jatuh tempo dalam 3 hari kerja (9 November 2026).",
    ),
    (
        "2026-11-06",
        "admin",
        "reminder.overdue",
        "C1",
        "/pengaduan/<C1>/",
        "ADU/2026/00001 melewati batas waktu 5 November 2026.",
    ),
    (
        "2026-11-06",
        "pelaksana",
        "reminder.due_in_1",
        "C2",
        "/pengaduan/<C2>/",
        "ADU/2026/00002 jatuh tempo besok atau hari ini (9 November 2026).",
    ),
    (
        "2026-11-10",
        "pelaksana",
        "reminder.overdue",
        "C2",
        "/pengaduan/<C2>/",
        "ADU/2026/00002 melewati batas waktu 9 November 2026.",
    ),
    (
        "2026-11-11",
        "kepala",
        "reminder.due_in_3",
        "R1",
        "/permohonan/<R1>/",
        "0001/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026).",
    ),
    (
        "2026-11-11",
        "kepala",
        "reminder.due_in_3",
        "R4",
        "/permohonan/<R4>/",
        "0004/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026).",
    ),
    (
        "2026-11-11",
        "pelaksana",
        "reminder.due_in_3",
        "R2",
        "/permohonan/<R2>/",
        "0002/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026).",
    ),
    (
        "2026-11-11",
        "petugas",
        "reminder.due_in_3",
        "R1",
        "/permohonan/<R1>/",
        "0001/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026).",
    ),
    (
        "2026-11-11",
        "petugas",
        "reminder.due_in_3",
        "R4",
        "/permohonan/<R4>/",
        "0004/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026).",
    ),
    (
        "2026-11-13",
        "kepala",
        "reminder.due_in_1",
        "R1",
        "/permohonan/<R1>/",
        "0001/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026).",
    ),
    (
        "2026-11-13",
        "kepala",
        "reminder.due_in_1",
        "R4",
        "/permohonan/<R4>/",
        "0004/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026).",
    ),
    (
        "2026-11-13",
        "pelaksana",
        "reminder.due_in_1",
        "R2",
        "/permohonan/<R2>/",
        "0002/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026).",
    ),
    (
        "2026-11-13",
        "petugas",
        "reminder.due_in_1",
        "R1",
        "/permohonan/<R1>/",
        "0001/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026).",
    ),
    (
        "2026-11-13",
        "petugas",
        "reminder.due_in_1",
        "R4",
        "/permohonan/<R4>/",
        "0004/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026).",
    ),
    (
        "2026-11-17",
        "atasan",
        "reminder.overdue",
        "R1",
        "/permohonan/<R1>/",
        "0001/PPID/XI/2026 melewati batas waktu 16 November 2026.",
    ),
    (
        "2026-11-17",
        "atasan",
        "reminder.overdue",
        "R2",
        "/permohonan/<R2>/",
        "0002/PPID/XI/2026 melewati batas waktu 16 November 2026.",
    ),
    (
        "2026-11-17",
        "atasan",
        "reminder.overdue",
        "R4",
        "/permohonan/<R4>/",
        "0004/PPID/XI/2026 melewati batas waktu 16 November 2026.",
    ),
    (
        "2026-11-17",
        "kepala",
        "reminder.overdue",
        "R1",
        "/permohonan/<R1>/",
        "0001/PPID/XI/2026 melewati batas waktu 16 November 2026.",
    ),
    (
        "2026-11-17",
        "kepala",
        "reminder.overdue",
        "R4",
        "/permohonan/<R4>/",
        "0004/PPID/XI/2026 melewati batas waktu 16 November 2026.",
    ),
    (
        "2026-11-17",
        "pelaksana",
        "reminder.overdue",
        "R2",
        "/permohonan/<R2>/",
        "0002/PPID/XI/2026 melewati batas waktu 16 November 2026.",
    ),
    (
        "2026-11-17",
        "petugas",
        "reminder.overdue",
        "R1",
        "/permohonan/<R1>/",
        "0001/PPID/XI/2026 melewati batas waktu 16 November 2026.",
    ),
    (
        "2026-11-17",
        "petugas",
        "reminder.overdue",
        "R4",
        "/permohonan/<R4>/",
        "0004/PPID/XI/2026 melewati batas waktu 16 November 2026.",
    ),
    (
        "2026-11-20",
        "kepala",
        "reminder.due_in_3",
        "R3",
        "/permohonan/<R3>/",
        "0003/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (25 November 2026).",
    ),
    (
        "2026-11-20",
        "petugas",
        "reminder.due_in_3",
        "R3",
        "/permohonan/<R3>/",
        "0003/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (25 November 2026).",
    ),
    (
        "2026-11-24",
        "kepala",
        "reminder.due_in_1",
        "R3",
        "/permohonan/<R3>/",
        "0003/PPID/XI/2026 jatuh tempo besok atau hari ini (25 November 2026).",
    ),
    (
        "2026-11-24",
        "petugas",
        "reminder.due_in_1",
        "R3",
        "/permohonan/<R3>/",
        "0003/PPID/XI/2026 jatuh tempo besok atau hari ini (25 November 2026).",
    ),
    (
        "2026-11-26",
        "atasan",
        "reminder.overdue",
        "R3",
        "/permohonan/<R3>/",
        "0003/PPID/XI/2026 melewati batas waktu 25 November 2026.",
    ),
    (
        "2026-11-26",
        "kepala",
        "reminder.overdue",
        "R3",
        "/permohonan/<R3>/",
        "0003/PPID/XI/2026 melewati batas waktu 25 November 2026.",
    ),
    (
        "2026-11-26",
        "petugas",
        "reminder.overdue",
        "R3",
        "/permohonan/<R3>/",
        "0003/PPID/XI/2026 melewati batas waktu 25 November 2026.",
    ),
    (
        "2026-12-11",
        "atasan",
        "reminder.due_in_3",
        "O1",
        "/keberatan/<O1>/",
        "0001/KEB/XI/2026 jatuh tempo dalam 3 hari kerja (16 Desember 2026).",
    ),
    (
        "2026-12-15",
        "atasan",
        "reminder.due_in_1",
        "O1",
        "/keberatan/<O1>/",
        "0001/KEB/XI/2026 jatuh tempo besok atau hari ini (16 Desember 2026).",
    ),
    (
        "2026-12-17",
        "atasan",
        "reminder.overdue",
        "O1",
        "/keberatan/<O1>/",
        "0001/KEB/XI/2026 melewati batas waktu 16 Desember 2026.",
    ),
]
# The job's own count, by day of the run (days without any change left out).
EXPECTED_RESULTS = {
    "2026-11-04": {"reminders": 2},
    "2026-11-06": {"reminders": 2},
    "2026-11-10": {"reminders": 1},
    "2026-11-11": {"reminders": 3},
    "2026-11-13": {"reminders": 3},
    "2026-11-17": {"reminders": 3},
    "2026-11-18": {"complaints_closed": 1, "requests_completed": 1},
    "2026-11-20": {"reminders": 1},
    "2026-11-24": {"reminders": 1},
    "2026-11-26": {"reminders": 1},
    "2026-12-11": {"reminders": 1},
    "2026-12-15": {"reminders": 1},
    "2026-12-17": {"reminders": 1},
}
# (case, threshold, due date): one record a reminder; an extension (R3) gave its new due date.
EXPECTED_RECORDED = [
    ("C1", "due_in_1", "2026-11-05"),
    ("C1", "overdue", "2026-11-05"),
    ("C2", "due_in_1", "2026-11-09"),
    ("C2", "due_in_3", "2026-11-09"),
    ("C2", "overdue", "2026-11-09"),
    ("O1", "due_in_1", "2026-12-16"),
    ("O1", "due_in_3", "2026-12-16"),
    ("O1", "overdue", "2026-12-16"),
    ("R1", "due_in_1", "2026-11-16"),
    ("R1", "due_in_3", "2026-11-16"),
    ("R1", "overdue", "2026-11-16"),
    ("R2", "due_in_1", "2026-11-16"),
    ("R2", "due_in_3", "2026-11-16"),
    ("R2", "overdue", "2026-11-16"),
    ("R3", "due_in_1", "2026-11-25"),
    ("R3", "due_in_3", "2026-11-25"),
    ("R3", "overdue", "2026-11-25"),
    ("R4", "due_in_1", "2026-11-16"),
    ("R4", "due_in_3", "2026-11-16"),
    ("R4", "overdue", "2026-11-16"),
]
# (to, subject) of every mail the runs queued: one a reminder, and the requester's of the automatic completion.
EXPECTED_MAILS = [
    ("admin@example.id", "[PPID] ADU/2026/00001 jatuh tempo besok atau hari ini (5 November 2026)."),
    ("admin@example.id", "[PPID] ADU/2026/00001 melewati batas waktu 5 November 2026."),
    ("atasan@example.id", "[PPID] 0001/KEB/XI/2026 jatuh tempo besok atau hari ini (16 Desember 2026)."),
    ("atasan@example.id", "[PPID] 0001/KEB/XI/2026 jatuh tempo dalam 3 hari kerja (16 Desember 2026)."),
    ("atasan@example.id", "[PPID] 0001/KEB/XI/2026 melewati batas waktu 16 Desember 2026."),
    ("atasan@example.id", "[PPID] 0001/PPID/XI/2026 melewati batas waktu 16 November 2026."),
    ("atasan@example.id", "[PPID] 0002/PPID/XI/2026 melewati batas waktu 16 November 2026."),
    ("atasan@example.id", "[PPID] 0003/PPID/XI/2026 melewati batas waktu 25 November 2026."),
    ("atasan@example.id", "[PPID] 0004/PPID/XI/2026 melewati batas waktu 16 November 2026."),
    ("kepala@example.id", "[PPID] 0001/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026)."),
    ("kepala@example.id", "[PPID] 0001/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026)."),
    ("kepala@example.id", "[PPID] 0001/PPID/XI/2026 melewati batas waktu 16 November 2026."),
    ("kepala@example.id", "[PPID] 0003/PPID/XI/2026 jatuh tempo besok atau hari ini (25 November 2026)."),
    ("kepala@example.id", "[PPID] 0003/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (25 November 2026)."),
    ("kepala@example.id", "[PPID] 0003/PPID/XI/2026 melewati batas waktu 25 November 2026."),
    ("kepala@example.id", "[PPID] 0004/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026)."),
    ("kepala@example.id", "[PPID] 0004/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026)."),
    ("kepala@example.id", "[PPID] 0004/PPID/XI/2026 melewati batas waktu 16 November 2026."),
    ("pelaksana@example.id", "[PPID] 0002/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026)."),
    ("pelaksana@example.id", "[PPID] 0002/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026)."),
    ("pelaksana@example.id", "[PPID] 0002/PPID/XI/2026 melewati batas waktu 16 November 2026."),
    ("pelaksana@example.id", "[PPID] ADU/2026/00002 jatuh tempo besok atau hari ini (9 November 2026)."),
    ("pelaksana@example.id", "[PPID] ADU/2026/00002 jatuh tempo dalam 3 hari kerja (9 November 2026)."),
    ("pelaksana@example.id", "[PPID] ADU/2026/00002 melewati batas waktu 9 November 2026."),
    ("pemohon@example.id", "[PPID] Permohonan 0005/PPID/XI/2026 selesai otomatis."),
    ("petugas@example.id", "[PPID] 0001/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026)."),
    ("petugas@example.id", "[PPID] 0001/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026)."),
    ("petugas@example.id", "[PPID] 0001/PPID/XI/2026 melewati batas waktu 16 November 2026."),
    ("petugas@example.id", "[PPID] 0003/PPID/XI/2026 jatuh tempo besok atau hari ini (25 November 2026)."),
    ("petugas@example.id", "[PPID] 0003/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (25 November 2026)."),
    ("petugas@example.id", "[PPID] 0003/PPID/XI/2026 melewati batas waktu 25 November 2026."),
    ("petugas@example.id", "[PPID] 0004/PPID/XI/2026 jatuh tempo besok atau hari ini (16 November 2026)."),
    ("petugas@example.id", "[PPID] 0004/PPID/XI/2026 jatuh tempo dalam 3 hari kerja (16 November 2026)."),
    ("petugas@example.id", "[PPID] 0004/PPID/XI/2026 melewati batas waktu 16 November 2026."),
]
