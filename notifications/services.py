"""Writing notifications. Called by the case apps' services inside their transaction; the rows and their
e-mails' outbox rows are written there, and the websocket hints and e-mails go out only after commit. A
failure after commit is logged and retried, never undoing the change that caused it."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .messages import render, storable
from .models import EmailPreference, Notification
from .outbox import outbox_add

if TYPE_CHECKING:
    from accounts.models import User
    from accounts.types import AnyUser
    from agencies.models import Agency

log = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def unit_group(unit_id: int) -> str:
    return f"unit.{unit_id}"


def notify(
    *,
    recipients: Iterable[User | None],
    kind: str,
    obj: models.Model,
    agency: Agency | None = None,
    state: str = "",
    url: str = "",
    exclude: AnyUser | None = None,
    **params: object,
) -> list[Notification]:
    """One notification per distinct recipient (never the person who acted), in their language."""
    seen: set[int] = set()
    rows: list[Notification] = []
    content_type = ContentType.objects.get_for_model(obj)
    for user in recipients:
        if (
            user is None
            or user.pk in seen
            or (exclude is not None and user.pk == getattr(exclude, "pk", None))
        ):
            continue
        seen.add(user.pk)
        rows.append(
            Notification(
                recipient=user,
                agency=agency,
                kind=kind,
                content_type=content_type,
                object_id=str(obj.pk),
                case_label=str(obj)[:120],
                state=state,
                url=url,
                message=render(kind, getattr(user, "preferred_language", "id"), case=str(obj), **params),
                params=storable({"case": str(obj), **params}),
            )
        )
    if not rows:
        return []
    created = Notification.objects.bulk_create(rows)
    ids = [n.pk for n in created]
    transaction.on_commit(functools.partial(_after_commit, ids))
    # The e-mail is an outbox row in this transaction: a broker outage delays it, never loses it.
    outbox_add(kind="email.notification", payloads=[{"notification": pk} for pk in ids])
    return created


def queue_changed(*, unit_ids: Iterable[int | None], obj: models.Model, state: str) -> None:
    """Tell the officers' open queue pages of these units to refresh (after commit)."""
    message = {"type": "queue.changed", "case": {"type": obj._meta.model_name, "id": obj.pk}, "state": state}
    transaction.on_commit(
        functools.partial(_send_groups, [unit_group(u) for u in set(unit_ids) if u], message)
    )


def _after_commit(notification_ids: list[int]) -> None:
    for n in Notification.objects.filter(pk__in=notification_ids).select_related("content_type"):
        _send_groups([user_group(n.recipient_id)], hint(n))


def hint(n: Notification) -> dict[str, object]:
    """A websocket message: ids and the new state only, never personal data."""
    return {
        "type": "notification",
        "id": n.pk,
        "kind": n.kind,
        "case": {"type": n.case_type, "id": n.object_id},
        "state": n.state,
    }


def _send_groups(groups: list[str], message: Mapping[str, object]) -> None:
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if layer is None:
        return
    for group in groups:
        try:
            async_to_sync(layer.group_send)(group, {"type": "push", "message": message, "group": group})
        except Exception:  # noqa: BLE001 - a lost hint is caught up from the notification center
            log.warning("websocket push to %s failed", group, exc_info=True)


def notification_mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark some (or, with ids None, all) of the user's notifications read. Returns how many changed."""
    qs = Notification.objects.filter(recipient=user, is_read=False)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(is_read=True)


def email_preference_set(*, user: User, mode: str) -> EmailPreference:
    """An officer chooses how notification e-mail reaches them (citizens always get their own case's mail)."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from .models import EmailMode

    if mode not in EmailMode.values:
        raise ValidationError({"mode": [_("Pilih salah satu: segera, ringkasan harian, atau tidak.")]})
    preference, _created = EmailPreference.objects.update_or_create(user=user, defaults={"mode": mode})
    return preference
