"""E-mail goes through an outbox written in the change's transaction and drained by the worker: a broker
outage (Redis down) loses no mail, a rollback leaves nothing, and each mail is sent once."""

import datetime as dt
import threading

import pytest
import time_machine
from celery.app.task import Task
from django.conf import settings
from django.core import mail
from django.db import connections, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from notifications.models import Notification


def _periodic_task(name_part: str):
    """The task Celery beat runs (production) for the outbox: the schedule must name it."""
    from config.celery import app

    names = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    matching = [n for n in names if name_part in n]
    assert matching, f"no periodic job drains the outbox: {names}"
    app.loader.import_default_modules()
    return app.tasks[matching[0]]


@pytest.fixture
def broker_down(monkeypatch):
    """Every publish to the broker fails as it does with Redis stopped."""

    def refuse(self, *args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(Task, "apply_async", refuse)
    return monkeypatch


def _recipients():
    return sorted(m.to[0] for m in mail.outbox)


def test_a_broker_outage_loses_no_mail_and_the_drain_sends_each_once(
    world, file_request, django_capture_on_commit_callbacks, broker_down
):
    with django_capture_on_commit_callbacks(execute=True):
        request = file_request()  # the change commits although the broker is unreachable
    request.refresh_from_db()
    assert request.registration_number
    assert mail.outbox == []  # nothing could be queued
    broker_down.undo()  # Redis is back

    drain = _periodic_task("outbox")
    drain()
    expected = sorted([world.citizen.email, world.officer.email, world.head.email])
    assert _recipients() == expected
    drain()  # a second run (or the beat and a nudge together) sends nothing again
    assert _recipients() == expected
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


@pytest.fixture
def unreachable_broker():
    """Celery really publishing (not eagerly) to a broker nobody listens on, as with Redis stopped."""
    from config.celery import app

    keys = ("task_always_eager", "broker_url", "task_publish_retry")
    saved = {k: app.conf[k] for k in keys}
    app.conf.update(task_always_eager=False, broker_url="redis://127.0.0.1:1/0", task_publish_retry=False)
    app._pool = None
    yield app
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    # Eager calls acquire a producer too: never from the closed pool of the unreachable broker.
    app.amqp._producer_pool = None
    app.conf.update(saved)


def test_with_the_broker_unreachable_the_change_commits_and_the_drain_sends_later(
    world, file_request, django_capture_on_commit_callbacks, unreachable_broker
):
    from notifications.outbox import drain_outbox

    with django_capture_on_commit_callbacks(execute=True):
        request = file_request()
    request.refresh_from_db()
    assert request.registration_number and mail.outbox == []
    # The worker's periodic drain, once the broker is back or without it: the three e-mails and, a minute on, the
    # receipt's PDF (issue 17), which always waits for a drain.
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1), tick=False):
        assert drain_outbox() == 4
        assert drain_outbox() == 0
    assert len(mail.outbox) == 3


def test_a_failed_send_is_retried_later_with_backoff_and_then_sent_once(
    world, file_request, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.mail import EmailMultiAlternatives

    from notifications.models import OutboxMessage
    from notifications.outbox import drain_outbox

    original = EmailMultiAlternatives.send

    def smtp_down(self, *args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", smtp_down)
    with django_capture_on_commit_callbacks(execute=True):
        file_request()
    rows = list(OutboxMessage.objects.filter(kind="email.notification"))
    assert len(rows) == 3 and all(r.sent_at is None and r.attempts == 1 for r in rows)
    assert all("SMTP down" in r.last_error and r.next_attempt_at > timezone.now() for r in rows)
    monkeypatch.setattr(EmailMultiAlternatives, "send", original)
    assert drain_outbox() == 0 and mail.outbox == []  # not due yet: backoff
    with time_machine.travel(timezone.now() + dt.timedelta(hours=1), tick=False):
        assert drain_outbox() == 4  # the three e-mails, and the receipt's PDF rendered (issue 17)
        assert drain_outbox() == 0
    assert len(mail.outbox) == 3
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 0


def test_a_rolled_back_change_leaves_no_outbox_row_and_sends_nothing(
    world, file_request, django_capture_on_commit_callbacks
):
    from notifications.models import OutboxMessage

    class Boom(Exception):
        pass

    def file_then_fail():
        with transaction.atomic():
            file_request()
            raise Boom

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Boom):
        file_then_fail()
    assert OutboxMessage.objects.count() == 0 and mail.outbox == []


def test_the_embedded_scheduler_drains_the_outbox(
    world, file_request, django_capture_on_commit_callbacks, broker_down
):
    from notifications import embedded

    with django_capture_on_commit_callbacks(execute=True):
        file_request()
    broker_down.undo()
    assert mail.outbox == []
    embedded.run_once()
    assert len(mail.outbox) == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_never_send_the_same_row(world, file_request, broker_down):
    """A row one worker holds is skipped by the other (select_for_update skip_locked)."""
    from notifications.models import OutboxMessage
    from notifications.outbox import drain_outbox

    file_request()
    broker_down.undo()
    held = OutboxMessage.objects.order_by("pk").first()
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                OutboxMessage.objects.select_for_update().get(pk=held.pk)
                locked.set()
                release.wait(30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_worker)
    thread.start()
    assert locked.wait(30)
    try:
        assert drain_outbox() == 2  # the held row is left to the worker that holds it
    finally:
        release.set()
        thread.join()
    assert drain_outbox() == 1
    assert drain_outbox() == 0
    assert len(mail.outbox) == 3
