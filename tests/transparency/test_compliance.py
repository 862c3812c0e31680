"""Compliance per unit and the overdue list, against the scenario of tests/fixtures/scenario.py at Monday 4 May 2026."""

import datetime as dt

from ppid import services as s
from tests.fixtures.scenario import AT
from tests.helpers import WIB, at
from transparency.selectors import compliance_by_unit, overdue_cases

D = dt.date


def _units(data):
    return {u["unit"]: u for u in data["units"]}


def test_compliance_by_unit(scenario, django_assert_max_num_queries):
    w = scenario.world
    # One more since issue 16 point 4: the contributions answered late, per asked unit.
    with django_assert_max_num_queries(9):
        data = compliance_by_unit(w.agency, AT)
    assert (data["since"], data["today"]) == ("2026-01-01", "2026-05-04")
    assert [u["unit"] for u in data["units"]] == [w.utama.pk, w.pelaksana.pk, None]  # Utama first
    utama, pelaksana, unassigned = (_units(data)[k] for k in (w.utama.pk, w.pelaksana.pk, None))
    # Utama: r1 (25 Mar, due 6 Apr) and r3 (16 Apr, its extended due date) on time; r5 overdue; r4, r8.
    assert (utama["received"], utama["answered"], utama["answered_on_time"]) == (5, 2, 2)
    assert utama["overdue_in_period"] == 1
    assert utama["on_time_rate"] == 0.6667  # 2 / (2 answered + 1 overdue)
    assert (utama["extended"], utama["extension_rate"]) == (1, 0.2)
    assert (utama["objected"], utama["objection_rate"]) == (0, 0.0)
    assert utama["open"] == 2
    assert utama["aging"] == {"0-5": 1, "6-10": 0, "11-17": 0, ">17": 1}  # r8 0 days, r5 21 working days
    # r5 was due Thursday 16 April: 17-30 April without 1 May is 10 working days, and Monday 4 May the 11th.
    assert (utama["overdue"], utama["max_overdue_working_days"]) == (1, 11)
    # Pelaksana: r2 on its due date, r6 three days late; both objected to.
    assert (pelaksana["answered_on_time"], pelaksana["answered_late"], pelaksana["on_time_rate"]) == (
        1,
        1,
        0.5,
    )
    assert (pelaksana["objected"], pelaksana["objection_rate"]) == (2, 1.0)
    assert (pelaksana["open"], pelaksana["overdue"], pelaksana["max_overdue_working_days"]) == (0, 0, None)
    # The anonymous complaint never verified belongs to no unit yet.
    assert (unassigned["complaints_open"], unassigned["complaints_overdue"]) == (1, 1)
    assert unassigned["on_time_rate"] is None
    totals = data["totals"]
    assert (totals["received"], totals["answered_on_time"], totals["on_time_rate"]) == (7, 3, 0.6)
    assert totals["max_overdue_working_days"] == 11
    assert set(data["definitions"]) >= {"compliance.on_time_rate", "compliance.aging"}


def test_compliance_since(scenario):
    w = scenario.world
    utama = _units(compliance_by_unit(w.agency, AT, since=D(2026, 4, 1)))[w.utama.pk]
    assert (utama["received"], utama["answered"], utama["on_time_rate"]) == (2, 0, 0.0)  # r5, r8
    assert utama["open"] == 2  # open cases are counted whenever they arrived


def test_overdue_cases_longest_first_with_working_days(scenario, django_assert_max_num_queries):
    w = scenario.world
    with django_assert_max_num_queries(8):
        data = overdue_cases(w.agency, AT)
    assert data["count"] == 2
    assert data["by_kind"] == {"request": 1, "objection": 0, "complaint": 1}
    first, second = data["results"]
    # The anonymous complaint: verification due Wednesday 25 March; 26 working days to 4 May.
    assert (first["kind"], first["id"], first["clock"]) == ("complaint", scenario.c2.pk, "verification")
    assert (first["due_date"], first["overdue_working_days"], first["unit"]) == ("2026-03-25", 26, None)
    assert (second["kind"], second["id"], second["number"]) == (
        "request",
        scenario.r5.pk,
        scenario.r5.registration_number,
    )
    assert (second["due_date"], second["overdue_working_days"], second["received_on"]) == (
        "2026-04-16",
        11,
        "2026-04-01",
    )
    assert second["unit_name"] == w.utama.name


def test_overdue_pages_and_unit(scenario):
    w = scenario.world
    page = overdue_cases(w.agency, AT, limit=1, offset=1)
    assert page["count"] == 2 and [r["id"] for r in page["results"]] == [scenario.r5.pk]
    assert overdue_cases(w.agency, AT, unit=w.pelaksana)["count"] == 0
    other = overdue_cases(w.other_agency, AT)
    assert [r["id"] for r in other["results"]] == [scenario.r7.pk]  # each agency sees only its own
    assert overdue_cases(w.agency, AT, limit=10, offset=5)["results"] == []


def test_an_objection_past_its_30_days_is_overdue(scenario):
    w = scenario.world
    due = scenario.o2.due_date
    later = dt.datetime.combine(due + dt.timedelta(days=1), dt.time(10), tzinfo=WIB)
    data = overdue_cases(w.agency, later)
    objection = next(r for r in data["results"] if r["kind"] == "objection")
    assert (objection["id"], objection["clock"], objection["unit"]) == (
        scenario.o2.pk,
        "objection_response",
        w.pelaksana.pk,
    )
    assert _units(compliance_by_unit(w.agency, later))[w.pelaksana.pk]["objections_overdue"] == 1


def test_a_paused_clock_is_not_overdue(scenario):
    w = scenario.world
    with at(2026, 4, 2, 10):
        s.information_request_process(request_id=scenario.r5.pk, actor=w.officer)
        s.information_request_ask_clarification(
            request_id=scenario.r5.pk, actor=w.officer, message="Yang mana?"
        )
    assert overdue_cases(w.agency, AT)["by_kind"]["request"] == 1  # the agency does not pause: still late
    w.agency.pause_on_clarification = True
    w.agency.save()
    assert overdue_cases(w.agency, AT)["by_kind"]["request"] == 0
    assert _units(compliance_by_unit(w.agency, AT))[w.utama.pk]["overdue"] == 0
