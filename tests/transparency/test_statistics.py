"""Every figure of the statistics against the scenario of tests/fixtures/scenario.py, worked out by hand there."""

import datetime as dt
import json
import random

import pytest

from ppid.models import InformationRequest
from tests.fixtures.scenario import AT
from transparency.definitions import DEFINITIONS, definition_for
from transparency.statistics import complaint_statistics, nearest_rank, request_statistics
from transparency.workdays import WorkingDayIndex, working_day_index
from workcalendar.calendar import WorkingCalendar
from workcalendar.models import Holiday

D = dt.date
YEAR = {"start": D(2026, 1, 1), "end": D(2026, 12, 31)}


def requests_of(world, **kwargs):
    return request_statistics(world.agency, **{**YEAR, "at": AT, "source": "live", **kwargs})


def complaints_of(world, **kwargs):
    return complaint_statistics(world.agency, **{**YEAR, "at": AT, "source": "live", **kwargs})


# --- requests -------------------------------------------------------------------------------------------------
def test_request_counts_states_and_decisions(scenario):
    figures = requests_of(scenario.world)["figures"]["requests"]
    assert figures["received"] == 7  # r1-r6 and r8; r7 belongs to the other agency
    assert figures["by_state"] == {
        "registered": 2,  # r5, r8
        "awaiting_clarification": 0,
        "in_process": 0,
        "responded": 3,  # r2, r3, r6
        "completed": 1,  # r1
        "withdrawn": 1,  # r4
    }
    assert (figures["pending"], figures["pending_past_due"]) == (2, 1)  # r5 was due 16 April; r8 is new
    assert (figures["answered"], figures["completed"], figures["withdrawn"]) == (4, 1, 1)
    assert figures["by_channel"]["online"] == 7
    assert figures["decisions"] == {
        "granted": 1,
        "partially_granted": 1,
        "rejected": 1,
        "not_held": 1,
        "not_documented": 0,
        "already_published": 0,
    }
    assert figures["granted_whole_or_part"] == 2
    assert figures["answered_from_register"] == 0
    assert {k: v for k, v in figures["refusal_grounds"].items() if v} == {"a": 1, "h": 1}
    assert {k: v for k, v in figures["partial_grounds"].items() if v} == {"h": 1}
    assert set(figures["refusal_grounds"]) == set("abcdefghij")
    assert (figures["extensions"], figures["extension_share"]) == (1, 0.1429)  # 1 of 7


def test_response_time_in_working_days(scenario):
    """Working days from receipt to notice: r1 3, r2 10, r6 11, r3 17 (sorted)."""
    time = requests_of(scenario.world)["figures"]["requests"]["response_time"]
    assert (time["count"], time["median"], time["p90"], time["max"]) == (4, 10, 17, 17)
    # Within 10: r1 and r2, of the 4 answered plus r5, unanswered and 21 working days old (r8 is 0 days old).
    assert (time["within_10"], time["within_10_share"]) == (2, 0.4)
    # Within 17 (with extension) counts extended requests only: r3, the one extended, at 17 working days.
    assert (time["within_17"], time["within_17_share"]) == (1, 1.0)
    assert time["bands"] == {"0-5": 1, "6-10": 1, "11-17": 2, ">17": 0}
    assert time["by_decision"]["granted"] == {"count": 1, "median": 3, "p90": 3, "max": 3}
    assert time["by_decision"]["partially_granted"] == {"count": 1, "median": 17, "p90": 17, "max": 17}
    assert time["by_decision"]["not_held"]["median"] == 11
    assert time["by_decision"]["not_documented"] == {"count": 0, "median": None, "p90": None, "max": None}


def test_objections_and_disputes(scenario):
    figures = requests_of(scenario.world)["figures"]
    objections, disputes = figures["objections"], figures["disputes"]
    assert objections["received"] == 2
    assert {k: v for k, v in objections["by_ground"].items() if v} == {"a": 1, "d": 1, "g": 1}
    assert objections["by_outcome"] == {"granted": 0, "upheld": 1, "inadmissible": 0, "partially_granted": 0}
    assert objections["by_state"] == {"registered": 1, "under_review": 0, "decided": 1, "withdrawn": 0}
    assert objections["response_timeliness"] == {"on_time": 1, "late": 0, "pending": 1, "not_applicable": 0}
    assert objections["on_time_share"] == 1.0
    assert objections["settled_by_agreement"] == 0
    assert disputes["filed"] == 1
    assert disputes["by_result"]["agency_won"] == 1 and sum(disputes["by_result"].values()) == 1
    assert disputes["mediation"] == {"agreed": 0, "failed": 1, "none": 0, "pending": 0}
    assert (disputes["decided"], disputes["complied"], disputes["kasasi_filed"]) == (1, 0, 0)
    assert disputes["appeals"] == {"ptun": 0, "pn": 0}


def test_by_month(scenario):
    stats = requests_of(scenario.world)
    months = {m["month"]: m["figures"] for m in stats["by_month"]}
    assert list(months) == [f"2026-{m:02d}" for m in range(1, 13)]
    march, april, may = (
        months["2026-03"]["requests"],
        months["2026-04"]["requests"],
        months["2026-05"]["requests"],
    )
    assert (march["received"], april["received"], may["received"]) == (4, 2, 1)
    # March: r1 3, r2 10, r3 17 working days.
    assert (march["response_time"]["median"], march["response_time"]["max"]) == (10, 17)
    assert (march["response_time"]["within_10"], march["response_time"]["within_10_share"]) == (2, 0.6667)
    # April: r6 11 working days; r5 unanswered and past 17 working days; neither extended.
    assert april["response_time"]["within_17_share"] is None
    assert april["pending_past_due"] == 1
    assert months["2026-04"]["objections"]["received"] == 2
    assert months["2026-04"]["disputes"]["filed"] == 1
    assert months["2026-01"]["requests"]["received"] == 0
    assert months["2026-01"]["requests"]["response_time"]["median"] is None
    # The months add up to the year.
    assert sum(m["requests"]["received"] for m in months.values()) == stats["figures"]["requests"]["received"]


def test_scope_unit_all_agencies_and_period(scenario):
    w = scenario.world
    unit = requests_of(w, unit=w.pelaksana)
    assert unit["scope"]["unit"] == w.pelaksana.pk
    assert unit["figures"]["requests"]["received"] == 2  # r2, r6
    assert unit["figures"]["objections"]["received"] == 2
    everyone = request_statistics(None, **YEAR, at=AT, source="live")
    assert everyone["scope"]["agency"] is None and everyone["scope"]["agencies"] == 2
    assert everyone["figures"]["requests"]["received"] == 8  # with r7 of the other agency
    march = requests_of(w, start=D(2026, 3, 13), end=D(2026, 3, 13))
    assert march["figures"]["requests"]["received"] == 3  # r1, r2, r4
    assert [m["month"] for m in march["by_month"]] == ["2026-03"]
    with pytest.raises(ValueError, match="another agency"):
        request_statistics(w.other_agency, w.pelaksana, **YEAR, at=AT)
    with pytest.raises(ValueError, match="start"):
        request_statistics(w.agency, start=D(2026, 2, 1), end=D(2026, 1, 1), at=AT)


def test_a_day_is_the_local_day_of_receipt(scenario):
    """r8 arrived at 09:00 WIB on 4 May, 02:00 UTC: it counts on 4 May, not 3 May, whatever the server zone."""
    w = scenario.world
    InformationRequest.objects.filter(pk=scenario.r8.pk).update(
        received_at=dt.datetime(2026, 5, 3, 17, 30, tzinfo=dt.UTC)
    )
    on_4_may = requests_of(w, start=D(2026, 5, 4), end=D(2026, 5, 4))
    assert on_4_may["figures"]["requests"]["received"] == 1  # 00:30 WIB on 4 May
    assert requests_of(w, start=D(2026, 5, 3), end=D(2026, 5, 3))["figures"]["requests"]["received"] == 0


# --- complaints -----------------------------------------------------------------------------------------------
def test_complaint_figures(scenario):
    figures = complaints_of(scenario.world)["figures"]["complaints"]
    assert figures["received"] == 4
    assert {k: v for k, v in figures["by_category"].items() if v} == {
        "health": 2,
        "permits": 1,
        "staff_conduct": 1,
    }
    assert figures["by_state"] == {
        "submitted": 1,
        "dispositioned": 0,
        "responded": 0,
        "completed": 2,
        "archived": 1,
    }
    assert (figures["anonymous"], figures["confidential"]) == (1, 0)
    # c1 verified 16 Mar, c3 archived at once, c4 verified at once; c2 never (due 25 Mar).
    assert figures["verification"] == {
        "on_time": 3,
        "late": 1,
        "pending": 0,
        "not_applicable": 0,
        "on_time_share": 0.75,
    }
    # c1 followed up 1 Apr (due 30 Mar), c4 on 6 Apr (due 10 Apr); c2 and c3 never reached a unit.
    assert figures["followup"] == {
        "on_time": 1,
        "late": 1,
        "pending": 0,
        "not_applicable": 2,
        "on_time_share": 0.5,
    }
    # c1 and c4 completed before their 60 days; c2 still open with 12 May ahead; c3 archived.
    assert figures["resolution"] == {
        "on_time": 2,
        "late": 0,
        "pending": 1,
        "not_applicable": 1,
        "on_time_share": 1.0,
    }
    assert figures["rating"] == {
        "count": 2,
        "average": 3.0,
        "by_score": {"1": 0, "2": 1, "3": 0, "4": 1, "5": 0},
    }


def test_complaint_clocks_move_with_time(scenario):
    """After 12 May the open anonymous complaint is past its resolution day too."""
    later = complaints_of(scenario.world, at=dt.datetime(2026, 5, 13, 9, tzinfo=AT.tzinfo))
    assert later["figures"]["complaints"]["resolution"]["late"] == 1
    months = {m["month"]: m["figures"]["complaints"] for m in later["by_month"]}
    assert (months["2026-03"]["received"], months["2026-04"]["received"]) == (2, 2)
    unit = complaints_of(scenario.world, unit=scenario.world.pelaksana)
    assert unit["figures"]["complaints"]["received"] == 2  # c1, c4 were dispositioned there


# --- definitions and shape --------------------------------------------------------------------------------------
def _leaves(figures, prefix=""):
    for key, value in figures.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}"


def test_every_figure_has_a_definition_and_is_plain_json(scenario):
    for stats in (requests_of(scenario.world), complaints_of(scenario.world)):
        assert json.loads(json.dumps(stats)) == stats
        for path in _leaves(stats["figures"]):
            key = definition_for(path)
            assert key is not None, path
            assert key in stats["definitions"], path
            assert stats["definitions"][key]["definition"]
    assert all(len(str(text)) > 20 for _label, text in DEFINITIONS.values())


def test_definitions_go_through_gettext():
    """Indonesian source text, marked for translation: rendered in the caller's language."""
    from django.utils.functional import Promise

    assert all(
        isinstance(label, Promise) and isinstance(text, Promise) for label, text in DEFINITIONS.values()
    )


# --- the arithmetic ------------------------------------------------------------------------------------------------
def test_nearest_rank_uses_integer_arithmetic():
    assert nearest_rank({}, 1, 2) is None
    assert nearest_rank({7: 1}, 9, 10) == 7
    assert nearest_rank({1: 1, 2: 1, 3: 1, 4: 1}, 1, 2) == 2  # rank ⌈4/2⌉ = 2
    # 30 values 1..30: the 90th percentile is the 27th value (0.9 * 30 in floating point is 27.000000000000004).
    assert nearest_rank({v: 1 for v in range(1, 31)}, 9, 10) == 27


@pytest.mark.parametrize("cuti_bersama_counts", [False, True])
def test_the_index_counts_like_the_calendar(world, cuti_bersama_counts):
    world.agency.cuti_bersama_agency_working_day = cuti_bersama_counts
    world.agency.save()
    index = WorkingDayIndex(world.agency, D(2026, 3, 1), D(2026, 3, 2))
    calendar = WorkingCalendar(world.agency)
    rng = random.Random(8)
    for _ in range(200):
        a = D(2025, 12, 1) + dt.timedelta(days=rng.randrange(500))
        b = a + dt.timedelta(days=rng.randrange(-5, 90))
        assert index.between(a, b) == calendar.working_days_between(a, b), (a, b)
    assert index.between(D(2026, 3, 13), D(2026, 4, 6)) == (10 if not cuti_bersama_counts else 14)


def test_the_shared_index_follows_every_change_of_the_calendar(world, django_assert_num_queries):
    first = working_day_index(world.agency, D(2026, 3, 1), D(2026, 5, 1))
    assert (first.first, first.last) == (D(2026, 1, 1), D(2026, 12, 31))  # whole years
    assert first.between(D(2026, 3, 13), D(2026, 4, 6)) == 10
    with django_assert_num_queries(1):  # the holidays of the span, nothing else
        assert working_day_index(world.agency, D(2026, 2, 1), D(2026, 4, 1)) is first
    Holiday.objects.create(date=D(2026, 3, 26), name="Hari jadi", kind="agency", agency=world.agency)
    second = working_day_index(world.agency, D(2026, 3, 1), D(2026, 5, 1))
    assert second is not first and second.between(D(2026, 3, 13), D(2026, 4, 6)) == 9
    assert (
        working_day_index(world.other_agency, D(2026, 3, 1), D(2026, 5, 1)).between(
            D(2026, 3, 13), D(2026, 4, 6)
        )
        == 10
    )  # another agency's calendar is not touched
    world.agency.cuti_bersama_agency_working_day = True
    assert (
        working_day_index(world.agency, D(2026, 3, 1), D(2026, 5, 1)).between(D(2026, 3, 13), D(2026, 4, 6))
        == 13
    )
    Holiday.objects.filter(date=D(2026, 3, 26)).update(date=D(2026, 3, 27))  # moved, same count
    world.agency.cuti_bersama_agency_working_day = False
    moved = working_day_index(world.agency, D(2026, 3, 1), D(2026, 5, 1))
    assert moved is not second and moved.between(D(2026, 3, 13), D(2026, 3, 26)) == 4
