"""Races that only a real database with row locks can show. PostgreSQL only (required in CI)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from audit.models import Event
from ppid import services as s
from ppid.errors import InvalidTransition
from ppid.models import InformationRequest, RequestState
from tests.factories import CitizenProfileFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _in_thread(fn):
    """Run fn in a worker thread with its own connection, closed afterwards."""

    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        finally:
            connections.close_all()

    return wrapper


def test_fifty_concurrent_filings_get_unique_gapless_numbers(world):
    citizens = [CitizenProfileFactory(user__username=f"warga{i}").user for i in range(50)]
    start = threading.Barrier(50)

    @_in_thread
    def file(user):
        start.wait()
        return s.information_request_file(
            requester=user,
            agency=world.agency,
            information_requested="Data",
            purpose="Riset",
            obtain_method="softcopy",
            delivery_method="email",
        ).registration_sequence

    with ThreadPoolExecutor(max_workers=50) as pool:
        sequences = list(pool.map(file, citizens))
    assert sorted(sequences) == list(range(1, 51))
    numbers = list(InformationRequest.objects.values_list("registration_number", flat=True))
    assert len(set(numbers)) == 50
    assert Event.objects.filter(action="request.registered").count() == 50


def test_the_same_submission_sent_twice_at_once_creates_one_request(world):
    key = "5f0b7a57-4d0e-4b4b-8a5c-22e4f3f1e0aa"
    start = threading.Barrier(2)

    @_in_thread
    def file(_):
        start.wait()
        return s.information_request_file(
            requester=world.citizen,
            agency=world.agency,
            information_requested="Data",
            purpose="Riset",
            obtain_method="softcopy",
            delivery_method="email",
            submission_key=key,
        ).pk

    with ThreadPoolExecutor(max_workers=2) as pool:
        ids = list(pool.map(file, range(2)))
    assert ids[0] == ids[1]
    assert InformationRequest.objects.count() == 1
    # The loser's number was rolled back with it: the next filing continues without a gap.
    nxt = s.information_request_file(
        requester=world.citizen,
        agency=world.agency,
        information_requested="Data",
        purpose="Riset",
        obtain_method="softcopy",
        delivery_method="email",
    )
    assert nxt.registration_sequence == 2


def test_two_officers_acting_at_once_one_wins_and_one_gets_a_clear_message(world, file_request):
    request = file_request()
    start = threading.Barrier(2)

    @_in_thread
    def take_up(officer):
        start.wait()
        try:
            s.information_request_process(request_id=request.pk, actor=officer)
            return "ok"
        except InvalidTransition as exc:
            return exc.message

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(take_up, [world.officer, world.head]))
    assert outcomes.count("ok") == 1
    loser = next(o for o in outcomes if o != "ok")
    assert "petugas lain" in loser
    assert InformationRequest.objects.get(pk=request.pk).state == RequestState.IN_PROCESS
    assert Event.objects.for_object(request).filter(action="request.process").count() == 1
