"""The Atom feed of the register: new and updated published items, newest change first, of every agency or one.
An item whose revision is published reappears with its new `updated` time; a withdrawn item leaves the feed."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.selectors import active_agencies
from dip.models import DipItem
from dip.selectors import public_items

FEED_SIZE = 50


class RegisterFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, agency: str | None = None) -> Agency | None:
        if agency is None:
            return None
        found = active_agencies().filter(slug=agency).first()
        if found is None:
            raise Http404
        return found

    def title(self, obj: Agency | None) -> str:
        if obj is None:
            return _("Daftar informasi publik: semua badan publik")
        return _("Daftar informasi publik %(agency)s") % {"agency": obj.name}

    def subtitle(self, obj: Agency | None) -> str:
        return _("Informasi publik yang baru diumumkan atau diperbarui.")

    def link(self, obj: Agency | None) -> str:
        return reverse("frontend:dip_agency", args=[obj.slug]) if obj else reverse("frontend:dip_index")

    def items(self, obj: Agency | None):
        qs = public_items()
        if obj is not None:
            qs = qs.filter(agency=obj)
        return qs.order_by("-updated_at", "-pk")[:FEED_SIZE]

    def item_title(self, item: DipItem) -> str:
        return item.title

    def item_description(self, item: DipItem) -> str:
        return item.summary

    def item_link(self, item: DipItem) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: DipItem) -> str:
        return f"urn:uuid:{item.public_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: DipItem):
        return item.published_at

    def item_updateddate(self, item: DipItem):
        return item.updated_at or item.published_at

    def item_author_name(self, item: DipItem) -> str:
        # The agency and its unit, never the officer who published it.
        return f"{item.unit.name}, {item.agency.name}"

    def item_categories(self, item: DipItem) -> list[str]:
        return [item.get_category_display()]
