"""The Indeks Kepuasan Masyarakat (PermenPANRB 14/2017): per unit and semester, and the agency's total.

Each element's mean (nilai rata-rata unsur) is its answers' sum over the respondents; the index (nilai
interval) is the sum of the element means each weighted 1/9; the IKM is the index × 25. The grade follows
the IKM rounded to two decimals: 25.00-64.99 D, 65.00-76.60 C, 76.61-88.30 B, 88.31-100.00 A. Exact
fractions throughout (sums and counts from the database, no floats), so the band edges hold to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency

from .models import ELEMENT_CODES, SurveyResponse

WEIGHT = Fraction(1, len(ELEMENT_CODES))
CONVERSION = Fraction(25)
# Below this many respondents a unit's figure is shown with a warning (a sample too small to generalise).
SMALL_SAMPLE = 30

GRADES: tuple[tuple[Decimal, str, Any], ...] = (
    (Decimal("88.31"), "A", _("Sangat baik")),
    (Decimal("76.61"), "B", _("Baik")),
    (Decimal("65.00"), "C", _("Kurang baik")),
    (Decimal("25.00"), "D", _("Tidak baik")),
)

DEFINITION = _(
    "Indeks Kepuasan Masyarakat (IKM) menurut PermenPANRB 14/2017: setiap responden menilai sembilan unsur "
    "pelayanan dengan skala 1 sampai 4. Nilai rata-rata tiap unsur dikalikan bobot 1/9 lalu dijumlahkan "
    "menjadi nilai indeks (1,00 sampai 4,00); IKM adalah nilai indeks dikali 25. Mutu pelayanan: "
    "88,31-100,00 A (sangat baik), 76,61-88,30 B (baik), 65,00-76,60 C (kurang baik), 25,00-64,99 D "
    "(tidak baik). Responden tidak dapat dikenali: hasil survei tidak terhubung dengan permohonan, "
    "keberatan, pengaduan, atau orang yang mengisinya."
)
SMALL_SAMPLE_WARNING = _("Responden masih sedikit (kurang dari %(n)s): hasil belum dapat digeneralisasi.")

CENT = Decimal("0.01")


def grade_for(ikm: Decimal) -> tuple[str, str]:
    """The grade code and its label for an IKM (rounded to two decimals first)."""
    value = ikm.quantize(CENT, rounding=ROUND_HALF_UP)
    for floor, code, label in GRADES:
        if value >= floor:
            return code, str(label)
    return "D", str(GRADES[-1][2])


@dataclass(frozen=True)
class IkmRow:
    """One line of the IKM table: a unit (or the agency's total, `unit_id` None) in one semester."""

    unit_id: int | None
    unit_name: str
    year: int
    semester: int
    respondents: int
    element_means: tuple[Decimal, ...]
    index: Decimal
    ikm: Decimal
    grade: str
    grade_label: str

    @property
    def small_sample(self) -> bool:
        return self.respondents < SMALL_SAMPLE

    def as_dict(self) -> dict[str, Any]:
        return {
            "unit_id": self.unit_id,
            "unit": self.unit_name,
            "year": self.year,
            "semester": self.semester,
            "respondents": self.respondents,
            "element_means": {
                code: str(mean.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))
                for code, mean in zip(ELEMENT_CODES, self.element_means, strict=True)
            },
            "index": str(self.index.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)),
            "ikm": str(self.ikm.quantize(CENT, rounding=ROUND_HALF_UP)),
            "grade": self.grade,
            "grade_label": self.grade_label,
            "small_sample": self.small_sample,
        }


def compute(respondents: int, sums: tuple[int, ...]) -> tuple[tuple[Decimal, ...], Decimal, Decimal]:
    """The element means, the index and the IKM from the respondents' count and each element's sum."""
    means = tuple(Fraction(total, respondents) for total in sums)
    index = sum((mean * WEIGHT for mean in means), Fraction(0))
    return tuple(_decimal(mean) for mean in means), _decimal(index), _decimal(index * CONVERSION)


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _row(unit_id: int | None, unit_name: str, year: int, semester: int, values: dict[str, Any]) -> IkmRow:
    respondents = int(values["respondents"])
    means, index, ikm = compute(respondents, tuple(int(values[f"sum_{code}"]) for code in ELEMENT_CODES))
    grade, label = grade_for(ikm)
    return IkmRow(unit_id, unit_name, year, semester, respondents, means, index, ikm, grade, label)


def _sums() -> dict[str, Any]:
    return {f"sum_{code}": Sum(code) for code in ELEMENT_CODES}


def ikm_table(agency: Agency, *, year: int | None = None, semester: int | None = None) -> list[IkmRow]:
    """Per semester (newest first): the agency's total row, then one row per unit with respondents."""
    responses: QuerySet[SurveyResponse] = SurveyResponse.objects.filter(agency=agency)
    if year is not None:
        responses = responses.filter(year=year)
    if semester is not None:
        responses = responses.filter(semester=semester)
    per_unit = (
        responses.values("year", "semester", "unit_id", "unit__name")
        .annotate(respondents=Count("id"), **_sums())
        .order_by("-year", "-semester", "unit__name", "unit_id")
    )
    totals = {
        (t["year"], t["semester"]): t
        for t in responses.values("year", "semester").annotate(respondents=Count("id"), **_sums()).order_by()
    }
    rows: list[IkmRow] = []
    period: tuple[int, int] | None = None
    for values in per_unit:
        key = (values["year"], values["semester"])
        if key != period:
            period = key
            rows.append(_row(None, str(_("Seluruh unit")), key[0], key[1], totals[key]))
        rows.append(_row(values["unit_id"], values["unit__name"], key[0], key[1], values))
    return rows


CSV_HEADER: tuple[str, ...] = (
    "year",
    "semester",
    "unit",
    "respondents",
    *ELEMENT_CODES,
    "index",
    "ikm",
    "grade",
)


def csv_labels() -> dict[str, str]:
    """The Indonesian words over the CSV's codes (the spreadsheet form)."""
    from .models import ELEMENTS

    return {
        "year": str(_("Tahun")),
        "semester": str(_("Semester")),
        "unit": str(_("Unit")),
        "respondents": str(_("Jumlah responden")),
        **{code: str(name) for code, name, _question in ELEMENTS},
        "index": str(_("Nilai indeks")),
        "ikm": str(_("IKM")),
        "grade": str(_("Mutu pelayanan")),
    }


def csv_rows(rows: list[IkmRow]) -> list[list[object]]:
    """The IKM table as CSV rows: the header of codes, then one row per unit (or total) and semester."""
    out: list[list[object]] = [list(CSV_HEADER)]
    for row in rows:
        data = row.as_dict()
        out.append(
            [
                row.year,
                row.semester,
                row.unit_name,
                row.respondents,
                *(Decimal(data["element_means"][code]) for code in ELEMENT_CODES),
                Decimal(data["index"]),
                Decimal(data["ikm"]),
                row.grade,
            ]
        )
    return out


def suggestions_for_staff(agency: Agency, *, limit: int = 50) -> list[dict[str, Any]]:
    """The suggestions of the newest semesters, for the agency's auditors only (never a public page): unit,
    semester and text, no case and no person; within a semester in the random order of their keys."""
    return list(
        SurveyResponse.objects.filter(agency=agency)
        .exclude(suggestion="")
        .order_by("-year", "-semester", "id")
        .values("year", "semester", "unit__name", "suggestion")[:limit]
    )
