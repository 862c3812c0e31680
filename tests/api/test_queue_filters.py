"""Issue 16 point 7: every filter of GET /api/v1/requests/ (the same `ppid.selectors.filter_request_queue` the queue
page uses): state, unit, assigned_to, due_soon, overdue, channel, received_after/before, q and ordering."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ppid import services as s

WIB = ZoneInfo("Asia/Jakarta")
MONDAY = dt.datetime(2026, 7, 6, 10, 0, tzinfo=WIB)
URL = "/api/v1/requests/"


@pytest.fixture
def three(world, file_request):
    """An Utama request filed on Monday, a Dinas Kesehatan one a week later, a walk-in one two weeks later."""
    with time_machine.travel(MONDAY, tick=False):
        first = file_request(information_requested="Anggaran 2025")
    with time_machine.travel(MONDAY + dt.timedelta(days=7), tick=False):
        second = file_request(unit=world.pelaksana, information_requested="Data stunting")
    with time_machine.travel(MONDAY + dt.timedelta(days=14), tick=False):
        third = s.information_request_register_offline(
            officer=world.officer,
            agency=world.agency,
            channel="walk_in",
            received_at=MONDAY + dt.timedelta(days=14),
            requester={
                "requester_type": "individual",
                "name": "Ujang",
                "nik": "3273015505900001",
                "address": "Jl. Braga 5",
                "phone": "081234567890",
            },
            information_requested="Izin lingkungan",
            purpose="Advokasi",
            obtain_method="hardcopy",
            delivery_method="pickup",
            unit=None,
        )
        s.information_request_claim(request_id=third.pk, actor=world.officer)
        s.information_request_process(request_id=second.pk, actor=world.officer)
    return first, second, third


def ids(resp) -> list[int]:
    assert resp.status_code == 200, resp.content
    return [row["id"] for row in resp.json()["results"]]


def test_each_filter_narrows_the_staff_list(api, world, three):
    first, second, third = three
    client = api(world.officer)
    with time_machine.travel(MONDAY + dt.timedelta(days=14, hours=1), tick=False):
        assert ids(client.get(URL)) == [first.pk, second.pk, third.pk]  # due date first
        assert ids(client.get(URL, {"state": "in_process"})) == [second.pk]
        assert ids(client.get(URL, {"unit": world.pelaksana.pk})) == [second.pk]
        assert ids(client.get(URL, {"assigned_to": "me"})) == [third.pk]
        assert ids(client.get(URL, {"assigned_to": world.officer.pk})) == [third.pk]
        assert ids(client.get(URL, {"assigned_to": "none"})) == [first.pk, second.pk]
        assert ids(client.get(URL, {"channel": "walk_in"})) == [third.pk]
        assert ids(client.get(URL, {"received_after": "2026-07-13"})) == [second.pk, third.pk]
        assert ids(client.get(URL, {"received_before": "2026-07-13"})) == [first.pk, second.pk]
        assert ids(client.get(URL, {"received_after": "2026-07-14", "received_before": "2026-07-19"})) == []
        assert ids(client.get(URL, {"q": "stunting"})) == [second.pk]
        # 6 July + 10 working days = 20 July: overdue from 21 July; due soon within 3 working days of 20 July.
        assert ids(client.get(URL, {"overdue": "true"})) == []
        assert ids(client.get(URL, {"due_soon": "true"})) == [first.pk]
    with time_machine.travel(dt.datetime(2026, 7, 21, 9, 0, tzinfo=WIB), tick=False):
        assert ids(client.get(URL, {"overdue": "true"})) == [first.pk]
        assert ids(client.get(URL, {"overdue": "false"})) == [second.pk, third.pk]


def test_ordering_by_number_and_by_assignee(api, world, three):
    first, second, third = three
    client = api(world.officer)
    assert ids(client.get(URL, {"ordering": "-registration_number"})) == [third.pk, second.pk, first.pk]
    assert ids(client.get(URL, {"ordering": "registration_number"})) == [first.pk, second.pk, third.pk]
    assert ids(client.get(URL, {"ordering": "-received_at"})) == [third.pk, second.pk, first.pk]
    # Nobody's cases first: they wait for someone.
    assert ids(client.get(URL, {"ordering": "assigned_to"})) == [first.pk, second.pk, third.pk]
    assert ids(client.get(URL, {"ordering": "-assigned_to"}))[0] == third.pk


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("assigned_to", "someone"),
        ("state", "lost"),
        ("channel", "pigeon"),
        ("received_after", "06-07-2026"),
        ("ordering", "requester_name"),
        ("unit", "0"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(api, world, param, value):
    resp = api(world.officer).get(URL, {param: value})
    assert resp.status_code == 400 and param in resp.json()["errors"], resp.json()


def test_a_pelaksana_officer_filters_only_within_their_unit(api, world, three):
    first, second, third = three
    client = api(world.pelaksana_officer)
    assert ids(client.get(URL)) == [second.pk]
    assert ids(client.get(URL, {"unit": world.utama.pk})) == []
    assert ids(client.get(URL, {"q": "Anggaran"})) == []
