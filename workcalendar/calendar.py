"""Working-day arithmetic with an explanation a person can check.

Rule (UU 14/2008 does not define it; this is the cautious reading, see ppid-law.md part 7): the day of
receipt is day 0 and day 1 is the first working day after it. Saturdays, Sundays and holidays are skipped.
Cuti bersama is leave, not a holiday, and its rule depends on whose deadline it is (ppid-law.md part 12): the
agency's own deadlines count it as a working day unless the agency says otherwise, the requester's windows skip
it unless the agency says otherwise. A deadline ends at the end of its day in the agency's own time zone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Holiday, HolidayKind

_WEEKEND = {5: "Sabtu", 6: "Minggu"}
# Whose deadline a count is: the agency's own (notice, extension, Atasan's answer, complaint follow-ups) or the
# requester's window (objection, KI filing). Codes are API contract (`party` on the due-date endpoint).
AGENCY = "agency"
REQUESTER = "requester"
PARTIES = (AGENCY, REQUESTER)
_ZONE_LABELS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


@dataclass(frozen=True)
class SkippedDay:
    date: dt.date
    kind: str  # "weekend" or a HolidayKind value
    reason: str
    name: str = ""  # the holiday's name (data, not translated); empty for a weekend
    estimate: bool = False  # the holiday is still an estimate, not yet confirmed against the SKB

    def as_dict(self) -> dict:
        data = {"date": self.date.isoformat(), "kind": self.kind, "reason": self.reason}
        if self.estimate:
            data["estimate"] = True
        return data


@dataclass(frozen=True)
class DueDate:
    """A deadline and how it was worked out."""

    start: dt.date  # the day of receipt (day 0)
    working_days: int
    due_date: dt.date
    due_at: dt.datetime  # end of the due date in the agency's zone (aware)
    counted: tuple[dt.date, ...]
    skipped: tuple[SkippedDay, ...]
    cuti_bersama_counts: bool
    time_zone: str
    warnings: tuple[str, ...] = field(default=())
    missing_holiday_years: tuple[int, ...] = field(default=())
    party: str = AGENCY
    missing_cuti_bersama_years: tuple[int, ...] = field(default=())

    @property
    def cuti_bersama_rule(self) -> str:
        return cuti_bersama_rule_text(self.party, self.cuti_bersama_counts)

    def explanation(self) -> str:
        """The explanation in the active language with ISO dates, as stored in deadline logs and given by the API.
        Pages show `explain(self.as_dict())` instead: built when shown, in the viewer's language."""
        lines = [
            _("Diterima %(start)s (hari ke-0). Dihitung %(n)s hari kerja, dimulai hari kerja berikutnya.")
            % {"start": self.start.isoformat(), "n": self.working_days},
            cuti_bersama_rule_text(self.party, self.cuti_bersama_counts),
        ]
        for day in self.skipped:
            lines.append(
                _("%(date)s dilewati: %(reason)s") % {"date": day.date.isoformat(), "reason": day.reason}
            )
        lines.append(
            _("Jatuh tempo %(due)s pukul 23.59 %(tz)s.")
            % {"due": self.due_date.isoformat(), "tz": _ZONE_LABELS.get(self.time_zone, self.time_zone)}
        )
        lines.extend(self.warnings)
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "working_days": self.working_days,
            "due_date": self.due_date.isoformat(),
            "due_at": self.due_at.isoformat(),
            "time_zone": self.time_zone,
            "cuti_bersama_counts": self.cuti_bersama_counts,
            "party": self.party,
            "counted": [d.isoformat() for d in self.counted],
            "skipped": [s.as_dict() for s in self.skipped],
            "warnings": list(self.warnings),
        }

    def as_record(self) -> dict:
        """`as_dict()` (the API's shape) plus what `explain` needs to word it again later in another language: what
        deadline logs keep."""
        data = self.as_dict()
        data["skipped"] = [{**s.as_dict(), "name": s.name} for s in self.skipped]
        data["missing_holiday_years"] = list(self.missing_holiday_years)
        data["missing_cuti_bersama_years"] = list(self.missing_cuti_bersama_years)
        return data


@dataclass(frozen=True)
class CalendarDue:
    """A limit in calendar days. A last day that is not a working day (weekend, holiday, cuti bersama under the
    party's rule) rolls forward to the next working day, as courts count (ppid-law.md part 12.6)."""

    start: dt.date
    days: int
    last_day: dt.date  # start + days
    due_date: dt.date  # last_day, or the next working day after it
    due_at: dt.datetime
    rolled: tuple[SkippedDay, ...]  # the days rolled over, from last_day on
    cuti_bersama_counts: bool
    time_zone: str
    party: str = AGENCY

    def explanation(self) -> str:
        lines = [
            _("%(n)s hari kalender sejak %(start)s: hari terakhir %(last)s.")
            % {"n": self.days, "start": self.start.isoformat(), "last": self.last_day.isoformat()}
        ]
        if self.rolled:
            lines.append(
                _("%(last)s bukan hari kerja (%(reasons)s), maka bergeser ke hari kerja berikutnya %(due)s.")
                % {
                    "last": self.last_day.isoformat(),
                    "reasons": "; ".join(f"{d.date.isoformat()} {d.reason}" for d in self.rolled),
                    "due": self.due_date.isoformat(),
                }
            )
            lines.append(cuti_bersama_rule_text(self.party, self.cuti_bersama_counts))
        lines.append(
            _("Jatuh tempo %(due)s pukul 23.59 %(tz)s.")
            % {"due": self.due_date.isoformat(), "tz": _ZONE_LABELS.get(self.time_zone, self.time_zone)}
        )
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "calendar_days": self.days,
            "last_day": self.last_day.isoformat(),
            "due_date": self.due_date.isoformat(),
            "due_at": self.due_at.isoformat(),
            "time_zone": self.time_zone,
            "cuti_bersama_counts": self.cuti_bersama_counts,
            "party": self.party,
            "rolled": [s.as_dict() for s in self.rolled],
        }


def _weekday_name(day: dt.date) -> str:
    return _("Sabtu") if day.weekday() == 5 else _("Minggu")


def cuti_bersama_rule_text(party: str, counts: bool) -> str:
    """Which cuti bersama rule a count followed, in the active language."""
    if party == REQUESTER:
        if counts:
            return _("Cuti bersama dihitung sebagai hari kerja (aturan tenggat pemohon).")
        return _("Cuti bersama dilewati (aturan tenggat pemohon).")
    if counts:
        return _("Cuti bersama dihitung sebagai hari kerja (aturan tenggat badan publik).")
    return _("Cuti bersama dilewati (aturan tenggat badan publik).")


def _missing_holidays_warning(year: int) -> str:
    return _(
        "Peringatan: belum ada data hari libur untuk tahun %(year)s; semua hari Senin–Jumat tahun itu "
        "dihitung sebagai hari kerja. Administrator perlu memuat kalender libur tahun tersebut."
    ) % {"year": year}


def _missing_cuti_bersama_warning(year: int) -> str:
    return _(
        "Peringatan: tahun %(year)s sudah memuat libur nasional tetapi belum memuat cuti bersama; periksa SKB "
        "tahun itu dan muat cuti bersamanya."
    ) % {"year": year}


def _estimate_note() -> str:
    return _("perkiraan, belum dipastikan SKB")


def _long_date(day: dt.date) -> str:
    return date_format(day, "j F Y")


def _start_sentence(start_label: str, start: str, n: int) -> str:
    # UU 14/2008 Pasal 22 ayat 8: an extension runs from the end of the first 10 working days, not from receipt.
    if start_label == "extension_from":
        return _(
            "Perpanjangan %(n)s hari kerja dihitung sejak batas waktu semula %(start)s, dimulai hari kerja "
            "berikutnya."
        ) % {"start": start, "n": n}
    if start_label == "pause_from":
        return _(
            "Batas waktu sebelumnya %(start)s digeser %(n)s hari kerja selama menunggu klarifikasi, dimulai hari "
            "kerja berikutnya."
        ) % {"start": start, "n": n}
    return _("Diterima %(start)s (hari ke-0). Dihitung %(n)s hari kerja, dimulai hari kerja berikutnya.") % {
        "start": start,
        "n": n,
    }


def _skip_reason(skipped: dict, day: dt.date) -> str:
    kind = skipped.get("kind", "")
    if kind == "weekend":
        return _weekday_name(day)
    note = f" ({_estimate_note()})" if skipped.get("estimate") else ""
    if kind in HolidayKind.values:
        name = skipped.get("name") or str(skipped.get("reason", "")).partition(": ")[2].removesuffix(note)
        if name:
            return f"{HolidayKind(kind).label}: {name}{note}"
    return str(skipped.get("reason", ""))


# What a deadline_log step's start date is, by step name (also for steps stored before "start_label" was kept).
_STEP_START_LABELS = {"extension": "extension_from", "pause": "pause_from"}


def step_start_label(step: str | None) -> str:
    return _STEP_START_LABELS.get(step or "", "received")


def explain_step(step) -> str:
    """A deadline_log step (or a DueDate) explained in the active language; see explain()."""
    if isinstance(step, DueDate):
        return explain(step.as_dict())
    if not isinstance(step, dict):
        return ""
    return explain(step, start_label=step.get("start_label") or step_start_label(step.get("step")))


def explain(data: dict, *, start_label: str | None = None) -> str:
    """How a stored deadline (`DueDate.as_record()` or `as_dict()`, e.g. a deadline_log step) was counted, built
    now: in the active language, with dates written out. `start_label` says what the start date is: "received"
    (day 0, the default), "extension_from" (the original due date an extension counts from) or "pause_from" (the
    due date a clarification pause moved); without it, the data's own "start_label". Data without the structured
    fields (older rows) gives its stored "explanation" text."""
    if not isinstance(data, dict):
        return ""
    try:
        start = dt.date.fromisoformat(data["start"])
        due = dt.date.fromisoformat(data["due_date"])
        working_days = int(data["working_days"])
        skipped = [(dt.date.fromisoformat(s["date"]), s) for s in data.get("skipped") or []]
    except (KeyError, TypeError, ValueError):
        return str(data.get("explanation", ""))
    label = start_label or data.get("start_label") or "received"
    lines = [_start_sentence(label, _long_date(start), working_days)]
    if data.get("party") in PARTIES:  # records kept before the rule depended on the party do not say it
        lines.append(cuti_bersama_rule_text(data["party"], bool(data.get("cuti_bersama_counts"))))
    for day, skip in skipped:
        lines.append(
            _("%(date)s dilewati: %(reason)s") % {"date": _long_date(day), "reason": _skip_reason(skip, day)}
        )
    zone = data.get("time_zone", "")
    lines.append(
        _("Jatuh tempo %(due)s pukul 23.59 %(tz)s.")
        % {"due": _long_date(due), "tz": _ZONE_LABELS.get(zone, zone)}
    )
    if "missing_holiday_years" in data:
        lines.extend(_missing_holidays_warning(year) for year in data["missing_holiday_years"])
        lines.extend(
            _missing_cuti_bersama_warning(year) for year in data.get("missing_cuti_bersama_years") or []
        )
    else:
        lines.extend(data.get("warnings") or [])
    return "\n".join(lines)


def cuti_bersama_counts(agency, party: str = AGENCY) -> bool:
    """Whether cuti bersama is a working day for `party`'s deadlines at `agency` (no agency: the defaults)."""
    from agencies.models import Agency

    field = "cuti_bersama_requester_working_day" if party == REQUESTER else "cuti_bersama_agency_working_day"
    if agency is None:
        return bool(Agency._meta.get_field(field).default)
    return bool(getattr(agency, field))


class WorkingCalendar:
    """The working days of one agency (or the national default when agency is None), for one party's deadlines:
    `party` is AGENCY (the agency's own deadlines) or REQUESTER (the requester's windows)."""

    def __init__(self, agency=None, *, party: str = AGENCY):
        if party not in PARTIES:
            raise ValueError(f"party must be one of {PARTIES}")
        self.agency = agency
        self.party = party
        self.cuti_bersama_counts = cuti_bersama_counts(agency, party)
        self.tz = agency.tzinfo if agency is not None else ZoneInfo(settings.TIME_ZONE)
        self._holidays: dict[dt.date, list[Holiday]] = {}
        self._loaded: tuple[dt.date, dt.date] | None = None
        self._years_with_data: set[int] | None = None
        self._years_with_cuti_bersama: set[int] | None = None

    # -- loading ---------------------------------------------------------------------------------
    def _ensure_loaded(self, start: dt.date, end: dt.date) -> None:
        if self._loaded and self._loaded[0] <= start and end <= self._loaded[1]:
            return
        lo = min(start, self._loaded[0]) if self._loaded else start
        hi = max(end, self._loaded[1]) if self._loaded else end
        self._holidays = {}
        for holiday in Holiday.objects.applicable_to(self.agency).filter(date__range=(lo, hi)):
            self._holidays.setdefault(holiday.date, []).append(holiday)
        self._loaded = (lo, hi)

    def _years_loaded(self) -> tuple[set[int], set[int]]:
        """The years with national holidays and the years with cuti bersama, read once in one query."""
        if self._years_with_data is None:
            rows = (
                Holiday.objects.filter(kind__in=[HolidayKind.NATIONAL, HolidayKind.CUTI_BERSAMA])
                .values_list("kind", "date__year")
                .distinct()
            )
            national, cuti = set(), set()
            for kind, year in rows:
                (national if kind == HolidayKind.NATIONAL else cuti).add(year)
            self._years_with_data, self._years_with_cuti_bersama = national, cuti
        return self._years_with_data, self._years_with_cuti_bersama

    def years_without_holidays(self, years: set[int]) -> list[int]:
        national, _cuti = self._years_loaded()
        return sorted(y for y in years if y not in national)

    def years_without_cuti_bersama(self, years: set[int]) -> list[int]:
        """Years with national holidays loaded but no cuti bersama: the SKB's leave days are missing."""
        national, cuti = self._years_loaded()
        return sorted(y for y in set(years) if y in national and y not in cuti)

    # -- days -------------------------------------------------------------------------------------
    def skip_reason(self, day: dt.date) -> SkippedDay | None:
        """Why `day` is not a working day, or None if it is one."""
        if day.weekday() in _WEEKEND:
            return SkippedDay(day, "weekend", _weekday_name(day))
        self._ensure_loaded(day, day)
        for holiday in self._holidays.get(day, []):
            if holiday.kind == HolidayKind.CUTI_BERSAMA and self.cuti_bersama_counts:
                continue
            estimate = holiday.is_estimate
            note = f" ({_estimate_note()})" if estimate else ""
            return SkippedDay(
                day,
                holiday.kind,
                f"{holiday.get_kind_display()}: {holiday.name}{note}",
                holiday.name,
                estimate,
            )
        return None

    def is_working_day(self, day: dt.date) -> bool:
        """skip_reason(day) is None, without building the (translated) reason: counting long spans stays fast."""
        if day.weekday() in _WEEKEND:
            return False
        self._ensure_loaded(day, day)
        return all(
            h.kind == HolidayKind.CUTI_BERSAMA and self.cuti_bersama_counts
            for h in self._holidays.get(day, ())
        )

    def local_date(self, moment: dt.date | dt.datetime) -> dt.date:
        if isinstance(moment, dt.datetime):
            if moment.tzinfo is None:
                raise ValueError("A receipt time must be timezone-aware.")
            return moment.astimezone(self.tz).date()
        return moment

    def end_of_day(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(23, 59, 59, 999999), tzinfo=self.tz)

    # -- arithmetic --------------------------------------------------------------------------------
    def add_working_days(self, start: dt.date | dt.datetime, working_days: int) -> DueDate:
        """The date `working_days` working days after `start`, with every counted and skipped day."""
        if working_days < 1:
            raise ValueError("working_days must be at least 1")
        start_day = self.local_date(start)
        # Load a generous window at once: one query for the common case.
        self._ensure_loaded(start_day, start_day + dt.timedelta(days=working_days * 2 + 45))
        counted: list[dt.date] = []
        skipped: list[SkippedDay] = []
        day = start_day
        while len(counted) < working_days:
            day += dt.timedelta(days=1)
            reason = self.skip_reason(day)
            if reason is None:
                counted.append(day)
            else:
                skipped.append(reason)
        missing = tuple(self.years_without_holidays({start_day.year, day.year}))
        no_cuti = tuple(self.years_without_cuti_bersama({start_day.year, day.year}))
        return DueDate(
            start=start_day,
            working_days=working_days,
            due_date=day,
            due_at=self.end_of_day(day),
            counted=tuple(counted),
            skipped=tuple(skipped),
            cuti_bersama_counts=self.cuti_bersama_counts,
            time_zone=str(self.tz),
            warnings=tuple(_missing_holidays_warning(year) for year in missing)
            + tuple(_missing_cuti_bersama_warning(year) for year in no_cuti),
            missing_holiday_years=missing,
            party=self.party,
            missing_cuti_bersama_years=no_cuti,
        )

    def add_calendar_days(self, start: dt.date | dt.datetime, days: int) -> CalendarDue:
        """`days` calendar days after `start`; a last day that is not a working day rolls to the next one."""
        if days < 1:
            raise ValueError("days must be at least 1")
        start_day = self.local_date(start)
        last = start_day + dt.timedelta(days=days)
        self._ensure_loaded(last, last + dt.timedelta(days=31))
        rolled: list[SkippedDay] = []
        day = last
        while (reason := self.skip_reason(day)) is not None:
            rolled.append(reason)
            day += dt.timedelta(days=1)
        return CalendarDue(
            start=start_day,
            days=days,
            last_day=last,
            due_date=day,
            due_at=self.end_of_day(day),
            rolled=tuple(rolled),
            cuti_bersama_counts=self.cuti_bersama_counts,
            time_zone=str(self.tz),
            party=self.party,
        )

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 if end <= start)."""
        if end <= start:
            return 0
        self._ensure_loaded(start, end)
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def compute_due_date(
    *, start: dt.date | dt.datetime, working_days: int, agency=None, party: str = AGENCY
) -> DueDate:
    """The one function every deadline in the system goes through."""
    return WorkingCalendar(agency, party=party).add_working_days(start, working_days)
