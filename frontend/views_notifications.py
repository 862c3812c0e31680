"""The notification center page: the user's notifications, newest first; mark all read."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from notifications.models import Notification
from notifications.services import notification_mark_read


@login_required
def notification_list(request):
    items = Notification.objects.filter(recipient=request.user).order_by("-created_at", "-id")[:100]
    return render(request, "frontend/notifications.html", {"items": items})


@login_required
@require_POST
def notification_mark_all_read(request):
    notification_mark_read(user=request.user)
    return redirect("frontend:notifications")
