"""Files that go with a notification's e-mail, registered by the app that owns the case (so this app names no
case model): for a notification kind, a function of the notification's case and recipient that returns the
attachments, for example the objection receipt for `objection.registered`. Digests carry no attachments."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str = "application/pdf"


AttachmentMaker = Callable[[object, object], list[Attachment]]  # (case, recipient) -> attachments
_makers: dict[str, AttachmentMaker] = {}


def register_mail_attachment(kind: str, maker: AttachmentMaker) -> None:
    _makers[kind] = maker


def attachments_for(notification) -> list[Attachment]:
    """The files for this notification's mail; none when no maker is registered or the case is gone."""
    maker = _makers.get(notification.kind)
    if maker is None:
        return []
    case = notification.content_type.get_object_for_this_type(pk=notification.object_id)
    return maker(case, notification.recipient)
