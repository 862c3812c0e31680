"""The statutory windows after a request: which objection grounds fit its history and until when, and the
dispute windows at the Komisi Informasi and the courts. Pure computation over the models and the calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workcalendar.calendar import REQUESTER, DueDate, WorkingCalendar

from .models import Decision, InformationRequest, ObjectionGround, ObjectionState, RequestState

OBJECTION_FILING_DAYS = 30  # UU 14/2008 Pasal 36 ayat 1
ATASAN_RESPONSE_DAYS = 30  # Pasal 36 ayat 2
KI_FILING_DAYS = 14  # Pasal 37 ayat 2
KI_START_DAYS = 14  # Pasal 38 ayat 1
KI_FINISH_DAYS = 100  # Pasal 38 ayat 2
MEDIATION_DAYS = 14  # Perki 1/2013 Pasal 41
MEDIATION_EXTENSION_DAYS = 7
COURT_OBJECTION_DAYS = 14  # Pasal 48 ayat 1
KASASI_DAYS = 14  # Pasal 50; unit unclear: calendar days, the cautious (shorter) reading, rolled off days off


def arose_because_text(kind: str, day: dt.date) -> str:
    """Why a ground arose, in the active language: "notice" (the written notice of `day`), "notice_received" (the
    written notice the requester received on `day`, later than it was issued) or "no_notice" (the notice deadline
    `day` passed without one)."""
    if kind == "notice_received":
        return _("pemberitahuan tertulis yang diterima pemohon tanggal %(date)s") % {
            "date": date_format(day, "j F Y")
        }
    if kind == "not_published":
        return _("informasi berkala yang belum diumumkan, diajukan tanggal %(date)s") % {
            "date": date_format(day, "j F Y")
        }
    if kind == "no_notice":
        return _("batas waktu pemberitahuan %(date)s lewat tanpa jawaban") % {
            "date": date_format(day, "j F Y")
        }
    return _("pemberitahuan tertulis tanggal %(date)s") % {"date": date_format(day, "j F Y")}


def stored_arose_because(window: dict) -> str:
    """`arose_because` of a stored ground window (`GroundWindow.as_dict()`), built now in the active language;
    rows stored before "arose_kind" was kept give their stored text."""
    try:
        return arose_because_text(window["arose_kind"], dt.date.fromisoformat(window["arose_on"]))
    except (KeyError, TypeError, ValueError):
        return str(window.get("arose_because", "")) if isinstance(window, dict) else ""


@dataclass(frozen=True)
class GroundWindow:
    ground: str
    label: str
    arose_on: dt.date
    arose_kind: str  # "notice", "notice_received", "no_notice" or "not_published"
    closes: DueDate

    @property
    def arose_because(self) -> str:
        return arose_because_text(self.arose_kind, self.arose_on)

    def is_open(self, at: dt.datetime) -> bool:
        return at <= self.closes.due_at

    def as_dict(self) -> dict:
        return {
            "arose_on": self.arose_on.isoformat(),
            "arose_kind": self.arose_kind,
            "arose_because": self.arose_because,  # as worded at filing; pages use stored_arose_because()
            "closes_on": self.closes.due_date.isoformat(),
            "explanation": self.closes.explanation(),
        }


def objection_ground_windows(
    request: InformationRequest, *, at: dt.datetime | None = None
) -> dict[str, GroundWindow]:
    """Every ground that fits the request's history at `at`, with the day it arose and its window.

    A ground found in the notice arises when the requester received it (Pasal 36(1) "setelah ditemukannya
    alasan"): `notice_received_by_requester_on`, the issue date unless an officer recorded a later receipt.
    a only after a refusal (whole or partial); c only once the notice is overdue and none was given; g only if the
    notice came after its due date; d, e after a notice; f after a notice with a fee; b once a notice was given or
    its due date passed. A withdrawn request has none.
    """
    at = at or timezone.now()
    if request.state == RequestState.WITHDRAWN:
        return {}
    calendar = WorkingCalendar(request.agency, party=REQUESTER)  # the requester's window
    response = getattr(request, "response", None)
    if response is not None and response.responded_at > at:
        response = None  # judged as of `at` (offline objections received before a later notice)
    labels = dict(ObjectionGround.choices)
    arisen: dict[str, tuple[dt.date, str]] = {}
    if response is not None:
        notice_day = calendar.local_date(response.responded_at)
        received = request.notice_received_by_requester_on or notice_day
        because = "notice" if received <= notice_day else "notice_received"
        notice_day = max(received, notice_day)
        for ground in "bde":
            arisen[ground] = (notice_day, because)
        if response.decision in (Decision.REJECTED, Decision.PARTIALLY_GRANTED):
            arisen["a"] = (notice_day, because)
        if response.fee_amount > 0:
            arisen["f"] = (notice_day, because)
        if response.responded_at > request.due_at:
            arisen["g"] = (notice_day, because)
    elif at > request.due_at and not request.clock_paused:
        because = "no_notice"
        arisen["b"] = arisen["c"] = (request.due_date, because)
    return {
        ground: GroundWindow(
            ground=ground,
            label=str(labels[ground]),
            arose_on=day,
            arose_kind=because,
            closes=calendar.add_working_days(day, OBJECTION_FILING_DAYS),
        )
        for ground, (day, because) in sorted(arisen.items())
    }


def periodic_information_window(agency, *, at: dt.datetime) -> GroundWindow:
    """Ground b without a request (Pasal 35(1)b): periodic information that is not published. The failure goes
    on, so the ground arises on the day the objector raises it and such an objection is never late."""
    calendar = WorkingCalendar(agency, party=REQUESTER)
    day = calendar.local_date(at)
    return GroundWindow(
        ground=ObjectionGround.B.value,
        label=str(ObjectionGround.B.label),
        arose_on=day,
        arose_kind="not_published",
        closes=calendar.add_working_days(day, OBJECTION_FILING_DAYS),
    )


@dataclass(frozen=True)
class Window:
    """One statutory window of the dispute stage, with how it was computed and whether it was kept."""

    key: str
    label: str
    start: dt.date
    due: DueDate | None  # None for calendar-day windows
    due_date: dt.date
    explanation: str
    done_on: dt.date | None
    due_at: dt.datetime  # the end of the due date in the agency's zone

    @property
    def status(self) -> str:
        if self.done_on is not None:
            return "met" if self.done_on <= self.due_date else "missed"
        return "overdue" if timezone.now() > self.due_at else "open"


def _window(key, label, start, working_days, calendar, done_on) -> Window:
    due = calendar.add_working_days(start, working_days)
    return Window(key, label, start, due, due.due_date, due.explanation(), done_on, due.due_at)


def dispute_windows(objection, dispute=None) -> list[Window]:
    """The windows after an objection: filing at the KI, the KI's start and finish, mediation, the court
    objection and kasasi. Only those whose starting point has happened are listed."""
    calendar = WorkingCalendar(objection.agency)
    windows: list[Window] = []
    if objection.state == ObjectionState.WITHDRAWN:
        return windows  # a withdrawn objection leads to no dispute
    if objection.decided_at is not None:
        # From the requester's receipt of the answer (Pasal 37(2)): the answer's day unless a later one is recorded.
        start = max(
            calendar.local_date(objection.decided_at),
            objection.decision_received_by_requester_on or dt.date.min,
        )
        label = _("Pengajuan sengketa ke Komisi Informasi")
    elif timezone.now() > objection.due_at:
        start, label = objection.due_date, _("Pengajuan sengketa ke KI (tanggapan Atasan tidak diberikan)")
    else:
        return windows
    # Filing at the KI is the requester's window.
    requester_calendar = WorkingCalendar(objection.agency, party=REQUESTER)
    windows.append(
        _window("ki_filing", label, start, KI_FILING_DAYS, requester_calendar, dispute and dispute.filed_on)
    )
    if dispute is None:
        return windows
    started = min(
        (
            d
            for d in (dispute.first_hearing_on, dispute.mediation_started_on, dispute.adjudication_started_on)
            if d
        ),
        default=None,
    )
    windows.append(
        _window(
            "ki_start",
            _("KI memulai penyelesaian sengketa"),
            dispute.filed_on,
            KI_START_DAYS,
            calendar,
            started,
        )
    )
    windows.append(
        _window(
            "ki_finish",
            _("KI menyelesaikan sengketa"),
            dispute.filed_on,
            KI_FINISH_DAYS,
            calendar,
            dispute.decision_on,
        )
    )
    if dispute.mediation_started_on:
        days = MEDIATION_DAYS + (MEDIATION_EXTENSION_DAYS if dispute.mediation_extended else 0)
        label = _("Mediasi (14 hari kerja%(ext)s)") % {
            "ext": _(" + 7 perpanjangan") if dispute.mediation_extended else ""
        }
        ended = dispute.adjudication_started_on or (dispute.decision_on if dispute.mediation_result else None)
        windows.append(_window("mediation", label, dispute.mediation_started_on, days, calendar, ended))
    if dispute.decision_received_on:
        windows.append(
            _window(
                "court_objection",
                _("Keberatan atas putusan KI ke PTUN/PN"),
                dispute.decision_received_on,
                COURT_OBJECTION_DAYS,
                calendar,
                dispute.appeal_filed_on,
            )
        )
    if dispute.court_decision_received_on:
        # A last day off work rolls to the next working day (court practice), by the requester's rule.
        due = requester_calendar.add_calendar_days(dispute.court_decision_received_on, KASASI_DAYS)
        windows.append(
            Window(
                "kasasi",
                _("Kasasi ke Mahkamah Agung"),
                dispute.court_decision_received_on,
                None,
                due.due_date,
                _(
                    "%(n)s hari kalender sejak putusan pengadilan diterima %(start)s (satuan hari tidak jelas dalam "
                    "UU 14/2008 Pasal 50; dipakai yang lebih pendek)."
                )
                % {"n": KASASI_DAYS, "start": dispute.court_decision_received_on.isoformat()}
                + "\n"
                + due.explanation(),
                dispute.kasasi_filed_on,
                due.due_at,
            )
        )
    return windows
