"""Seeding the editable calendar from the `holidays` package (Indonesia: public + government categories)."""

import holidays as holidays_lib

SEED_YEARS = range(2024, 2028)
SOURCE_PREFIX = "python-holidays"
# The library marks the Islamic holidays it computes ahead of the SKB (2027 Idul Fitri, Idul Adha) so.
ESTIMATE_SUFFIX = " (perkiraan)"
ESTIMATE_DECREE_PREFIX = "PERKIRAAN pustaka python-holidays, belum dipastikan SKB: "


def decree_for(day, name: str) -> str:
    decree = (
        "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB "
        f"tentang Hari Libur Nasional dan Cuti Bersama Tahun {day.year}"
    )
    return ESTIMATE_DECREE_PREFIX + decree if name.endswith(ESTIMATE_SUFFIX) else decree


def _base(name: str) -> str:
    return name.removesuffix(ESTIMATE_SUFFIX)


def seed_holidays(holiday_model, years=SEED_YEARS) -> int:
    """Load national holidays and cuti bersama for `years`. Returns the rows created, changed or removed.

    A day the library moved (an estimate, or a newer release) replaces the seeded row of the same holiday instead
    of adding a second one: an estimate that moved must not stay a holiday. Rows an administrator entered or
    edited (another source) are left alone. Takes the model as an argument so the data migration can pass its
    historical model.
    """
    source = f"{SOURCE_PREFIX} {holidays_lib.__version__}"
    changed = 0
    for category, kind in (("public", "national"), ("government", "cuti_bersama")):
        calendar = holidays_lib.country_holidays(
            "ID", years=list(years), categories=(category,), language="id"
        )
        wanted: dict[tuple[int, str], list] = {}
        for day, names in sorted(calendar.items()):
            for name in names.split("; "):
                wanted.setdefault((day.year, _base(name)), []).append((day, name))
        for (year, base), entries in wanted.items():
            seeded = list(
                holiday_model.objects.filter(
                    agency=None,
                    kind=kind,
                    date__year=year,
                    source__startswith=SOURCE_PREFIX,
                    name__in=[base, base + ESTIMATE_SUFFIX],
                ).order_by("date", "pk")
            )
            # Rows already right stay; the others are moved onto the entries left, and any surplus goes.
            left = []
            for day, name in entries:
                same = next((r for r in seeded if (r.date, r.name) == (day, name)), None)
                if same is None:
                    left.append((day, name))
                    continue
                seeded.remove(same)
                if same.decree != decree_for(day, name):
                    same.decree = decree_for(day, name)
                    same.save(update_fields=["decree", "updated_at"])
                    changed += 1
            for (day, name), row in zip(left, seeded, strict=False):
                row.date, row.name, row.decree, row.source = day, name, decree_for(day, name), source
                row.save(update_fields=["date", "name", "decree", "source", "updated_at"])
                changed += 1
            for day, name in left[len(seeded) :]:
                _obj, created = holiday_model.objects.get_or_create(
                    date=day,
                    kind=kind,
                    name=name,
                    agency=None,
                    defaults={"source": source, "decree": decree_for(day, name)},
                )
                changed += created
            for row in seeded[len(left) :]:
                row.delete()
                changed += 1
    return changed
