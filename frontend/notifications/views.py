"""The notification center page: the user's notifications, newest first; mark all read; open one (which marks it
read, then goes to its case)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agencies.selectors import memberships_of
from notifications.models import EmailMode, EmailPreference, Notification
from notifications.services import email_preference_set, notification_mark_read

from .forms import EmailPreferenceForm


@login_required
def notification_list(request):
    items = Notification.objects.filter(recipient=request.user).order_by("-created_at", "-id")[:100]
    form = None
    if memberships_of(request.user):  # officers choose; citizens always get their own case's mail
        current = EmailPreference.objects.filter(user=request.user).values_list("mode", flat=True).first()
        form = EmailPreferenceForm(request.POST or None, initial={"mode": current or EmailMode.IMMEDIATE})
        if request.method == "POST" and form.is_valid():
            email_preference_set(user=request.user, mode=form.cleaned_data["mode"])
            messages.success(request, _("Pilihan e-mail notifikasi tersimpan."))
            return redirect("frontend:notifications")
    return render(request, "frontend/notifications.html", {"items": items, "preference_form": form})


@login_required
@require_POST
def notification_mark_all_read(request):
    notification_mark_read(user=request.user)
    return redirect("frontend:notifications")


@login_required
def notification_open(request, pk: int):
    """Open a notification: mark it read, then go to its case. Only the recipient's own (anyone else's answers
    404); only to a path on this site (anything else lands on the notification center)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notification_mark_read(user=request.user, ids=[notification.pk])
    target = notification.url
    if not (
        target.startswith("/")
        and url_has_allowed_host_and_scheme(target, allowed_hosts=None, require_https=request.is_secure())
    ):
        return redirect("frontend:notifications")
    return redirect(target)
