"""The administration pages (/kelola/): an agency's settings, units and audit trail, and the holiday calendar.
Staff and their roles are in staff.py."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
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
from audit.actions import registered_actions
from audit.selectors import events_visible_to
from transparency.exports import csv_bytes
from workcalendar import services as calendar_services
from workcalendar.forms import HolidayForm
from workcalendar.selectors import can_edit_holiday, holidays_visible_to, years_missing_holidays

from ..common.forms import form_errors_to
from ..common.labels import action_label, state_label
from ..common.pages import PAGE_SIZE
from .access import admin_agency_or_404, staff_agency_or_404
from .forms import AuditFilterForm, ReasonForm
from .letterheads import agency_letter_parts


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
    # The page's letter forms (logo, classification codes) post with `bagian`; the settings form without it.
    letter_parts, saved = agency_letter_parts(request, agency_obj)
    if saved is not None:
        return saved
    posted = request.POST if letter_parts["part"] == "settings" else None
    form = AgencySettingsForm(posted, instance=Agency.objects.get(pk=agency_obj.pk))
    reason_form = ReasonForm(posted)
    if posted is not None and form.is_valid() and reason_form.is_valid():
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
        {"agency": agency_obj, "form": form, "reason_form": reason_form, **letter_parts},
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


# The most events one download carries; a wider one is narrowed with the filters.
AUDIT_EXPORT_MAX_ROWS = 50_000


def _case_q(agency: Agency, number: str) -> Q:
    """The events recorded on the request, objection or complaint with this number in the agency."""
    from complaints.models import Complaint
    from ppid.models import InformationRequest, Objection

    matches = Q(pk__in=[])
    for model, field in (
        (InformationRequest, "registration_number"),
        (Objection, "registration_number"),
        (Complaint, "tracking_number"),
    ):
        pks = [
            str(pk)
            for pk in model.objects.filter(agency=agency, **{f"{field}__iexact": number}).values_list(
                "pk", flat=True
            )
        ]
        if pks:
            matches |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)
    return matches


def _audit_rows(events):
    return [
        {
            "event": e,
            "actor": _actor_name(e.actor),
            "action": action_label(e.action),
            "from_state": state_label(e.from_state),
            "to_state": state_label(e.to_state),
        }
        for e in events
    ]


@login_required
def audit_trail(request, agency: str):
    """The agency's trail for those who read it whole, newest first, filtered by who, what, which case and which
    days (the filters stay in the URL); `?unduh=csv` downloads what the filters select, and the download is
    recorded."""
    agency_obj = staff_agency_or_404(request, agency)
    if not (request.user.is_superuser or agency_obj.pk in agency_ids_in_full_reach(request.user)):
        raise Http404
    actions = sorted(((code, action_label(code)) for code in registered_actions()), key=lambda c: str(c[1]))
    actors = (
        User.objects.filter(memberships__unit__agency=agency_obj)
        .distinct()
        .order_by("first_name", "username")
    )
    form = AuditFilterForm(request.GET or None, actors=actors, actions=actions)
    events = events_visible_to(request.user).filter(agency=agency_obj).select_related("actor")
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["actor"]:
            events = events.filter(actor=data["actor"])
        if data["action"]:
            events = events.filter(action=data["action"])
        if data["case"].strip():
            events = events.filter(_case_q(agency_obj, data["case"].strip()))
        zone = agency_obj.tzinfo
        if data["start"]:
            events = events.filter(
                created_at__gte=dt.datetime.combine(data["start"], dt.time.min, tzinfo=zone)
            )
        if data["end"]:
            events = events.filter(
                created_at__lt=dt.datetime.combine(
                    data["end"] + dt.timedelta(days=1), dt.time.min, tzinfo=zone
                )
            )
        filters = {key: str(getattr(value, "pk", value) or "") for key, value in data.items()}
    elif form.is_bound:
        events = events.none()
    events = events.order_by("-created_at", "-id")
    if request.GET.get("unduh") == "csv" and not (form.is_bound and form.errors):
        selected = _audit_rows(events[:AUDIT_EXPORT_MAX_ROWS])
        agency_services.audit_trail_export(
            viewer=request.user, agency=agency_obj, filters=filters, rows=len(selected)
        )
        header = [
            "created_at",
            "actor",
            "action",
            "action_label",
            "object",
            "from_state",
            "to_state",
            "reason",
        ]
        body = [
            [
                timezone.localtime(row["event"].created_at, agency_obj.tzinfo).strftime("%Y-%m-%d %H:%M:%S"),
                row["actor"] or _("sistem"),
                row["event"].action,
                row["action"],
                row["event"].object_repr,
                row["from_state"],
                row["to_state"],
                row["event"].reason,
            ]
            for row in selected
        ]
        labels = {
            "created_at": _("Waktu"),
            "actor": _("Pelaku"),
            "action": _("Kode tindakan"),
            "action_label": _("Tindakan"),
            "object": _("Objek"),
            "from_state": _("Dari status"),
            "to_state": _("Ke status"),
            "reason": _("Alasan"),
        }
        response = HttpResponse(
            csv_bytes([header, *body], spreadsheet=True, labels=labels),
            content_type="text/csv; charset=utf-8",
        )
        stamp = timezone.localdate(timezone=agency_obj.tzinfo).isoformat()
        response["Content-Disposition"] = f'attachment; filename="jejak-audit-{agency_obj.slug}-{stamp}.csv"'
        return response
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    query.pop("unduh", None)
    return render(
        request,
        "frontend/audit.html",
        {
            "agency": agency_obj,
            "form": form,
            "page": page,
            "rows": _audit_rows(page.object_list),
            "query": query.urlencode(),
        },
    )


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
