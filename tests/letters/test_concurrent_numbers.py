"""Must show (issue 17): 50 letters issued at once in one unit get 50 distinct, gapless numbers; a letter whose
case transaction fails takes no number with it. PostgreSQL only (row locks; required in CI)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections, transaction

from audit.models import Event
from letters.kinds import LetterKind
from letters.models import IssuedLetter
from letters.services import letter_issue

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


class Rollback(Exception):
    pass


def test_fifty_concurrent_issues_in_one_unit_get_distinct_gapless_numbers(world, file_request):
    request = file_request(unit=world.pelaksana)
    unit = world.pelaksana
    before = set(IssuedLetter.objects.filter(unit=unit).values_list("sequence", flat=True))
    workers = 55
    failing = {7, 19, 23, 38, 51}  # their case transaction fails after the number was taken
    start = threading.Barrier(workers)

    def issue(i):
        try:
            start.wait()
            with transaction.atomic():
                letter = letter_issue(
                    kind=LetterKind.NOTICE,
                    case=request,
                    unit=unit,
                    prepared_by=world.pelaksana_officer,
                    recipient="Siti",
                )
                if i in failing:
                    raise Rollback
            return letter.sequence
        except Rollback:
            return None
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        sequences = [seq for seq in pool.map(issue, range(workers)) if seq is not None]

    assert len(sequences) == 50
    stored = IssuedLetter.objects.filter(unit=unit, kind=LetterKind.NOTICE)
    numbers = list(stored.values_list("number", flat=True))
    assert len(set(numbers)) == 50
    everything = sorted(before | set(stored.values_list("sequence", flat=True)))
    assert everything == list(range(1, len(everything) + 1))  # no gap, not even where a transaction failed
    assert sorted(sequences) == everything[len(before) :]
    assert Event.objects.filter(action="letter.issued", details__kind=LetterKind.NOTICE).count() == 50
