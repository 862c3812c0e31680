"""Server-rendered pages. Thin: parse the form, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import ratelimit
from accounts import services as account_services
from accounts.forms import ProfileForm, SignupForm
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
from workcalendar.calendar import compute_due_date
from workcalendar.forms import HolidayForm
from workcalendar.selectors import can_edit_holiday, holidays_visible_to, years_missing_holidays

from ..common import limits
from ..common.forms import DueDateForm, ReasonForm


def _form_errors_to(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def error_lines(form) -> list[str]:
    """The form's errors as "Label: message" lines, for answers that show them outside the form."""
    return [
        f"{form.fields[name].label}: {error}"
        if name in form.fields and form.fields[name].label
        else str(error)
        for name, errors in form.errors.items()
        for error in errors
    ]


# --- Public -----------------------------------------------------------------------------------------
def home(request):
    return render(request, "frontend/home.html")


def due_date_calculator(request):
    form = DueDateForm(request.GET or None)
    result = None
    if request.GET and form.is_valid():
        result = compute_due_date(
            start=form.cleaned_data["start"],
            working_days=form.cleaned_data["working_days"],
            agency=form.cleaned_data["agency"],
            party=form.cleaned_data["party"] or "agency",
        )
    return render(request, "frontend/due_date.html", {"form": form, "result": result})


def set_language(request):
    """Django's language switch; a logged-in user's notifications follow the choice too."""
    from django.views.i18n import set_language as django_set_language

    response = django_set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        account_services.user_set_language(user=request.user, language=request.POST.get("language", ""))
    return response


# --- Accounts ---------------------------------------------------------------------------------------
def signup(request):
    if request.user.is_authenticated:
        return redirect("frontend:profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if limits.over_limit(request, "signup") or ratelimit.hit(
            "signup_email", form.cleaned_data["email"].lower()
        ):
            return limits.refused(request, "accounts/signup.html", {"form": form}, form)
        try:
            account_services.citizen_register(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                _form_errors_to(form, exc)
            else:
                form.add_error("password1", exc.messages)
        else:
            return redirect("frontend:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, limited per address and per e-mail address typed (the same answer for every address)."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        if limits.over_limit(self.request, "password_reset") or ratelimit.hit("password_reset_email", email):
            return limits.refused(self.request, self.template_name, self.get_context_data(form=form), form)
        return super().form_valid(form)


def signup_done(request):
    return render(request, "accounts/signup_done.html")


def confirm_email(request, token: str):
    try:
        account_services.citizen_confirm_email(token=token)
    except ValidationError as exc:
        return render(request, "accounts/confirm_failed.html", {"errors": exc.messages}, status=400)
    messages.success(
        request,
        _("Alamat e-mail Anda sudah dikonfirmasi. Lengkapi profil untuk mulai mengajukan permohonan."),
    )
    return redirect("frontend:profile" if request.user.is_authenticated else "frontend:login")


@login_required
@require_POST
def resend_confirmation(request):
    if limits.over_limit(request, "confirmation_mail"):
        messages.error(request, limits.MESSAGE)
        return redirect("frontend:profile")
    account_services.citizen_resend_confirmation(user=request.user)
    messages.info(
        request, _("Tautan konfirmasi baru telah dikirim ke %(email)s.") % {"email": request.user.email}
    )
    return redirect("frontend:profile")


@login_required
def profile(request):
    current = getattr(request.user, "citizen_profile", None)
    initial = {}
    if current is not None:
        initial = {
            "requester_type": current.requester_type,
            "name": current.name,
            "address": current.address,
            "phone": current.phone,
            "occupation": current.occupation,
            "entity_number": current.entity_number,
        }
    has_nik = bool(current and current.has_nik)
    form = ProfileForm(request.POST or None, initial=initial, has_nik=has_nik)
    if request.method == "POST" and form.is_valid():
        account_services.citizen_profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Profil tersimpan."))
        return redirect("frontend:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "profile_obj": current, "missing": _missing_to_file(request.user, current)},
    )


def _missing_to_file(user, profile) -> list[str]:
    """What still stands between the user and filing a request, in the order they can fix it."""
    from accounts.models import RequesterType

    missing = []
    if user.email_confirmed_at is None:
        missing.append(_("Konfirmasi alamat e-mail Anda: buka tautan yang kami kirim ke e-mail Anda."))
    if profile is None:
        missing.append(_("Lengkapi profil di bawah ini."))
    else:
        if not (profile.name and profile.address):
            missing.append(_("Isi nama dan alamat."))
        if profile.requester_type == RequesterType.LEGAL_ENTITY:
            if not profile.entity_number:
                missing.append(_("Isi nomor SK pengesahan badan hukum."))
        elif not profile.has_nik:
            missing.append(_("Isi NIK (16 angka pada KTP)."))
    return missing


# --- Administration ---------------------------------------------------------------------------------
def _staff_agency_or_404(request, slug: str) -> Agency:
    """An agency the user is staff of; anything else answers as if it did not exist."""
    if not request.user.is_authenticated:
        raise Http404
    qs = (
        Agency.objects.all()
        if request.user.is_superuser
        else Agency.objects.filter(pk__in=staff_agency_ids(request.user))
    )
    return get_object_or_404(qs, slug=slug)


def _admin_agency_or_404(request, slug: str) -> Agency:
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(agencies_administered_by(request.user), slug=slug)


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
    agency_obj = _admin_agency_or_404(request, agency)
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
            _form_errors_to(form, exc)
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
    agency_obj = _staff_agency_or_404(request, agency)
    is_admin = agencies_administered_by(request.user).filter(pk=agency_obj.pk).exists()
    form = UnitForm(request.POST or None)
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied
        if form.is_valid():
            try:
                agency_services.unit_create(actor=request.user, agency=agency_obj, **form.cleaned_data)
            except ValidationError as exc:
                _form_errors_to(form, exc)
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
    agency_obj = _staff_agency_or_404(request, agency)
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
    agency_obj = _staff_agency_or_404(request, agency)
    if not (request.user.is_superuser or agency_obj.pk in agency_ids_in_full_reach(request.user)):
        raise Http404
    from ..common.labels import action_label, state_label

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
            _form_errors_to(form, exc)
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
