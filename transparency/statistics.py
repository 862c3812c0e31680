"""Transparency statistics (UU 14/2008 Pasal 12; Perki 1/2021 Pasal 56): for any agency or all of them, any unit
and any period, as plain JSON-serialisable dicts. Only counts and codes: nothing personal can enter, because
the queries (transparency.facts) never select a name, an address, a NIK or a free text.

How the figures are made:

1. **Facts.** Grouped counts by day of receipt and codes (state, decision, channel, grounds, the day of the
   written notice...), one pass per time zone.
2. **Counts.** The facts are folded into additive counters (`collections.Counter` with keys such as
   ``req|state|completed`` or ``req|wd|4``), one per month, or one per unit and day for the summary table.
   Working days come from each agency's own calendar, read once and used as a prefix sum
   (transparency.workdays), never a query per request. Everything that depends on "now" (past due, pending,
   the age of open requests) is judged at the moment `at`.
3. **Figures.** The counters of a period are added up and turned into figures: totals, shares, and the median,
   90th percentile and maximum of the response time from its histogram.

Sources: ``live`` reads the cases; ``summary`` adds up the SummaryRow rows materialised by
`manage.py refresh_transparency_summary` (transparency.summary), so the figures are as of its last refresh;
``auto`` (the public API) uses the summary when every agency in scope has one younger than
TRANSPARENCY_SUMMARY_MAX_AGE_SECONDS (default one day) and the live count otherwise. The two give the same
figures for the same moment (tests/transparency/test_summary.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency, Unit
from complaints.models import ComplaintCategory, ComplaintState
from ppid.models import (
    OPEN_STATES,
    Channel,
    Court,
    Decision,
    DisputeResult,
    ExemptionGround,
    MediationResult,
    ObjectionGround,
    ObjectionOutcome,
    ObjectionState,
    RequestState,
)
from workcalendar.calendar import WorkingCalendar

from . import definitions, facts
from .models import SummaryRefresh, SummaryRow
from .workdays import WorkingDayIndex, working_day_index

NOTICE_DAYS = 10  # UU 14/2008 Pasal 22(7)
EXTENDED_DAYS = 17  # plus the one extension of 7 working days, Pasal 22(8)
BANDS = (("0-5", 0, 5), ("6-10", 6, 10), ("11-17", 11, 17), (">17", 18, None))
OPEN = frozenset(str(s) for s in OPEN_STATES)
CLOCK_STATUSES = ("on_time", "late", "pending", "not_applicable")
SOURCES = ("auto", "live", "summary")
# The codes of each figure, all listed (zero included) so that every output has the same shape.
STATES = tuple(RequestState.values)
CHANNELS = tuple(Channel.values)
DECISIONS = tuple(Decision.values)
EXEMPTIONS = tuple(ExemptionGround.values)
OBJECTION_STATES = tuple(ObjectionState.values)
OBJECTION_GROUNDS = tuple(ObjectionGround.values)
OUTCOMES = tuple(ObjectionOutcome.values)
DISPUTE_RESULTS = (*DisputeResult.values, "pending")
MEDIATION = (*MediationResult.values, "none", "pending")
COURTS = tuple(Court.values)
CATEGORIES = tuple(ComplaintCategory.values)
COMPLAINT_STATES = tuple(ComplaintState.values)
REQUEST_SECTIONS = ("period", "requests", "objections", "disputes")
COMPLAINT_SECTIONS = ("period", "complaints")


@dataclass(frozen=True)
class Scope:
    agencies: tuple[Agency, ...]
    agency: Agency | None
    unit: Unit | None

    def as_dict(self) -> dict:
        return {
            "agency": self.agency.slug if self.agency else None,
            "agency_name": self.agency.name if self.agency else None,
            "unit": self.unit.pk if self.unit else None,
            "unit_name": self.unit.name if self.unit else None,
            "agencies": len(self.agencies),
        }


def make_scope(agency: Agency | None = None, unit: Unit | None = None) -> Scope:
    if unit is not None:
        if agency is None:
            agency = unit.agency
        elif unit.agency_id != agency.pk:
            raise ValueError("The unit belongs to another agency.")
    agencies = (agency,) if agency is not None else tuple(Agency.objects.order_by("pk"))
    return Scope(agencies=agencies, agency=agency, unit=unit)


def by_zone(agencies: Iterable[Agency]) -> dict[str, list[Agency]]:
    zones: dict[str, list[Agency]] = defaultdict(list)
    for agency in agencies:
        zones[agency.time_zone].append(agency)
    return zones


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(start: dt.date, end: dt.date) -> list[str]:
    keys, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


# --- 2. folding facts into counts -------------------------------------------------------------------------------
class Folder:
    """Adds facts into counters. `bucket_of(fact)` says which counter: a month, or a (unit, day)."""

    def __init__(
        self, at: dt.datetime, bucket_of: Callable[[dict], object], first_day: dt.date | None = None
    ):
        self.at = at
        self.bucket_of = bucket_of
        # Where each agency's working-day index starts: the first day of receipt expected (it grows if needed).
        self.first_day = first_day
        self.buckets: dict[object, Counter] = defaultdict(Counter)
        self._agencies: dict[int, Agency] = {}
        self._indexes: dict[int, WorkingDayIndex] = {}

    def know(self, agencies: Iterable[Agency]) -> None:
        self._agencies.update({a.pk: a for a in agencies})

    def today(self, agency_id: int) -> dt.date:
        return self.at.astimezone(self._agencies[agency_id].tzinfo).date()

    def index(self, agency_id: int, around: dt.date) -> WorkingDayIndex:
        index = self._indexes.get(agency_id)
        if index is None:
            today = self.today(agency_id)
            first = min(around, today, self.first_day or around)
            index = working_day_index(self._agencies[agency_id], first, max(around, today))
            self._indexes[agency_id] = index
        return index

    def requests(self, rows: Iterable[dict]) -> None:
        for f in rows:
            n, c = f["n"], self.buckets[self.bucket_of(f)]
            state, day = f["state"], f["day"]
            c["req|received"] += n
            c[f"req|state|{state}"] += n
            c[f"req|channel|{f['channel']}"] += n
            if f["ext"]:
                c["req|extended"] += n
            if f["past_due"]:
                c["req|past_due"] += n
            c[f"req|timeliness|{f['timeliness']}"] += n
            if f["decision"]:
                c[f"req|decision|{f['decision']}"] += n
                for letter in f["grounds"] or ():
                    c[f"req|ground|{f['decision']}|{letter}"] += n
            if state in OPEN:
                age = self.index(f["agency_id"], day).between(day, self.today(f["agency_id"]))
                if age > NOTICE_DAYS:
                    c[f"req|open_over|{NOTICE_DAYS}"] += n
                if age > EXTENDED_DAYS:
                    c[f"req|open_over|{EXTENDED_DAYS}"] += n
                    if f["ext"]:
                        c[f"req|open_over_ext|{EXTENDED_DAYS}"] += n
            if f["rday"] is not None:
                wd = self.index(f["agency_id"], day).between(day, f["rday"])
                c[f"req|wd|{wd}"] += n
                c[f"req|wd_by|{f['decision'] or 'unknown'}|{wd}"] += n
                if f["ext"]:  # "within 17 working days (with extension)" counts extended requests only
                    c[f"req|wd_ext|{wd}"] += n

    def objections(self, rows: Iterable[dict]) -> None:
        for f in rows:
            n, c = f["n"], self.buckets[self.bucket_of(f)]
            c["obj|received"] += n
            c[f"obj|state|{f['state']}"] += n
            c[f"obj|timeliness|{f['timeliness']}"] += n
            if f["outcome"]:
                c[f"obj|outcome|{f['outcome']}"] += n
            if f["settled_by_agreement"]:
                c["obj|agreement"] += n
            for letter in f["grounds"] or []:
                c[f"obj|ground|{letter}"] += n

    def disputes(self, rows: Iterable[dict]) -> None:
        for f in rows:
            n, c = f["n"], self.buckets[self.bucket_of(f)]
            c["dsp|filed"] += n
            c[f"dsp|result|{f['result'] or 'pending'}"] += n
            # Without mediation only once decided: a dispute registered today is still pending.
            mediation = f["mediation_result"] or ("none" if f["decided"] else "pending")
            c[f"dsp|mediation|{mediation}"] += n
            if f["appeal_court"]:
                c[f"dsp|appeal|{f['appeal_court']}"] += n
            for flag in ("decided", "complied", "court_decided", "kasasi"):
                if f[flag]:
                    c[f"dsp|{flag}"] += n

    def complaints(self, rows: Iterable[dict]) -> None:
        for f in rows:
            n, c = f["n"], self.buckets[self.bucket_of(f)]
            c["cmp|received"] += n
            c[f"cmp|category|{f['category']}"] += n
            c[f"cmp|state|{f['state']}"] += n
            for clock in ("verification", "followup", "resolution"):
                c[f"cmp|{clock}|{f[clock]}"] += n
            if f["anonymous"]:
                c["cmp|anonymous"] += n
            if f["confidential"]:
                c["cmp|confidential"] += n
            if f["rating"]:
                c[f"cmp|rating|{f['rating']}"] += n


def fold_live(
    scope: Scope,
    *,
    at: dt.datetime,
    kinds: set[str],
    bucket_of: Callable[[dict], object],
    start: dt.date | None = None,
    end: dt.date | None = None,
    by_unit: bool = False,
) -> dict[object, Counter]:
    """Count the cases of `scope` received between start and end (inclusive; None: no bound)."""
    folder = Folder(at, bucket_of, first_day=start)
    folder.know(scope.agencies)
    unit_id = scope.unit.pk if scope.unit else None
    for zone_name, agencies in by_zone(scope.agencies).items():
        zone = ZoneInfo(zone_name)
        today = at.astimezone(zone).date()
        common = {"start": start, "end": end, "unit_id": unit_id, "by_unit": by_unit}
        with timezone.override(zone):
            if "requests" in kinds:
                folder.requests(facts.request_facts(agencies, zone, today=today, **common))
                folder.objections(facts.objection_facts(agencies, zone, today=today, **common))
                folder.disputes(facts.dispute_facts(agencies, **common))
            if "complaints" in kinds:
                folder.complaints(facts.complaint_facts(agencies, zone, today=today, **common))
    return folder.buckets


def fold_summary(scope: Scope, *, start: dt.date, end: dt.date) -> dict[object, Counter]:
    """Add up the materialised SummaryRow rows of `scope` by month: the monthly row of every month the period
    covers whole, the day rows of the months it covers in part."""
    rows = SummaryRow.objects.filter(agency_id__in=[a.pk for a in scope.agencies])
    rows = rows.filter(unit=scope.unit) if scope.unit is not None else rows.filter(unit__isnull=True)
    first_whole = start if start.day == 1 else (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    after_end = end + dt.timedelta(days=1)
    last_whole = (after_end if after_end.day == 1 else end.replace(day=1)) - dt.timedelta(days=1)
    if first_whole <= last_whole:
        wanted = (
            Q(monthly=True, day__range=(first_whole, last_whole))
            | Q(monthly=False, day__gte=start, day__lt=first_whole)
            | Q(monthly=False, day__gt=last_whole, day__lte=end)
        )
    else:
        wanted = Q(monthly=False, day__range=(start, end))
    buckets: dict[object, Counter] = defaultdict(Counter)
    for day, counts in rows.filter(wanted).values_list("day", "counts").order_by():
        buckets[month_key(day)].update(counts)
    return buckets


# --- 3. figures from counts ---------------------------------------------------------------------------------------
def _groups(counts: Counter) -> dict[str, dict[str, int]]:
    """``{"req|state|completed": 3}`` → ``{"req|state": {"completed": 3}}``."""
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for key, value in counts.items():
        head, _sep, tail = key.rpartition("|")
        groups[head][tail] = value
    return groups


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def nearest_rank(histogram: dict[int, int], numerator: int, denominator: int) -> int | None:
    """The value at rank ⌈N·p⌉ (p = numerator/denominator) of the sorted values: integer arithmetic, so that
    0.9 × 30 is 27 and not 27.000000000000004."""
    total = sum(histogram.values())
    if not total:
        return None
    rank, seen = max(1, -(-total * numerator // denominator)), 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return None  # pragma: no cover - unreachable: the ranks add up to total


def time_summary(histogram: dict[int, int]) -> dict:
    return {
        "count": sum(histogram.values()),
        "median": nearest_rank(histogram, 1, 2),
        "p90": nearest_rank(histogram, 9, 10),
        "max": max(histogram) if histogram else None,
    }


def _choices(group: dict[str, int], codes: Iterable[str]) -> dict[str, int]:
    return {code: group.get(code, 0) for code in codes}


def _hist(group: dict[str, int]) -> dict[int, int]:
    return {int(days): n for days, n in group.items()}


def request_sections(counts: Counter) -> dict:
    g = _groups(counts)
    req = g.get("req", {})
    received = req.get("received", 0)
    by_state = _choices(g.get("req|state", {}), STATES)
    wd = _hist(g.get("req|wd", {}))
    answered = sum(wd.values())
    over = g.get("req|open_over", {})
    within = {days: sum(n for d, n in wd.items() if d <= days) for days in (NOTICE_DAYS, EXTENDED_DAYS)}
    wd_ext = _hist(g.get("req|wd_ext", {}))
    within_ext = sum(n for d, n in wd_ext.items() if d <= EXTENDED_DAYS)
    over_ext = g.get("req|open_over_ext", {}).get(str(EXTENDED_DAYS), 0)
    decisions = _choices(g.get("req|decision", {}), DECISIONS)
    requests = {
        "received": received,
        "by_state": by_state,
        "pending": sum(by_state[s] for s in OPEN),
        "pending_past_due": req.get("past_due", 0),
        "answered": answered,
        "completed": by_state[RequestState.COMPLETED],
        "withdrawn": by_state[RequestState.WITHDRAWN],
        "by_channel": _choices(g.get("req|channel", {}), CHANNELS),
        "decisions": decisions,
        "granted_whole_or_part": decisions[Decision.GRANTED] + decisions[Decision.PARTIALLY_GRANTED],
        # Issue 18: requests whose notice pointed at information already published in the DIP.
        "answered_from_register": decisions[Decision.ALREADY_PUBLISHED],
        "refusal_grounds": _choices(g.get(f"req|ground|{Decision.REJECTED}", {}), EXEMPTIONS),
        "partial_grounds": _choices(g.get(f"req|ground|{Decision.PARTIALLY_GRANTED}", {}), EXEMPTIONS),
        "response_time": {
            **time_summary(wd),
            "within_10": within[NOTICE_DAYS],
            "within_10_share": share(within[NOTICE_DAYS], answered + over.get(str(NOTICE_DAYS), 0)),
            "within_17": within_ext,
            "within_17_share": share(within_ext, sum(wd_ext.values()) + over_ext),
            "bands": {
                label: sum(n for d, n in wd.items() if low <= d and (high is None or d <= high))
                for label, low, high in BANDS
            },
            "by_decision": {d: time_summary(_hist(g.get(f"req|wd_by|{d}", {}))) for d in DECISIONS},
        },
        "extensions": req.get("extended", 0),
        "extension_share": share(req.get("extended", 0), received),
        "notice_timeliness": _choices(g.get("req|timeliness", {}), CLOCK_STATUSES),
    }
    obj = g.get("obj", {})
    timeliness = _choices(g.get("obj|timeliness", {}), CLOCK_STATUSES)
    objections = {
        "received": obj.get("received", 0),
        "by_state": _choices(g.get("obj|state", {}), OBJECTION_STATES),
        "by_ground": _choices(g.get("obj|ground", {}), OBJECTION_GROUNDS),
        "by_outcome": _choices(g.get("obj|outcome", {}), OUTCOMES),
        "settled_by_agreement": obj.get("agreement", 0),
        "response_timeliness": timeliness,
        "on_time_share": share(timeliness["on_time"], timeliness["on_time"] + timeliness["late"]),
    }
    dsp = g.get("dsp", {})
    disputes = {
        "filed": dsp.get("filed", 0),
        "by_result": _choices(g.get("dsp|result", {}), DISPUTE_RESULTS),
        "mediation": _choices(g.get("dsp|mediation", {}), MEDIATION),
        "decided": dsp.get("decided", 0),
        "complied": dsp.get("complied", 0),
        "appeals": _choices(g.get("dsp|appeal", {}), COURTS),
        "court_decisions_received": dsp.get("court_decided", 0),
        "kasasi_filed": dsp.get("kasasi", 0),
    }
    return {"requests": requests, "objections": objections, "disputes": disputes}


def _clock(group: dict[str, int]) -> dict:
    counts = _choices(group, CLOCK_STATUSES)
    return {**counts, "on_time_share": share(counts["on_time"], counts["on_time"] + counts["late"])}


def complaint_sections(counts: Counter) -> dict:
    g = _groups(counts)
    cmp = g.get("cmp", {})
    ratings = {int(score): n for score, n in g.get("cmp|rating", {}).items()}
    rated = sum(ratings.values())
    return {
        "complaints": {
            "received": cmp.get("received", 0),
            "by_category": _choices(g.get("cmp|category", {}), CATEGORIES),
            "by_state": _choices(g.get("cmp|state", {}), COMPLAINT_STATES),
            "anonymous": cmp.get("anonymous", 0),
            "confidential": cmp.get("confidential", 0),
            "verification": _clock(g.get("cmp|verification", {})),
            "followup": _clock(g.get("cmp|followup", {})),
            "resolution": _clock(g.get("cmp|resolution", {})),
            "rating": {
                "count": rated,
                "average": round(sum(s * n for s, n in ratings.items()) / rated, 2) if rated else None,
                "by_score": {str(score): ratings.get(score, 0) for score in range(1, 6)},
            },
        }
    }


# --- the public functions ---------------------------------------------------------------------------------------
def _max_age() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "TRANSPARENCY_SUMMARY_MAX_AGE_SECONDS", 24 * 3600))


def summary_as_of(scope: Scope) -> dt.datetime | None:
    """The moment the summary of every agency in scope is as of (the oldest refresh), or None if one lacks it."""
    moments = list(
        SummaryRefresh.objects.filter(agency_id__in=[a.pk for a in scope.agencies]).values_list(
            "refreshed_at", flat=True
        )
    )
    if not scope.agencies or len(moments) < len(scope.agencies):
        return None
    return min(moments)


def _source(scope: Scope, at: dt.datetime, source: str) -> tuple[str, dt.datetime]:
    if source not in SOURCES:
        raise ValueError(f"Unknown source {source!r}")
    if source == "live":
        return "live", at
    as_of = summary_as_of(scope)
    if source == "summary":
        if as_of is None:
            raise LookupError("No summary yet: run manage.py refresh_transparency_summary.")
        return "summary", as_of
    if as_of is not None and at - as_of <= _max_age():
        return "summary", as_of
    return "live", at


def _warnings(start: dt.date, end: dt.date, at: dt.datetime) -> list[str]:
    years = set(range(start.year, max(end, at.date()).year + 1))
    return [
        _(
            "Belum ada data hari libur untuk tahun %(year)s: hari kerja tahun itu dihitung Senin sampai Jumat, "
            "sehingga angka hari kerja dapat berbeda setelah kalender libur dimuat."
        )
        % {"year": year}
        for year in WorkingCalendar(None).years_without_holidays(years)
    ]


def _statistics(kind, agency, unit, start, end, at, source) -> dict:
    if start > end:
        raise ValueError("start must not be after end")
    at = at or timezone.now()
    scope = make_scope(agency, unit)
    used, as_of = _source(scope, at, source)
    if used == "summary":
        buckets = fold_summary(scope, start=start, end=end)
    else:
        buckets = fold_live(
            scope, at=at, kinds={kind}, bucket_of=lambda f: month_key(f["day"]), start=start, end=end
        )
    sections, keys = {
        "requests": (request_sections, REQUEST_SECTIONS),
        "complaints": (complaint_sections, COMPLAINT_SECTIONS),
    }[kind]
    total: Counter = Counter()
    for counts in buckets.values():
        total.update(counts)
    return {
        "scope": scope.as_dict(),
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "as_of": as_of.isoformat(),
        "source": used,
        "warnings": _warnings(start, end, at),
        "figures": sections(total),
        "by_month": [
            {"month": month, "figures": sections(buckets.get(month, Counter()))}
            for month in months_between(start, end)
        ],
        "definitions": definitions.rendered(keys),
    }


def request_statistics(
    agency: Agency | None = None,
    unit: Unit | None = None,
    *,
    start: dt.date,
    end: dt.date,
    at: dt.datetime | None = None,
    source: str = "auto",
) -> dict:
    """Information requests received from `start` to `end` (inclusive, local dates), their objections (by the
    objection's day of receipt) and disputes (by the day the Komisi Informasi received them), with every
    figure also by month, and the definitions of the figures."""
    return _statistics("requests", agency, unit, start, end, at, source)


def complaint_statistics(
    agency: Agency | None = None,
    unit: Unit | None = None,
    *,
    start: dt.date,
    end: dt.date,
    at: dt.datetime | None = None,
    source: str = "auto",
) -> dict:
    """Service complaints received from `start` to `end`: by category and state, their clocks and ratings,
    also by month. With a unit: the complaints dispositioned to it."""
    return _statistics("complaints", agency, unit, start, end, at, source)
