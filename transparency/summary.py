"""The materialised summary behind the fast public statistics.

The public figures of a large agency (hundreds of thousands of requests a year) cannot be counted from the cases
in the 100 ms a public page may take. `refresh_summary` counts them once, with the same facts and the same
folding as the live statistics (transparency.statistics), into one row of additive counts per unit and day of
receipt, plus one row per day for the whole agency (complaints not yet dispositioned to a unit only appear
there). Monthly rows add the days up again, so a year of an agency is 12 rows (a period that starts or ends
inside a month adds that month's day rows). The refresh replaces all of the agency's rows in one transaction,
so readers see either the old or the new summary, and records the moment the figures are as of.

Run it from cron or Celery beat (`transparency.tasks.refresh_transparency_summaries`, e.g. hourly):
    manage.py refresh_transparency_summary [--agency SLUG]
Statistics fall back to the live count when an agency's summary is missing or older than
TRANSPARENCY_SUMMARY_MAX_AGE_SECONDS. Nothing else writes these tables; the cases are only read.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from agencies.models import Agency
from complaints.models import Complaint
from ppid.models import Dispute, InformationRequest, Objection

from .models import SummaryRefresh, SummaryRow
from .statistics import fold_live, make_scope

BATCH = 2000


def _span(agency: Agency) -> tuple[dt.date, dt.date] | None:
    """The first and last day on which the agency received anything (cheap: the received_at indexes)."""
    tz = agency.tzinfo
    days = []
    for model in (InformationRequest, Objection, Complaint):
        found = model.objects.filter(agency=agency).aggregate(lo=Min("received_at"), hi=Max("received_at"))
        days += [m.astimezone(tz).date() for m in found.values() if m is not None]
    found = Dispute.objects.filter(agency=agency).aggregate(lo=Min("filed_on"), hi=Max("filed_on"))
    days += [d for d in found.values() if d is not None]
    return (min(days), max(days)) if days else None


def _years(first: dt.date, last: dt.date):
    for year in range(first.year, last.year + 1):
        yield max(first, dt.date(year, 1, 1)), min(last, dt.date(year, 12, 31))


def _rows(agency: Agency, buckets: dict) -> list[SummaryRow]:
    """Day rows per unit and for the whole agency, and the same added up by month (day = the 1st)."""
    totals: dict[tuple, Counter] = defaultdict(Counter)
    for (unit_id, day), counts in buckets.items():
        month = day.replace(day=1)
        keys = [(None, day, False), (None, month, True)]
        if unit_id is not None:
            keys += [(unit_id, day, False), (unit_id, month, True)]
        for key in keys:
            totals[key].update(counts)
    return [
        SummaryRow(agency=agency, unit_id=unit_id, day=day, monthly=monthly, counts=dict(counts))
        for (unit_id, day, monthly), counts in totals.items()
    ]


def refresh_summary(*, agency: Agency, at: dt.datetime | None = None) -> SummaryRefresh:
    """Rebuild the agency's SummaryRow rows as of `at` (now), a year at a time to bound memory."""
    started = time.perf_counter()
    at = at or timezone.now()
    scope = make_scope(agency)
    today = at.astimezone(agency.tzinfo).date()
    span = _span(agency)
    first, last = (span[0], max(span[1], today)) if span else (None, None)
    rows = 0
    with transaction.atomic():
        SummaryRefresh.objects.get_or_create(agency=agency, defaults={"refreshed_at": at})
        # One refresh of an agency at a time: the second waits here, then replaces the first one's rows.
        refresh = SummaryRefresh.objects.select_for_update().get(agency=agency)
        SummaryRow.objects.filter(agency=agency).delete()
        for start, end in _years(first, last) if span else ():
            buckets = fold_live(
                scope,
                at=at,
                kinds={"requests", "complaints"},
                bucket_of=lambda f: (f.get("unit_id"), f["day"]),
                start=start,
                end=end,
                by_unit=True,
            )
            objs = _rows(agency, buckets)
            SummaryRow.objects.bulk_create(objs, batch_size=BATCH)
            rows += len(objs)
        refresh.refreshed_at = at
        refresh.first_day, refresh.last_day = first, last
        refresh.rows = rows
        refresh.duration_ms = int((time.perf_counter() - started) * 1000)
        refresh.save()
    return refresh


def refresh_all(*, at: dt.datetime | None = None) -> list[SummaryRefresh]:
    at = at or timezone.now()
    return [refresh_summary(agency=agency, at=at) for agency in Agency.objects.order_by("pk")]
