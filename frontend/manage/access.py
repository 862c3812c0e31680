"""The agency of an administration page's URL, through the user's scope: anything outside it answers 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from agencies.models import Agency
from agencies.selectors import agencies_administered_by, staff_agency_ids


def staff_agency_or_404(request, slug: str) -> Agency:
    """An agency the user is staff of; anything else answers as if it did not exist."""
    if not request.user.is_authenticated:
        raise Http404
    qs = (
        Agency.objects.all()
        if request.user.is_superuser
        else Agency.objects.filter(pk__in=staff_agency_ids(request.user))
    )
    return get_object_or_404(qs, slug=slug)


def admin_agency_or_404(request, slug: str) -> Agency:
    """An agency the user administers; anything else answers as if it did not exist."""
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(agencies_administered_by(request.user), slug=slug)
