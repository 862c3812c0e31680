"""Serta merta information reaches open public pages at once (UU 14/2008 Pasal 10: announced without delay). After
a publication commits, `dip.services` calls `push_serta_merta` (registered from `DipConfig.ready`), which sends a
hint to the public group that every open page joins through `/ws/informasi/` (`dip.consumers`). The hint says
only what the public register shows anyway: the item's id, title, agency and page; the page is the truth and a
visitor who missed the hint finds the item on the home page and in the register."""

from __future__ import annotations

import logging

from django.utils import timezone

from .links import item_public_url
from .models import Category, DipItem

log = logging.getLogger(__name__)

PUBLIC_GROUP = "dip.public"
MESSAGE_TYPE = "register.serta_merta"


def serta_merta_hint(item: DipItem) -> dict[str, object]:
    return {
        "type": MESSAGE_TYPE,
        "item": {
            "id": item.pk,
            "title": item.title,
            "agency": item.agency.name,
            "url": item_public_url(item),
            "published_at": timezone.localtime(item.updated_at or timezone.now()).isoformat(),
        },
    }


def push_serta_merta(item: DipItem) -> None:
    """After commit: a published serta merta item of an active agency goes to every open public page."""
    if item.category != Category.SERTA_MERTA or not item.is_public or not item.agency.is_active:
        return
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if layer is None:
        return
    message = serta_merta_hint(item)
    try:
        async_to_sync(layer.group_send)(PUBLIC_GROUP, {"type": "push", "message": message})
    except Exception:  # noqa: BLE001 - a lost hint: the home page lists the item all the same
        log.warning("serta merta push of item %s failed", item.pk, exc_info=True)
