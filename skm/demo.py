"""Demo survey responses for `make run` (`manage.py seed_demo_skm`, after seed_demo): anonymous answer sheets
for the demo agency's units in the last two semesters, so the IKM shows on the statistics page, the dashboard
and the annual report. Seeded once: an agency that has any response is left as it is. The sheets are written
directly (no cases: demo responses stand for cases the demo database does not hold)."""

from __future__ import annotations

import datetime as dt
import random

from agencies.models import Agency, Unit

from .models import CaseKind, SurveyResponse

# Per unit code: how many sheets per semester and the answers' centre (so the units' grades differ).
PROFILE = {"PPID": (34, 3.6), "DINKES": (31, 3.2), "DISDIK": (12, 2.8)}


def _semesters(today: dt.date) -> list[tuple[int, int]]:
    current = (today.year, 1 if today.month <= 6 else 2)
    previous = (current[0], 1) if current[1] == 2 else (current[0] - 1, 2)
    return [previous, current]


def seed_responses(*, agency: Agency, units: dict[str, Unit], today: dt.date) -> int:
    rng = random.Random(14_2017)  # fixed seed: the same demo figures on every machine
    sheets: list[SurveyResponse] = []
    for code, (count, centre) in PROFILE.items():
        unit = units.get(code)
        if unit is None:
            continue
        for year, semester in _semesters(today):
            for i in range(count):
                answers = {f"u{n}": min(4, max(1, round(rng.gauss(centre, 0.6)))) for n in range(1, 10)}
                sheets.append(
                    SurveyResponse(
                        agency=agency,
                        unit=unit,
                        case_kind=CaseKind.REQUEST if i % 4 else CaseKind.COMPLAINT,
                        year=year,
                        semester=semester,
                        suggestion="",
                        **answers,
                    )
                )
    SurveyResponse.objects.bulk_create(sheets)
    return len(sheets)
