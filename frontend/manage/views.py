"""The administration pages (/kelola/): an agency's settings, units and audit trail, and the holiday calendar.
Staff and their roles are in staff.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agencies import services as agency_services
from agencies.forms import AgencySettingsForm, UnitForm
from agencies.models import Agency
from agencies.selectors import (
    agencies_administered_by,
    agency_ids_in_full_reach,
    memberships_visible_to,
    staff_agency_ids,
    units_visible_to,
)
from audit.selectors import events_visible_to
from workcalendar import services as calendar_services
from workcalendar.forms import HolidayForm
from workcalendar.selectors import can_edit_holiday, holidays_visible_to, years_missing_holidays

from ..common.forms import form_errors_to
from ..common.labels import action_label, state_label
from .access import admin_agency_or_404, staff_agency_or_404
from .forms import ReasonForm


@login_required
def manage_home(request):
    if request.user.is_superuser:
        agencies = Agency.objects.all()
    else:
        agencies = Agency.objects.filter(pk__in=staff_agency_ids(request.user))
    if not agencies and not request.user.is_superuser:
        raise Http404
    year = timezone.localdate().year
    return render(
        request,
        "frontend/manage_home.html",
        {
            "agencies": agencies,
            "administered": set(agencies_administered_by(request.user).values_list("pk", flat=True)),
            "full_reach": agency_ids_in_full_reach(request.user),
            "missing_years": years_missing_holidays({year, year + 1}),
        },
    )


@login_required
def agency_settings(request, agency: str):
    agency_obj = admin_agency_or_404(request, agency)
    form = AgencySettingsForm(request.POST or None, instance=Agency.objects.get(pk=agency_obj.pk))
    reason_form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and reason_form.is_valid():
        try:
            agency_services.agency_update_settings(
                actor=request.user,
                agency=agency_obj,
                data=form.cleaned_data,
                reason=reason_form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Pengaturan badan publik tersimpan."))
            return redirect("frontend:agency_settings", agency=agency_obj.slug)
    return render(
        request,
        "frontend/agency_settings.html",
        {"agency": agency_obj, "form": form, "reason_form": reason_form},
    )


@login_required
def unit_list(request, agency: str):
    agency_obj = staff_agency_or_404(request, agency)
    is_admin = agencies_administered_by(request.user).filter(pk=agency_obj.pk).exists()
    form = UnitForm(request.POST or None)
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied
        if form.is_valid():
            try:
                agency_services.unit_create(actor=request.user, agency=agency_obj, **form.cleaned_data)
            except ValidationError as exc:
                form_errors_to(form, exc)
            else:
                messages.success(request, _("Unit ditambahkan."))
                return redirect("frontend:units", agency=agency_obj.slug)
    units = units_visible_to(request.user).filter(agency=agency_obj)
    return render(
        request,
        "frontend/units.html",
        {"agency": agency_obj, "units": units, "form": form, "is_admin": is_admin},
    )


@login_required
def unit_detail(request, agency: str, pk: int):
    agency_obj = staff_agency_or_404(request, agency)
    unit = get_object_or_404(units_visible_to(request.user).filter(agency=agency_obj), pk=pk)
    staff = memberships_visible_to(request.user).filter(unit=unit).order_by("role", "user__username")
    is_admin = agencies_administered_by(request.user).filter(pk=agency_obj.pk).exists()
    return render(
        request,
        "frontend/unit_detail.html",
        {"agency": agency_obj, "unit": unit, "staff": staff, "is_admin": is_admin},
    )


def _actor_name(user) -> str:
    """Who acted, as the trail shows it: the name, and the username that identifies the account."""
    if user is None:
        return ""
    name = user.get_full_name()
    return f"{name} ({user.get_username()})" if name else user.get_username()


@login_required
def audit_trail(request, agency: str):
    agency_obj = staff_agency_or_404(request, agency)
    if not (request.user.is_superuser or agency_obj.pk in agency_ids_in_full_reach(request.user)):
        raise Http404
    events = (
        events_visible_to(request.user)
        .filter(agency=agency_obj)
        .select_related("actor")
        .order_by("-created_at", "-id")[:200]
    )
    rows = [
        {
            "event": e,
            "actor": _actor_name(e.actor),
            "action": action_label(e.action),
            "from_state": state_label(e.from_state),
            "to_state": state_label(e.to_state),
        }
        for e in events
    ]
    return render(request, "frontend/audit.html", {"agency": agency_obj, "rows": rows})


def _calendar_admin_context(request):
    if not request.user.is_authenticated:
        raise Http404
    administered = list(agencies_administered_by(request.user))
    if not administered and not request.user.is_superuser:
        raise Http404
    return administered


@login_required
def holiday_list(request):
    administered = _calendar_admin_context(request)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("tahun", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 2000), 2100)
    holidays = holidays_visible_to(request.user).filter(date__year=year).order_by("date", "kind")
    rows = [(h, can_edit_holiday(request.user, h)) for h in holidays]
    return render(
        request,
        "frontend/holidays.html",
        {
            "year": year,
            "years": range(today.year - 2, today.year + 3),
            "rows": rows,
            "missing": years_missing_holidays({year}),
            # Days still the library's estimate: to be confirmed against the SKB PDF by whoever edits them.
            "estimates": [h for h, editable in rows if editable and h.is_estimate],
            "missing_upcoming": years_missing_holidays({today.year, today.year + 1}),
            "administered": administered,
        },
    )


@login_required
def holiday_edit(request, pk: int | None = None):
    administered = _calendar_admin_context(request)
    holiday = None
    if pk is not None:
        holiday = get_object_or_404(holidays_visible_to(request.user), pk=pk)
        if not can_edit_holiday(request.user, holiday):
            raise PermissionDenied
    agency = administered[0] if administered else None
    form = HolidayForm(
        request.POST or None, instance=holiday, agency=agency, allow_shared=request.user.is_superuser
    )
    if request.method == "POST" and form.is_valid():
        try:
            calendar_services.holiday_save(
                actor=request.user, holiday=form.instance, reason=form.cleaned_data.get("reason", "")
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Hari libur tersimpan."))
            return redirect(f"{reverse('frontend:holidays')}?tahun={form.instance.date.year}")
    return render(request, "frontend/holiday_form.html", {"form": form, "holiday": holiday})


@login_required
@require_POST
def holiday_delete(request, pk: int):
    _calendar_admin_context(request)
    holiday = get_object_or_404(holidays_visible_to(request.user), pk=pk)
    if not can_edit_holiday(request.user, holiday):
        raise PermissionDenied
    year = holiday.date.year
    calendar_services.holiday_delete(
        actor=request.user, holiday=holiday, reason=request.POST.get("reason", "")
    )
    messages.success(request, _("Hari libur dihapus."))
    return redirect(f"{reverse('frontend:holidays')}?tahun={year}")
