"""One story of a request, its objections and its dispute: what happened, and every due date with how it was
computed and whether it was kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.selectors import is_staff_of
from audit.models import Event
from audit.selectors import event_reason
from letters.events import LETTER_ISSUED
from letters.kinds import LetterKind
from workcalendar.calendar import explain_step

from .models import InformationRequest
from .selectors import objections_visible_to
from .windows import dispute_windows, objection_ground_windows


@dataclass(frozen=True)
class TimelineItem:
    at: dt.datetime  # when it happened, or the end of the due day
    kind: str  # "event" or "deadline"
    case: str  # "request", "objection" or "dispute"
    label: str
    action: str = ""
    actor: str = ""  # staff only
    from_state: str = ""
    to_state: str = ""
    reason: str = ""
    due_date: dt.date | None = None
    explanation: str = ""
    status: str = ""  # deadlines: met, missed, open, overdue
    detail: str = ""  # an issued letter: its kind and number (issue 17)


def _end_of(day: dt.date, tz) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=tz)


def _deadline_status(done_at: dt.datetime | None, due_at: dt.datetime) -> str:
    if done_at is not None:
        return "met" if done_at <= due_at else "missed"
    return "overdue" if timezone.now() > due_at else "open"


def _event_detail(event: Event) -> str:
    """What the story says besides the action: the kind and number of an issued letter."""
    if event.action != LETTER_ISSUED:
        return ""
    details = event.details or {}
    kind = details.get("kind", "")
    label = str(LetterKind(kind).label) if kind in LetterKind.values else kind
    number = details.get("number", "")
    return _("%(kind)s, nomor %(number)s") % {"kind": label, "number": number} if number else label


def case_timeline(request: InformationRequest | None, user, *, objection=None) -> list[TimelineItem]:
    """Everything the user may see of this case, oldest first. Citizens see what happened, not who of the staff
    did it. An objection without a request (ground b, Pasal 35(1)b) is its own case: pass it as `objection`."""
    agency = request.agency if request is not None else objection.agency
    tz = agency.tzinfo
    staff = user.is_superuser or is_staff_of(user, agency)
    own = {"request": request} if request is not None else {"pk": objection.pk}
    objections = list(
        objections_visible_to(user).filter(**own).select_related("dispute", "order_obligation__agency")
    )
    disputes = [o.dispute for o in objections if hasattr(o, "dispute")]
    # The Atasan's orders (issue 16 point 6) are part of their objection's story.
    orders = [o.order_obligation for o in objections if hasattr(o, "order_obligation")]
    items: list[TimelineItem] = []
    requests = [request] if request is not None else []

    cases = (("request", requests), ("objection", objections), ("objection", orders), ("dispute", disputes))
    for case, objects in cases:
        for obj in objects:
            for event in Event.objects.for_object(obj).select_related("actor"):
                items.append(
                    TimelineItem(
                        at=event.created_at,
                        kind="event",
                        case=case,
                        label=str(obj),
                        action=event.action,
                        actor=(event.actor.username if event.actor else _("sistem")) if staff else "",
                        from_state=event.from_state,
                        to_state=event.to_state,
                        reason=event_reason(event, staff_view=staff),
                        detail=_event_detail(event),
                    )
                )

    if request is not None:
        last_step = request.deadline_log[-1] if request.deadline_log else {}
        items.append(
            TimelineItem(
                at=_end_of(request.due_date, tz),
                kind="deadline",
                case="request",
                label=_("Batas waktu pemberitahuan tertulis"),
                due_date=request.due_date,
                explanation=explain_step(last_step),
                status=_deadline_status(request.responded_at, request.due_at),
            )
        )
    if not objections and request is not None:
        closing = sorted({w.closes.due_date: w for w in objection_ground_windows(request).values()}.items())
        for due_date, window in closing:
            items.append(
                TimelineItem(
                    at=_end_of(due_date, tz),
                    kind="deadline",
                    case="objection",
                    label=_("Batas waktu mengajukan keberatan (sejak %(since)s)")
                    % {"since": window.arose_because},
                    due_date=due_date,
                    explanation=explain_step(window.closes),
                    status="overdue" if timezone.now() > window.closes.due_at else "open",
                )
            )
    for objection in objections:
        step = objection.deadline_log[-1] if objection.deadline_log else {}
        items.append(
            TimelineItem(
                at=_end_of(objection.due_date, tz),
                kind="deadline",
                case="objection",
                label=_("Batas waktu tanggapan Atasan PPID atas keberatan %(number)s")
                % {"number": objection},
                due_date=objection.due_date,
                explanation=explain_step(step),
                status=_deadline_status(objection.decided_at, objection.due_at),
            )
        )
        order = getattr(objection, "order_obligation", None)
        if order is not None:
            items.append(
                TimelineItem(
                    at=_end_of(order.due_date, tz),
                    kind="deadline",
                    case="objection",
                    label=_("Batas waktu pelaksanaan putusan Atasan PPID atas keberatan %(number)s")
                    % {"number": objection},
                    due_date=order.due_date,
                    explanation=_("Tanggal yang ditetapkan Atasan PPID dalam tanggapannya."),
                    status=_deadline_status(order.complied_at, order.due_at),
                )
            )
        for window in dispute_windows(objection, getattr(objection, "dispute", None)):
            items.append(
                TimelineItem(
                    at=_end_of(window.due_date, tz),
                    kind="deadline",
                    case="dispute",
                    label=window.label,
                    due_date=window.due_date,
                    explanation=window.explanation,
                    status=window.status,
                )
            )
    return sorted(items, key=lambda item: (item.at, item.kind == "deadline"))
