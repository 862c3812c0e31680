"""The fast paths against a plain recount: the live statistics against a naive loop over the cases, and the
materialised summary against the live statistics, over a random mix of cases in two time zones."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.fixtures.scenario import AT
from tests.transparency.recount import build, recount_complaints, recount_requests
from transparency.models import SummaryRefresh, SummaryRow
from transparency.statistics import complaint_statistics, request_statistics
from transparency.summary import refresh_all, refresh_summary

D = dt.date
PERIODS = [
    (D(2026, 1, 1), D(2026, 12, 31)),
    (D(2025, 12, 1), D(2026, 3, 15)),
    (D(2026, 2, 27), D(2026, 2, 27)),
]


@pytest.fixture
def mixed(world):
    wita = build(world)
    return world, wita


def _nonzero(group: dict) -> dict:
    return {k: v for k, v in group.items() if v}


def _scopes(world, wita):
    return [
        ([world.agency], world.agency, None),
        ([wita], wita, None),
        ([world.agency, wita, world.other_agency], None, None),
        ([world.agency], world.agency, world.pelaksana),
    ]


def test_live_statistics_equal_a_plain_recount(mixed):
    world, wita = mixed
    for agencies, agency, unit in _scopes(world, wita):
        for start, end in PERIODS:
            stats = request_statistics(agency, unit, start=start, end=end, at=AT, source="live")["figures"]
            expected = recount_requests(agencies, unit, start, end, AT)
            req = stats["requests"]
            label = (agency and agency.slug, unit and unit.pk, start, end)
            assert req["received"] == expected["received"], label
            assert _nonzero(req["by_state"]) == expected["by_state"], label
            assert req["pending_past_due"] == expected["pending_past_due"], label
            assert req["answered"] == expected["answered"], label
            assert _nonzero(req["decisions"]) == expected["decisions"], label
            assert _nonzero(req["refusal_grounds"]) == expected["refusal_grounds"], label
            assert _nonzero(req["partial_grounds"]) == expected["partial_grounds"], label
            assert req["extensions"] == expected["extensions"], label
            time = {k: req["response_time"][k] for k in expected["response_time"]}
            assert time == expected["response_time"], label
            objections = stats["objections"]
            assert objections["received"] == expected["objections"]["received"], label
            assert _nonzero(objections["by_ground"]) == expected["objections"]["by_ground"], label
            assert _nonzero(objections["by_outcome"]) == expected["objections"]["by_outcome"], label
            assert (
                _nonzero(objections["response_timeliness"]) == expected["objections"]["response_timeliness"]
            )
            assert _nonzero(stats["disputes"]["by_result"]) == expected["disputes"], label

            cmp = complaint_statistics(agency, unit, start=start, end=end, at=AT, source="live")["figures"]
            cmp = cmp["complaints"]
            expected = recount_complaints(agencies, unit, start, end, AT)
            assert _nonzero(cmp["by_category"]) == expected["category"], label
            assert _nonzero(cmp["by_state"]) == expected["state"], label
            for clock in ("verification", "followup", "resolution"):
                counts = {k: v for k, v in cmp[clock].items() if k != "on_time_share" and v}
                assert counts == expected[clock], (label, clock)
            assert _nonzero(cmp["rating"]["by_score"]) == expected["rating"], label


def test_the_summary_gives_the_live_figures(mixed):
    world, wita = mixed
    refreshes = refresh_all(at=AT)
    assert {r.agency_id for r in refreshes} == {world.agency.pk, wita.pk, world.other_agency.pk}
    for _agencies, agency, unit in _scopes(world, wita):
        for start, end in PERIODS:
            for compute in (request_statistics, complaint_statistics):
                live = compute(agency, unit, start=start, end=end, at=AT, source="live")
                summary = compute(agency, unit, start=start, end=end, at=AT, source="summary")
                assert summary["source"] == "summary" and dt.datetime.fromisoformat(summary["as_of"]) == AT
                assert summary["figures"] == live["figures"], (compute.__name__, agency, unit, start, end)
                assert summary["by_month"] == live["by_month"]


def test_the_summary_of_the_scenario_is_as_of_its_refresh(scenario):
    """Figures are as of the refresh: what happens afterwards shows only after the next one."""
    w = scenario.world
    refresh_summary(agency=w.agency, at=AT)
    before = request_statistics(w.agency, start=D(2026, 1, 1), end=D(2026, 12, 31), source="summary")
    assert before["figures"]["requests"]["received"] == 7
    assert before["figures"]["requests"]["pending_past_due"] == 1
    assert dt.datetime.fromisoformat(before["as_of"]) == AT
    days = SummaryRow.objects.filter(agency=w.agency, monthly=False)
    assert days.filter(unit__isnull=True).count() == len({r.day for r in days})  # one agency row per day
    months = SummaryRow.objects.filter(agency=w.agency, monthly=True, unit__isnull=True)
    assert sorted(m.day for m in months) == [D(2026, 3, 1), D(2026, 4, 1), D(2026, 5, 1)]
    april = months.get(day=D(2026, 4, 1)).counts
    assert (april["req|received"], april["obj|received"], april["cmp|received"]) == (2, 2, 2)
    rows = SummaryRow.objects.filter(agency=w.agency)
    assert SummaryRefresh.objects.get(agency=w.agency).rows == rows.count()


def test_auto_uses_a_fresh_summary_and_falls_back_to_live(scenario):
    w = scenario.world
    year = {"start": D(2026, 1, 1), "end": D(2026, 12, 31)}
    assert request_statistics(w.agency, **year, at=AT)["source"] == "live"  # no summary yet
    with pytest.raises(LookupError):
        request_statistics(w.agency, **year, at=AT, source="summary")
    refresh_summary(agency=w.agency, at=AT)
    assert request_statistics(w.agency, **year, at=AT + dt.timedelta(hours=1))["source"] == "summary"
    assert request_statistics(w.agency, **year, at=AT + dt.timedelta(days=2))["source"] == "live"  # stale
    with override_settings(TRANSPARENCY_SUMMARY_MAX_AGE_SECONDS=7 * 86400):
        assert request_statistics(w.agency, **year, at=AT + dt.timedelta(days=2))["source"] == "summary"
    # All agencies: only when every agency has a summary.
    assert request_statistics(None, **year, at=AT)["source"] == "live"
    with pytest.raises(ValueError, match="source"):
        request_statistics(w.agency, **year, at=AT, source="cache")


def test_a_second_refresh_replaces_the_rows(scenario):
    w = scenario.world
    refresh_summary(agency=w.agency, at=AT)
    first = SummaryRow.objects.filter(agency=w.agency).count()
    refresh_summary(agency=w.agency, at=AT + dt.timedelta(days=1))
    assert SummaryRow.objects.filter(agency=w.agency).count() == first
    assert SummaryRefresh.objects.get(agency=w.agency).refreshed_at == AT + dt.timedelta(days=1)


def test_the_command_refreshes_and_stores_only_codes(scenario, capsys):
    w = scenario.world
    call_command("refresh_transparency_summary", "--agency", w.agency.slug)
    assert f"{w.agency.slug}:" in capsys.readouterr().out
    key = re.compile(r"^(req|obj|dsp|cmp)(\|[a-z0-9_]+)+$")
    for counts in SummaryRow.objects.values_list("counts", flat=True):
        assert all(key.match(k) and isinstance(v, int) for k, v in counts.items()), counts
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("refresh_transparency_summary", "--agency", "tidak-ada")
