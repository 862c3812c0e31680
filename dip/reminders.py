"""The register's clocks (issue 18 point 2 and Pasal 20): who is reminded of a berkala item's next update and of a
DIK entry whose exemption period ends, once per item (entry), threshold and due date.

The requests' reminders count working days ("due in 3", "due in 1"); an update due every six months is another
kind of duty. A unit updates a financial report or a LAKIP by gathering a semester's figures and having them
signed, which takes more than a few working days, so the holding unit is told `UPDATE_LEAD_DAYS` (14 calendar
days: two working weeks) ahead, and again once the date has passed. Each reminder is recorded in
`notifications.ReminderSent` (`claim_once`), so a second run, or two schedulers at once, send nothing more; a
republication sets a new `next_update_due` and so re-arms both. A DIK entry's period is reviewed
`settings.DIK_REVIEW_LEAD_DAYS` ahead (60 by default): a review needs the consequence test weighed again and, if
the exemption stays, a new SK, which the PPID Utama decides with the Atasan or the Tim Pertimbangan."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from agencies.models import Unit, UnitKind
from agencies.selectors import staff_with_roles
from notifications.reminders import claim_once
from notifications.services import notify

from . import events
from .links import dik_staff_url, item_staff_url
from .models import DikEntry, DipItem
from .rules import OFFICER_ROLES
from .selectors import berkala_due_by, dik_due_for_review

UPDATE_LEAD_DAYS = 14
DUE_SOON, OVERDUE, REVIEW = "update_soon", "update_overdue", "dik_review"


def _officers(unit: Unit | None) -> list:
    return staff_with_roles(unit=unit, roles=OFFICER_ROLES) if unit is not None else []


def _utama(agency_id: int) -> Unit | None:
    return Unit.objects.filter(agency_id=agency_id, kind=UnitKind.UTAMA, is_active=True).first()


def update_threshold(due: dt.date, today: dt.date) -> str | None:
    """The reminder due today for an update due on `due`: overdue after that day, "soon" within the lead."""
    if today > due:
        return OVERDUE
    if today >= due - dt.timedelta(days=UPDATE_LEAD_DAYS):
        return DUE_SOON
    return None


def _remind(
    obj: DipItem | DikEntry, *, threshold: str, due: dt.date, kind: str, url: str, people: list
) -> int:
    if not people:
        return 0
    with transaction.atomic():
        if not claim_once(obj, threshold, due):
            return 0
        notify(recipients=people, kind=kind, obj=obj, agency=obj.agency, url=url, due=due)
    return 1


def send_update_reminders(*, now: dt.datetime) -> int:
    """Berkala items due within the lead or overdue: the holding unit's officers and head (a unit without any falls
    to the PPID Utama's), in each agency's own "today"."""
    sent = 0
    # A day more than the lead: an agency east of the server's zone is already a day ahead.
    horizon = timezone.localdate(now) + dt.timedelta(days=UPDATE_LEAD_DAYS + 1)
    for item in berkala_due_by(horizon).filter(agency__is_active=True).order_by("next_update_due", "pk"):
        due = item.next_update_due
        assert due is not None  # berkala_due_by keeps dated items only
        threshold = update_threshold(due, timezone.localdate(now, timezone=item.agency.tzinfo))
        if threshold is None:
            continue
        people = _officers(item.unit) or _officers(_utama(item.agency_id))
        kind = events.DIP_UPDATE_OVERDUE if threshold == OVERDUE else events.DIP_UPDATE_DUE
        sent += _remind(
            item, threshold=threshold, due=due, kind=kind, url=item_staff_url(item), people=people
        )
    return sent


def send_dik_review_reminders(*, now: dt.datetime) -> int:
    """In-force entries whose period ends within `DIK_REVIEW_LEAD_DAYS` (or has ended): the PPID Utama's officers
    and head, once per entry and period end (a decision anew with a later period re-arms it)."""
    sent = 0
    today = timezone.localdate(now)
    for entry in dik_due_for_review(today=today, lead_days=settings.DIK_REVIEW_LEAD_DAYS).filter(
        agency__is_active=True
    ):
        due = entry.period_until
        assert due is not None  # dik_due_for_review keeps dated entries only
        people = _officers(_utama(entry.agency_id))
        sent += _remind(
            entry,
            threshold=REVIEW,
            due=due,
            kind=events.DIK_REVIEW_DUE,
            url=dik_staff_url(entry),
            people=people,
        )
    return sent


def run_deadline_jobs(*, now: dt.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {
        "dip_update_reminders": send_update_reminders(now=now),
        "dik_review_reminders": send_dik_review_reminders(now=now),
    }
