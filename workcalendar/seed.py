"""Seeding the editable calendar from the `holidays` package (Indonesia: public + government categories)."""

import holidays as holidays_lib

SEED_YEARS = range(2024, 2028)


def seed_holidays(holiday_model, years=SEED_YEARS) -> int:
    """Insert national holidays and cuti bersama for `years` that are not there yet. Returns rows created.

    Takes the model as an argument so the data migration can pass its historical model.
    """
    source = f"python-holidays {holidays_lib.__version__}"
    created = 0
    for category, kind in (("public", "national"), ("government", "cuti_bersama")):
        calendar = holidays_lib.country_holidays(
            "ID", years=list(years), categories=(category,), language="id"
        )
        for day, names in sorted(calendar.items()):
            for name in names.split("; "):
                _obj, was_created = holiday_model.objects.get_or_create(
                    date=day,
                    kind=kind,
                    name=name,
                    agency=None,
                    defaults={
                        "source": source,
                        "decree": "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB "
                        f"tentang Hari Libur Nasional dan Cuti Bersama Tahun {day.year}",
                    },
                )
                created += was_created
    return created
