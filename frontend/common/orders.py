"""The Atasan's order carried out, on a case page (issue 16 point 6): what must be provided, by when (with the
deadline badge) and its state, for everyone who sees the objection; the form to record compliance for the officers
who may (`ppid.services.check_order_comply`); once complied, the statement and the files, which the requester reads.
The objection page shows the whole block, the request page a line per order."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.selectors import is_staff_of
from ppid.errors import InvalidTransition, NotFound, PermissionDenied
from ppid.selectors import orders_open_for
from ppid.services import check_order_comply
from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import DeadlineStatus

from .fields import MultipleFileField

ANCHOR = "pelaksanaan-h"


class ComplyForm(forms.Form):
    statement = forms.CharField(
        label=_("Apa yang sudah diberikan kepada pemohon"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Uraikan apa yang sudah diberikan kepada pemohon.")},
        help_text=_("Pemohon membaca keterangan ini bersama berkas yang dilampirkan."),
    )
    files = MultipleFileField(
        label=_("Berkas yang diberikan"),
        help_text=_("PDF, PNG, atau JPEG; boleh lebih dari satu. Pemohon dapat mengunduhnya."),
    )


def may_comply(user, order) -> bool:
    try:
        check_order_comply(order, user)
    except (NotFound, PermissionDenied, InvalidTransition):
        return False
    return True


def order_badge(order, calendars: dict | None = None) -> dict | None:
    """The deadline badge (`frontend/requests/_badge.html`) of an open order; None once complied."""
    if not order.is_open:
        return None
    if order.is_overdue:
        return {"kind": DeadlineStatus.OVERDUE}
    calendars = {} if calendars is None else calendars
    calendar = calendars.setdefault(order.agency_id, WorkingCalendar(order.agency))
    status = order.deadline(calendar)
    return {"kind": status.code, "left": status.working_days_left}


def order_context(user, objection, form: ComplyForm | None = None) -> dict | None:
    """The "Pelaksanaan putusan atasan" block of an objection page, or None when the objection opened no order.
    Who sees the objection sees its order (the page found it through `objections_visible_to`)."""
    order = getattr(objection, "order_obligation", None)
    if order is None:
        return None
    can_comply = may_comply(user, order)
    return {
        "order": order,
        "badge": order_badge(order),
        "files": list(order.files.all()),
        "complied_local": timezone.localtime(order.complied_at, order.agency.tzinfo)
        if order.complied_at
        else None,
        "staff_view": user.is_superuser or is_staff_of(user, order.agency),
        "form": (form or ComplyForm(prefix="pelaksanaan")) if can_comply else None,
    }


def order_rows(orders) -> list[tuple[object, dict | None]]:
    """Orders with their badges, for lists (the staff home's `work/_orders.html`, the request page)."""
    calendars: dict = {}
    return [(order, order_badge(order, calendars)) for order in orders]


def open_order_rows(user) -> list[tuple[object, dict | None]]:
    """The staff home's `orders` (`work/_orders.html`): the open orders the user's units must carry out (the
    Atasan: all of the agency's), earliest due first, with their badges; one calendar per agency."""
    return order_rows(orders_open_for(user))
