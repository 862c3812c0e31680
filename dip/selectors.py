"""Reads of the register. The public sees published items and in-force DIK entries only; staff of an agency
(`rules.is_register_staff`) see its drafts and the consequence tests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet

from agencies.selectors import agency_ids_in_full_reach, memberships_of

from .models import DikEntry, DikState, DipDocument, DipItem, DipVersion, ItemState, VersionAction
from .rules import OFFICER_ROLES

if TYPE_CHECKING:
    from accounts.types import AnyUser
    from agencies.models import Agency


def public_documents() -> QuerySet[DipDocument]:
    return DipDocument.objects.filter(published=True, removed_at__isnull=True)


def public_items() -> QuerySet[DipItem]:
    """Published items of active agencies, with their public documents prefetched."""
    return (
        DipItem.objects.filter(state=ItemState.PUBLISHED, agency__is_active=True)
        .select_related("agency", "unit")
        .prefetch_related(Prefetch("documents", queryset=public_documents(), to_attr="public_documents"))
    )


def public_dik() -> QuerySet[DikEntry]:
    return DikEntry.objects.filter(state=DikState.IN_FORCE, agency__is_active=True).select_related(
        "agency", "unit"
    )


def staff_agency_ids(user: AnyUser) -> set[int]:
    """The agencies whose register the user works on or reads as staff (`rules.is_register_staff`: every role)."""
    return {m.unit.agency_id for m in memberships_of(user)}


def items_visible_to(user: AnyUser) -> QuerySet[DipItem]:
    """Staff: every item of their agency (drafts too); everyone: published items."""
    qs = DipItem.objects.select_related("agency", "unit")
    if user.is_superuser:
        return qs
    agencies = staff_agency_ids(user) if user.is_authenticated else set()
    return qs.filter(Q(state=ItemState.PUBLISHED, agency__is_active=True) | Q(agency_id__in=agencies))


def items_workable_by(user: AnyUser) -> QuerySet[DipItem]:
    """The items the user may draft and change: their units' (every unit's for the PPID Utama's officers)."""
    if not user.is_authenticated:
        return DipItem.objects.none()
    whole = {
        m.unit.agency_id for m in memberships_of(user) if m.role in OFFICER_ROLES and m.unit.kind == "utama"
    }
    own = {m.unit_id for m in memberships_of(user) if m.role in OFFICER_ROLES}
    return DipItem.objects.select_related("agency", "unit").filter(
        Q(agency_id__in=whole) | Q(unit_id__in=own)
    )


def dik_visible_to(user: AnyUser) -> QuerySet[DikEntry]:
    """Staff: every entry of their agency; everyone: in-force entries (their test texts are staff's)."""
    qs = DikEntry.objects.select_related("agency", "unit")
    if user.is_superuser:
        return qs
    agencies = staff_agency_ids(user) if user.is_authenticated else set()
    return qs.filter(Q(state=DikState.IN_FORCE, agency__is_active=True) | Q(agency_id__in=agencies))


def may_read_test(user: AnyUser, entry: DikEntry) -> bool:
    """The consequence test's text and the SK file: the agency's staff."""
    return bool(user.is_authenticated) and (user.is_superuser or entry.agency_id in staff_agency_ids(user))


def berkala_due_by(day: dt.date) -> QuerySet[DipItem]:
    """Published berkala items whose next update is due on or before `day` (the reminders, the overdue lists)."""
    return DipItem.objects.filter(
        state=ItemState.PUBLISHED, category="berkala", next_update_due__isnull=False, next_update_due__lte=day
    ).select_related("agency", "unit")


def overdue_items_for(user: AnyUser, *, today: dt.date) -> QuerySet[DipItem]:
    """The staff home's list: berkala items of the user's units (all units for those who reach the whole
    agency) past their next update."""
    own = {m.unit_id for m in memberships_of(user)}
    return berkala_due_by(today - dt.timedelta(days=1)).filter(
        Q(unit_id__in=own) | Q(agency_id__in=agency_ids_in_full_reach(user))
    )


def dik_due_for_review(*, today: dt.date, lead_days: int) -> QuerySet[DikEntry]:
    """In-force entries whose exemption period ends within `lead_days` (or has ended): Pasal 20's review."""
    return DikEntry.objects.filter(
        state=DikState.IN_FORCE,
        permanent=False,
        period_until__isnull=False,
        period_until__lte=today + dt.timedelta(days=lead_days),
    ).select_related("agency", "unit")


def public_document(*, agency_slug: str, item_id: int, document_id: int) -> DipDocument | None:
    """A document anyone may download: published, not removed, an uploaded file (links are shown as links), of
    a published item of the active agency named in the address."""
    items = public_items().filter(agency__slug=agency_slug, pk=item_id).values("pk")
    return (
        public_documents()
        .filter(pk=document_id, item_id__in=items)
        .exclude(file="")
        .select_related("item")
        .first()
    )


def public_versions(item: DipItem) -> QuerySet[DipVersion]:
    """An item's history as the public reads it: each publication, when and which fields changed (never who,
    never the drafts and proposals before it)."""
    return item.versions.filter(action=VersionAction.PUBLISHED).only("item", "number", "at", "changed")


def public_counts(agency: Agency) -> dict[str, dict[Any, int]]:
    """The agency's published items counted by category and by unit id (the register's browsing links)."""
    counts: dict[str, dict[Any, int]] = {"category": {}, "unit": {}}
    rows = (
        DipItem.objects.filter(state=ItemState.PUBLISHED, agency=agency)
        .order_by()
        .values("category", "unit_id")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        for key, value in (("category", row["category"]), ("unit", row["unit_id"])):
            counts[key][value] = counts[key].get(value, 0) + row["n"]
    return counts


def items_seen_as_staff(user: AnyUser) -> QuerySet[DipItem]:
    """Every item (drafts and withdrawn ones too) of the agencies the user is register staff of: the staff
    pages' reach. Nobody else's: a citizen or another agency's staff gets none."""
    qs = DipItem.objects.select_related("agency", "unit")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    return qs.filter(agency_id__in=staff_agency_ids(user))


def dik_seen_as_staff(user: AnyUser) -> QuerySet[DikEntry]:
    """Every entry (drafts and revoked ones too) of the agencies the user is register staff of."""
    qs = DikEntry.objects.select_related("agency", "unit")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    return qs.filter(agency_id__in=staff_agency_ids(user))


def awaiting_publication(qs: QuerySet[DipItem]) -> QuerySet[DipItem]:
    """What waits for the PPID Utama: drafts whose review was asked for, and published items with a pending
    revision or documents added or removed since their last publication."""
    open_documents = DipDocument.objects.filter(removed_at__isnull=True).filter(
        Q(published=False) | Q(remove_pending=True)
    )
    return qs.filter(
        Q(state=ItemState.DRAFT, review_requested_at__isnull=False)
        | Q(state=ItemState.PUBLISHED, pending__isnull=False)
        | Q(state=ItemState.PUBLISHED, pk__in=open_documents.values("item_id"))
    )


def latest_serta_merta(*, limit: int) -> QuerySet[DipItem]:
    """The home page's list: the newest published serta merta items of active agencies, at most `limit`."""
    return (
        DipItem.objects.filter(state=ItemState.PUBLISHED, category="serta_merta", agency__is_active=True)
        .select_related("agency")
        .order_by("-updated_at", "-pk")[:limit]
    )
