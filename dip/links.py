"""Where staff are sent for an item or a DIK entry (notifications, reminders, the staff home, the dashboard).
The staff pages are named here only, by their URL names (dip imports nothing of frontend)."""

from __future__ import annotations

from django.urls import reverse

from .models import DikEntry, DipItem


def item_public_url(item: DipItem) -> str:
    """The public page of a published item (drafts have none: it answers 404)."""
    return item.get_absolute_url()


def item_staff_url(item: DipItem) -> str:
    """The staff page of the item (`/kerja/informasi/<id>/`), drafts included."""
    return reverse("frontend:dip_work_item", args=[item.pk])


def dik_staff_url(entry: DikEntry) -> str:
    """The staff page of a DIK entry (`/kerja/dik/<id>/`)."""
    return reverse("frontend:dik_work_item", args=[entry.pk])
