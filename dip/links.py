"""Where staff are sent for an item or a DIK entry (notifications, the staff home). The staff pages are named here
only, in the register's own app (the rule: nothing outside the case app names its URLs); a page that is not
routed (yet) falls back to the public item page, then to the staff home, which lists what is due."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from .models import DikEntry, DipItem

# The staff item page (`/kerja/informasi/<id>/`) and the candidates for the staff DIK entry page.
ITEM_STAFF_ROUTE = "frontend:dip_work_item"
DIK_STAFF_ROUTES = ("frontend:dik_work_entry", "frontend:dik_work_detail", "frontend:dik_entry")
STAFF_HOME_ROUTE = "frontend:work"


def _first(routes: tuple[str, ...], pk: int) -> str | None:
    for name in routes:
        try:
            return reverse(name, args=[pk])
        except NoReverseMatch:
            continue
    return None


def item_public_url(item: DipItem) -> str | None:
    try:
        return item.get_absolute_url()
    except NoReverseMatch:
        return None


def item_staff_url(item: DipItem) -> str:
    """The staff page of the item (drafts included); else its public page if it is public; else the staff home."""
    public = item_public_url(item) if item.is_public else None
    return _first((ITEM_STAFF_ROUTE,), item.pk) or public or reverse(STAFF_HOME_ROUTE)


def dik_staff_url(entry: DikEntry) -> str:
    return _first(DIK_STAFF_ROUTES, entry.pk) or reverse(STAFF_HOME_ROUTE)
