from django.core.checks import Warning, register
from django.db import DatabaseError
from django.utils import timezone


@register("workcalendar", deploy=True)
def holidays_loaded(app_configs, **kwargs):
    """Warn when this year or next has no national holidays: deadlines would count every weekday."""
    from .selectors import years_missing_holidays

    try:
        year = timezone.localdate().year
        missing = years_missing_holidays({year, year + 1})
    except DatabaseError:  # the table does not exist before migrations
        return []
    from .calendar import WorkingCalendar

    try:
        no_cuti = WorkingCalendar(None).years_without_cuti_bersama({year, year + 1})
    except DatabaseError:
        no_cuti = []
    return [
        Warning(
            f"No national holidays are loaded for {y}: deadlines count every weekday of that year as a working day.",
            hint=f"Run `python manage.py seed_holidays --year {y}` or enter the SKB holidays as an administrator.",
            id="workcalendar.W001",
        )
        for y in missing
    ] + [
        Warning(
            f"National holidays but no cuti bersama are loaded for {y}.",
            hint="Enter the year's cuti bersama from the SKB as an administrator.",
            id="workcalendar.W002",
        )
        for y in no_cuti
    ]
