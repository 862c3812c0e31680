"""Background work: e-mail through the outbox after commit (retried, never undoing the change) and the daily
digests. The deadline jobs are the case apps' (`ppid.tasks`, `complaints.tasks`)."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from .models import EmailMode, EmailPreference, Notification


def _wants_immediate_mail(notification: Notification) -> bool:
    user = notification.recipient
    if not user.email or not user.is_active:
        return False
    from agencies.selectors import memberships_of

    if not memberships_of(user):
        return True  # citizens always get the mails about their own case
    pref = EmailPreference.objects.filter(user=user).first()
    return pref is None or pref.mode == EmailMode.IMMEDIATE


def _message_for(notifications: list[Notification], digest: bool) -> EmailMultiAlternatives:
    """HTML and text, Indonesian with English."""
    from .messages import render

    items = [
        {"id": render(n.kind, "id", **n.params), "en": render(n.kind, "en", **n.params), "url": n.url}
        for n in notifications
    ]
    context = {"items": items, "site_url": settings.SITE_URL.rstrip("/"), "digest": digest}
    subject = "[PPID] " + ("Ringkasan notifikasi / Notification digest" if digest else items[0]["id"])
    mail = EmailMultiAlternatives(
        subject=subject[:180],
        body=render_to_string("notifications/email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notifications[0].recipient.email],
    )
    mail.attach_alternative(render_to_string("notifications/email.html", context), "text/html")
    return mail


def deliver_notification_email(notification_id: int) -> bool:
    """Send one notification's mail unless it went already or the recipient does not want it now."""
    n = Notification.objects.select_related("recipient", "content_type").filter(pk=notification_id).first()
    if n is None or n.emailed_at is not None or not _wants_immediate_mail(n):
        return False
    from .attachments import attachments_for

    mail = _message_for([n], digest=False)
    for attachment in attachments_for(n):
        mail.attach(attachment.filename, attachment.content, attachment.mimetype)
    mail.send()
    Notification.objects.filter(pk=n.pk, emailed_at__isnull=True).update(emailed_at=timezone.now())
    return True


def outbox_notification_email(payload: dict) -> None:
    """The outbox handler of kind `email.notification` (payload: the notification's id only)."""
    deliver_notification_email(int(payload["notification"]))


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=30, retry_backoff_max=3600, max_retries=8)
def send_notification_email(self, notification_id: int) -> bool:
    """Kept for messages queued before the outbox existed; new mail goes through the outbox."""
    return deliver_notification_email(notification_id)


@shared_task
def drain_outbox() -> int:
    """Nudged after each commit that wrote outbox rows, and run periodically for what a nudge missed."""
    from .outbox import drain_outbox as drain

    return drain()


@shared_task
def send_daily_digests() -> int:
    """Officers who chose a daily digest get their unread, un-mailed notifications in one mail."""
    sent = 0
    for pref in EmailPreference.objects.select_related("user").filter(mode=EmailMode.DIGEST):
        pending = list(
            Notification.objects.select_related("recipient", "content_type")
            .filter(recipient=pref.user, emailed_at__isnull=True)
            .order_by("created_at")
        )
        if not pending or not pref.user.email:
            continue
        _message_for(pending, digest=True).send()
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
        pref.last_digest_at = timezone.now()
        pref.save(update_fields=["last_digest_at"])
        sent += 1
    return sent
