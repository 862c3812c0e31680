"""Issue 14 point 8: the annual report's figures as the law reads them."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ppid import services as s
from transparency.report import annual_report_data
from transparency.statistics import request_statistics

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date
AT = dt.datetime(2026, 12, 1, 12, tzinfo=WIB)


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


@pytest.fixture
def year(world, file_request):
    """Three requests of Monday 2 November 2026 (due 16 November): one answered late on the 18th without an
    extension, one extended and answered the same day, one granted in part citing Pasal 17 b; an objection to the
    partial grant, upheld, and a dispute the Komisi Informasi registered on 1 December (no mediation yet)."""
    with at(2026, 11, 2, 10):
        late, extended, partial = file_request(), file_request(), file_request()
    with at(2026, 11, 4, 10):
        for r in (late, extended, partial):
            s.information_request_process(request_id=r.pk, actor=world.officer)
        s.information_request_respond(
            request_id=partial.pk,
            actor=world.officer,
            decision="partially_granted",
            exemption_grounds=["b"],
            consequence_test="Rahasia dagang pihak ketiga",
            provided_information="Ringkasan",
            redactions="Lampiran harga",
        )
        s.information_request_extend(
            request_id=extended.pk, actor=world.officer, reason="Dokumen di gudang arsip"
        )
    with at(2026, 11, 5, 10):
        objection = s.objection_file(
            requester=world.citizen, request_id=partial.pk, grounds=["a"], reason="Saya keberatan"
        )
    with at(2026, 11, 18, 10):
        for r in (late, extended):
            s.information_request_respond(
                request_id=r.pk, actor=world.officer, decision="granted", provided_information="Salinan"
            )
    with at(2026, 11, 20, 10):
        s.objection_decide(objection_id=objection.pk, actor=world.atasan, outcome="upheld", reasons="Alasan")
    with at(2026, 12, 1, 10):
        s.dispute_register(
            objection_id=objection.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="010/XII/KI-JBR-PS/2026",
            filed_on=D(2026, 12, 1),
        )
    return world


def figures(world):
    return request_statistics(world.agency, start=D(2026, 1, 1), end=D(2026, 12, 31), at=AT, source="live")[
        "figures"
    ]


def test_within_17_working_days_counts_only_extended_requests(year):
    time = figures(year)["requests"]["response_time"]
    assert time["within_10"] == 1  # the partial grant, on 4 November
    assert time["within_17"] == 1  # the extended one; the late one was never extended
    assert time["within_17_share"] == 1.0


def test_requests_late_against_their_own_due_date_are_counted(year):
    timeliness = figures(year)["requests"]["notice_timeliness"]
    assert timeliness == {"on_time": 2, "late": 1, "pending": 0, "not_applicable": 0}


def test_exemption_grounds_of_partial_grants_count_with_refusals_in_the_report(year):
    report = annual_report_data(year.agency, 2026, at=AT)
    c = report["sections"]["c"]
    assert c["refused"]["count"] == 0
    assert {k: v for k, v in c["refused"]["by_ground"].items() if v} == {"b": 1}
    assert c["notice_timeliness"]["late"] == 1


def test_a_dispute_registered_today_is_not_yet_without_mediation(year):
    mediation = figures(year)["disputes"]["mediation"]
    assert mediation["none"] == 0 and mediation["pending"] == 1


def test_received_objections_are_not_labelled_like_granted_ones(year):
    from transparency.definitions import DEFINITIONS

    labels = {str(label) for label, _text in DEFINITIONS.values()}
    assert "Keberatan diterima" not in labels
    assert "Keberatan masuk" in labels
