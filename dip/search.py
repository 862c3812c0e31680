"""Searching the register. A first version: every word must appear in the title, summary or tags (icontains).
Issue 18 point 4 replaces the inside with PostgreSQL full text and trigram similarity (typo-tolerant), keeping
these signatures, which the public pages, the API and the request form's suggestions call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

if TYPE_CHECKING:
    from agencies.models import Agency

    from .models import DipItem


def search_items(qs: QuerySet[DipItem], text: str) -> QuerySet[DipItem]:
    """`qs` narrowed to the items matching `text`, best first."""
    words = [w for w in (text or "").split() if w]
    for word in words:
        qs = qs.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(tags__icontains=word))
    return qs


def matching_items(*, agency: Agency, text: str, limit: int = 5) -> list[DipItem]:
    """Published items of `agency` that may already answer `text` (a request being typed, a request being
    answered): a few, best first. Any word may match; short words are ignored."""
    from .selectors import public_items

    words = [w for w in (text or "").split() if len(w) >= 4][:12]
    if not words:
        return []
    condition = Q()
    for word in words:
        condition |= Q(title__icontains=word) | Q(summary__icontains=word)
    return list(public_items().filter(agency=agency).filter(condition)[:limit])
