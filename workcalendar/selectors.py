from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from agencies.selectors import agencies_administered_by

from .models import Holiday, HolidayKind

if TYPE_CHECKING:
    from accounts.types import AnyUser


def years_missing_holidays(years: set[int]) -> list[int]:
    have = set(
        Holiday.objects.filter(kind=HolidayKind.NATIONAL, date__year__in=years)
        .values_list("date__year", flat=True)
        .distinct()
    )
    return sorted(y for y in years if y not in have)


def holidays_visible_to(user: AnyUser) -> QuerySet[Holiday]:
    """Everyone may read the shared calendar; agency-specific days only by that agency's administrators."""
    shared = Holiday.objects.filter(agency__isnull=True)
    if not user.is_authenticated:
        return shared
    if user.is_superuser:
        return Holiday.objects.select_related("agency")
    own = Holiday.objects.filter(agency__in=agencies_administered_by(user))
    return (shared | own).select_related("agency")


def can_edit_holiday(user: AnyUser, holiday: Holiday) -> bool:
    """National, cuti bersama and regional days are the platform's (superusers); an agency's own days are
    its administrators'."""
    if user.is_superuser:
        return True
    return (
        holiday.agency_id is not None and agencies_administered_by(user).filter(pk=holiday.agency_id).exists()
    )
