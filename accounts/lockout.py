"""What a locked-out login sees: JSON on the API, the page elsewhere (both 429)."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(request, original_response=None, credentials=None):
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"code": "locked_out", "detail": _("Terlalu banyak percobaan masuk. Coba lagi nanti.")},
            status=429,
        )
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
