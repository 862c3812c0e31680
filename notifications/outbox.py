"""The outbox: side effects that must not be lost (e-mail now, webhooks later) are rows written in the caller's
transaction and carried out by the worker.

`outbox_add` writes the rows (a rolled-back transaction, such as a letter preview, leaves none) and, after
commit, nudges the Celery task `notifications.tasks.drain_outbox`. A failed nudge (broker down) is only logged:
the periodic drain (Celery beat in production, the embedded scheduler of `make run`) picks the rows up. Each
row is handled once, even with two workers: it is locked while it is handled (select_for_update skip_locked on
PostgreSQL) and marked sent in the same transaction. A failing handler is retried with exponential backoff.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage

log = logging.getLogger(__name__)

Handler = Callable[[dict], None]
_handlers: dict[str, Handler] = {}
_EMAIL = re.compile(r"[^\s<>\"'@,;:()\[\]]+@[^\s<>\"'@,;:()\[\]]+")


def register_outbox_handler(kind: str, handler: Handler) -> None:
    """What carries out the rows of `kind`: called with the payload; raising means "try again later"."""
    _handlers[kind] = handler


def outbox_add(
    *, kind: str, payloads: Iterable[dict], after: dt.timedelta | None = None
) -> list[OutboxMessage]:
    """One row per payload in the current transaction, and a nudge to the worker after commit. `after` defers
    work that may wait (rendering a letter): the periodic drain carries it out, never the request's own nudge,
    which with eager tasks (`make run`, the benchmarks) runs on the request thread."""
    due = timezone.now() + (after or dt.timedelta(0))
    rows = [OutboxMessage(kind=kind, payload=p, next_attempt_at=due) for p in payloads]
    if not rows:
        return []
    created = OutboxMessage.objects.bulk_create(rows)
    if after is None:
        transaction.on_commit(nudge)
    return created


def nudge() -> None:
    """Ask a worker to drain now. With the broker down this only logs: the periodic drain sends it later."""
    from .tasks import drain_outbox as task

    try:
        task.delay()
    except Exception:  # noqa: BLE001 - the rows are committed; the periodic drain carries them out
        log.warning("nudging the outbox worker failed; the periodic drain will send it", exc_info=True)


def retry_delay(attempts: int) -> dt.timedelta:
    base = getattr(settings, "OUTBOX_RETRY_BASE_SECONDS", 30)
    cap = getattr(settings, "OUTBOX_RETRY_MAX_SECONDS", 3600)
    return dt.timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def _describe(exc: BaseException) -> str:
    """The error for the row and the log, without the addresses an SMTP error may quote."""
    return _EMAIL.sub("[e-mail]", f"{type(exc).__name__}: {exc}")[:1000]


def _handle_one(now: dt.datetime, passed: set[int]) -> bool | None:
    """Lock and carry out the next due row. None when nothing is due; else whether it was sent."""
    with transaction.atomic():
        row = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(sent_at__isnull=True, next_attempt_at__lte=now)
            .exclude(pk__in=passed)
            .order_by("next_attempt_at", "pk")
            .first()
        )
        if row is None:
            return None
        passed.add(row.pk)
        # Claim it: where the database has no row locks (SQLite), two drains may read the same row, and only
        # the one whose update still finds it unclaimed goes on.
        claimed = OutboxMessage.objects.filter(pk=row.pk, sent_at__isnull=True, attempts=row.attempts).update(
            attempts=row.attempts + 1
        )
        if not claimed:
            return False
        row.attempts += 1
        try:
            handler = _handlers.get(row.kind)
            if handler is None:
                raise LookupError(f"no outbox handler for {row.kind!r}")
            with transaction.atomic():  # the handler's own writes go with its success only
                handler(row.payload)
        except Exception as exc:  # noqa: BLE001 - recorded on the row and retried
            row.last_error = _describe(exc)
            if row.attempts >= getattr(settings, "OUTBOX_MAX_ATTEMPTS", 20):
                row.next_attempt_at = None
                log.error("outbox %s gave up after %s attempts: %s", row, row.attempts, row.last_error)
            else:
                row.next_attempt_at = timezone.now() + retry_delay(row.attempts)
                log.warning("outbox %s failed (attempt %s): %s", row, row.attempts, row.last_error)
            row.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            return False
        row.sent_at, row.next_attempt_at = timezone.now(), None
        row.save(update_fields=["attempts", "sent_at", "next_attempt_at"])
        return True


def drain_outbox(*, now: dt.datetime | None = None, limit: int = 500) -> int:
    """Carry out what is due (at most `limit` rows); returns how many were sent."""
    now = now or timezone.now()
    sent, passed = 0, set()
    for _ in range(limit):
        outcome = _handle_one(now, passed)
        if outcome is None:
            break
        sent += int(outcome)
    return sent
