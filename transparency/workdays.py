"""Working days between many pairs of dates, without a query per pair.

`WorkingCalendar.working_days_between` walks the calendar day by day: right for one deadline, too slow for a
hundred thousand requests. Here each agency's calendar is read once for a span of days (through
WorkingCalendar, so that the rule about weekends, holidays and cuti bersama stays in one place) and turned into
a prefix sum: P[d] is the number of working days after the first day of the span up to and including d, so the
working days after a up to and including b are P[b] - P[a], the number `working_days_between(a, b)` gives.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict

from workcalendar.calendar import WorkingCalendar, cuti_bersama_counts
from workcalendar.models import Holiday
from workcalendar.validators import EARLIEST

ONE_DAY = dt.timedelta(days=1)
# Every day counted is clamped into this span. Dates people enter are kept inside it (workcalendar.validators),
# but a row stored before that check (a request "received" in year 1) must not break every reader: before the
# floor, days count as from the floor (such a case reads as very old, never as an error); after the ceiling,
# as at the ceiling.
FLOOR = EARLIEST - dt.timedelta(days=366)
CEILING = dt.date(2200, 12, 31)


def clamp(day: dt.date) -> dt.date:
    return min(max(day, FLOOR), CEILING)


# When a date outside the span turns up, the span grows by at least this much (one more holiday query).
_MARGIN = dt.timedelta(days=62)


class WorkingDayIndex:
    def __init__(self, agency, first: dt.date, last: dt.date):
        self.agency = agency
        first, last = clamp(first), clamp(last)
        self._build(first, max(first, last))

    def _build(self, first: dt.date, last: dt.date) -> None:
        # A fresh calendar each time: an index may be shared (working_day_index), its calendar never is.
        calendar = WorkingCalendar(self.agency)
        # Two one-day calls load the holidays of the whole span: the calendar keeps the union of what it has
        # loaded. The walk below then asks each day once, from memory.
        calendar.working_days_between(first - ONE_DAY, first)
        calendar.working_days_between(last - ONE_DAY, last)
        prefix, count = [0], 0
        day = first
        for _ in range((last - first).days):
            day += ONE_DAY
            count += calendar.is_working_day(day)
            prefix.append(count)
        # One assignment: a reader never sees a span and a prefix of different builds.
        self._state = (first, last, prefix)

    def _cover(self, lo: dt.date, hi: dt.date) -> tuple:
        state = self._state
        first, last, _prefix = state
        if lo < first or hi > last:
            self._build(clamp(min(lo - _MARGIN, first)), clamp(max(hi + _MARGIN, last)))
            state = self._state
        return state

    @property
    def first(self) -> dt.date:
        return self._state[0]

    @property
    def last(self) -> dt.date:
        return self._state[1]

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 if end <= start)."""
        start, end = clamp(start), clamp(end)
        if end <= start:
            return 0
        first, _last, prefix = self._cover(start, end)
        return prefix[(end - first).days] - prefix[(start - first).days]

    def missing_years(self) -> list[int]:
        """Years of the span with no national holidays loaded (every weekday of them counts as working)."""
        calendar = WorkingCalendar(self.agency)
        return calendar.years_without_holidays(set(range(self.first.year, self.last.year + 1)))


_SHARED: OrderedDict[tuple, WorkingDayIndex] = OrderedDict()
_SHARED_SIZE = 64
_SHARED_LOCK = threading.Lock()


def working_day_index(agency, first: dt.date, last: dt.date) -> WorkingDayIndex:
    """An index covering the whole years from `first` to `last`, shared between calls that would build the
    same one. Which days are working days depends only on the holidays that apply to the agency in those years
    and on whether it counts cuti bersama, so exactly these are the key: one small query finds them, and any
    change to the calendar (a holiday added, moved, removed or re-kinded) gives a new key and a new index."""
    first, last = clamp(first), clamp(last)
    first, last = dt.date(first.year, 1, 1), dt.date(max(first, last).year, 12, 31)
    holidays = tuple(
        Holiday.objects.applicable_to(agency)
        .filter(date__range=(first, last))
        .order_by("date", "kind", "pk")
        .values_list("date", "kind")
    )
    key = (cuti_bersama_counts(agency), first, last, holidays)
    with _SHARED_LOCK:
        index = _SHARED.get(key)
    if index is None:
        index = WorkingDayIndex(agency, first, last)
        with _SHARED_LOCK:
            _SHARED[key] = index
            while len(_SHARED) > _SHARED_SIZE:
                _SHARED.popitem(last=False)
    return index
