"""The IKM (PermenPANRB 14/2017) against a hand-computed example, and the grades at their band edges."""

from decimal import Decimal

import pytest

from skm.ikm import compute, grade_for, ikm_table
from skm.models import CaseKind, SurveyResponse

# Three respondents; per element: u1 4+3+4=11, u2 4+3+3=10, u3 3+3+2=8, u4 3+2+4=9, u5 4+4+3=11, u6 4+3+4=11,
# u7 4+4+4=12, u8 3+3+2=8, u9 3+3+3=9. Element means 11/3, 10/3, 8/3, 3, 11/3, 11/3, 4, 8/3, 3; index = the sum
# of the means / 9 = 89/27 = 3.2963; IKM = 3.2963 × 25 = 82.41, grade B (76.61-88.30).
SHEETS = [
    (4, 4, 3, 3, 4, 4, 4, 3, 3),
    (3, 3, 3, 2, 4, 3, 4, 3, 3),
    (4, 3, 2, 4, 3, 4, 4, 2, 3),
]


def _add(world, unit, answers, *, year=2026, semester=1):
    SurveyResponse.objects.create(
        agency=world.agency,
        unit=unit,
        case_kind=CaseKind.REQUEST,
        year=year,
        semester=semester,
        **{f"u{n}": a for n, a in enumerate(answers, start=1)},
    )


def test_worked_example():
    sums = tuple(sum(sheet[i] for sheet in SHEETS) for i in range(9))
    assert sums == (11, 10, 8, 9, 11, 11, 12, 8, 9)
    means, index, ikm = compute(3, sums)
    assert means[6] == 4 and means[2].quantize(Decimal("0.0001")) == Decimal("2.6667")
    assert index.quantize(Decimal("0.0001")) == Decimal("3.2963")
    assert ikm.quantize(Decimal("0.01")) == Decimal("82.41")
    assert grade_for(ikm) == ("B", "Baik")


def test_table_per_unit_and_semester_with_agency_total(world):
    for sheet in SHEETS:
        _add(world, world.utama, sheet)
    _add(world, world.pelaksana, (1,) * 9)
    _add(world, world.pelaksana, (4,) * 9, semester=2)
    rows = [
        (r.unit_name, r.year, r.semester, r.respondents, str(r.ikm.quantize(Decimal("0.01"))), r.grade)
        for r in ikm_table(world.agency)
    ]
    assert rows == [
        ("Seluruh unit", 2026, 2, 1, "100.00", "A"),
        (world.pelaksana.name, 2026, 2, 1, "100.00", "A"),
        # The total of semester 1: (89 + 9) / (4 × 9) × 25 = 68.06, C.
        ("Seluruh unit", 2026, 1, 4, "68.06", "C"),
        (world.pelaksana.name, 2026, 1, 1, "25.00", "D"),
        (world.utama.name, 2026, 1, 3, "82.41", "B"),
    ]
    assert [r.unit_name for r in ikm_table(world.agency, semester=2)] == [
        "Seluruh unit",
        world.pelaksana.name,
    ]
    assert ikm_table(world.other_agency) == []
    assert all(r.small_sample for r in ikm_table(world.agency))


@pytest.mark.parametrize(
    ("ikm", "grade"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.305", "A"),  # rounds to 88.31
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_grades_at_the_band_edges(ikm, grade):
    assert grade_for(Decimal(ikm))[0] == grade


def test_index_band_edges_from_answers():
    # All nine elements at 4: index 4, IKM 100; all at 1: index 1, IKM 25.
    assert compute(2, (8,) * 9)[2] == 100
    assert compute(2, (2,) * 9)[2] == 25
