"""What requests, answers and objections read from the register (issue 18 points 3, 5 and 6): the published DIP
items that may answer a request, the public address of an item, the in-force DIK entries an answer may cite
and what citing one fills in, and the berkala items an objection on ground b may name. Reads only; `dip` never
learns of requests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dip.models import Category, DikEntry, DipItem
from dip.search import matching_items
from dip.selectors import public_dik, public_items

if TYPE_CHECKING:
    from agencies.models import Agency

# How many items the request form and the answer form suggest, and the picker shows for a search.
SUGGESTIONS = 5
PICKER = 10


def item_url(item: DipItem, *, absolute: bool = False) -> str:
    """The item's public page; absolute (SITE_URL) for letters and the API. The public register's route is
    `frontend:dip_item`."""
    path = item.get_absolute_url()
    return settings.SITE_URL.rstrip("/") + path if absolute else path


def suggested_items(*, agency: Agency, text: str, limit: int = SUGGESTIONS) -> list[DipItem]:
    """Published items of `agency` that may already answer `text` (a request being typed or answered)."""
    return matching_items(agency=agency, text=text, limit=limit)


def answerable_items(agency: Agency) -> QuerySet[DipItem]:
    """The items an `already_published` notice may point at: the agency's published ones."""
    return public_items().filter(agency=agency)


def picker_items(*, agency: Agency, text: str, query: str = "") -> list[DipItem]:
    """The respond form's choice: the items found by the officer's search box, else those matching the
    request's text; never more than PICKER."""
    from dip.search import search_items

    if query.strip():
        return list(search_items(answerable_items(agency), query)[:PICKER])
    return suggested_items(agency=agency, text=text, limit=PICKER)


def citable_dik_entries(agency: Agency) -> QuerySet[DikEntry]:
    """The in-force DIK entries of the agency a refusal or partial grant may cite."""
    return public_dik().filter(agency=agency).order_by("title", "id")


def dik_test_summary(entry: DikEntry) -> str:
    """The consequence test of an entry as the notice summarises it, from its steps (Perki 1/2021 Pasal 49(2))."""
    parts = [
        (_("Dokumen yang diuji"), entry.document),
        (_("Bagian yang dikecualikan"), entry.exempt_content),
        (_("Dasar hukum"), entry.legal_basis),
        (_("Akibat apabila dibuka"), entry.harm),
        (_("Pertimbangan kepentingan publik"), entry.public_interest),
    ]
    lines = [f"{label}: {text.strip()}" for label, text in parts if text.strip()]
    sk = dik_sk_line(entry)
    if sk:
        lines.append(sk)
    return "\n".join(lines)


def dik_sk_line(entry: DikEntry) -> str:
    """ "Ditetapkan dengan SK ... tanggal ...", or empty without an SK."""
    if not entry.sk_number:
        return ""
    if entry.sk_date:
        return _("Ditetapkan dengan SK nomor %(number)s tanggal %(date)s.") % {
            "number": entry.sk_number,
            "date": date_format(entry.sk_date, "j F Y"),
        }
    return _("Ditetapkan dengan SK nomor %(number)s.") % {"number": entry.sk_number}


def dik_period_text(entry: DikEntry) -> str:
    """The exemption period as the notice states it: until the entry's end, or permanent."""
    if entry.permanent:
        return _("Tanpa batas waktu (Pasal 17 huruf %(ground)s)") % {"ground": entry.ground}
    if entry.period_until:
        return _("Sampai dengan %(date)s") % {"date": date_format(entry.period_until, "j F Y")}
    return ""


def berkala_in_register(agency: Agency) -> QuerySet[DipItem]:
    """The agency's published berkala items: what an objection on ground b may name."""
    return answerable_items(agency).filter(category=Category.BERKALA)


def berkala_items(agency: Agency, *, today: dt.date | None = None) -> list[tuple[DipItem, bool]]:
    """The agency's published berkala items, each with whether its update is overdue (ground b's picker)."""
    today = today or timezone.localdate(timezone=agency.tzinfo)
    items = berkala_in_register(agency).order_by("unit__name", "title", "id")
    return [(item, item.next_update_due is not None and item.next_update_due < today) for item in items]
