"""Agency administration: staff and their roles (editing units, with their kop, is in letterheads.py). Thin: the
agency comes from the URL through the same scoping as the other administration pages (anything outside the
user's agencies answers 404); staff of the agency read, its administrators change (anyone else who posts gets
403); services check again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from agencies import services as agency_services
from agencies.models import StaffRole
from agencies.selectors import administers, agency_staff, units_visible_to

from ..common.forms import form_errors_to
from .access import staff_agency_or_404
from .forms import RevokeForm, StaffAddForm, StaffFilterForm


def _agency_units(request, agency, *, active_only: bool = False):
    units = units_visible_to(request.user).filter(agency=agency)
    if active_only:
        units = units.filter(is_active=True)
    return units.order_by("-kind", "name")  # the PPID Utama first


def _back_to(request, default: str) -> str:
    """Where to return after a change: a page of the administration on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/kelola/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def staff_list(request, agency: str):
    agency_obj = staff_agency_or_404(request, agency)
    is_admin = administers(request.user, agency_obj)
    if request.method == "POST" and not is_admin:
        raise PermissionDenied

    # Own ids: the add form on the same page has fields of the same names.
    filter_form = StaffFilterForm(
        request.GET or None, units=_agency_units(request, agency_obj), auto_id="filter_%s"
    )
    unit, role = None, ""
    if filter_form.is_bound and filter_form.is_valid():
        unit, role = filter_form.cleaned_data["unit"], filter_form.cleaned_data["role"]

    add_form = None
    if is_admin:
        add_form = StaffAddForm(
            request.POST or None,
            units=_agency_units(request, agency_obj, active_only=True),
            initial={"unit": unit.pk if unit else None, "role": role},
        )
    if request.method == "POST" and add_form.is_valid():
        data = add_form.cleaned_data
        try:
            result = agency_services.staff_add(actor=request.user, agency=agency_obj, **data)
        except ValidationError as exc:
            form_errors_to(add_form, exc)
        else:
            _report_added(request, result, data)
            return redirect(request.get_full_path())

    return render(
        request,
        "frontend/staff.html",
        {
            "agency": agency_obj,
            "is_admin": is_admin,
            "filter_form": filter_form,
            "form": add_form,
            "filtered": bool(unit or role),
            "staff": agency_staff(request.user, agency_obj, unit=unit, role=role),
        },
    )


def _report_added(request, result, data) -> None:
    m = result.membership
    names = {
        "name": m.user.get_full_name() or m.user.get_username(),
        "email": m.user.email,
        "role": m.get_role_display(),
        "unit": m.unit.name,
    }
    if result.account_created:
        messages.success(
            request,
            _(
                "Akun untuk %(email)s dibuat dengan peran %(role)s di %(unit)s. Undangan untuk membuat "
                "kata sandi dikirim ke alamat itu."
            )
            % names,
        )
    elif not result.granted:
        messages.success(
            request,
            _("%(name)s sudah memegang peran ini tetapi belum membuat kata sandi: undangan dikirim ulang.")
            % names,
        )
    else:
        messages.success(request, _("%(name)s kini memegang peran %(role)s di %(unit)s.") % names)
        if result.invitation_sent:
            messages.info(
                request, _("Akun ini belum punya kata sandi: undangan dikirim ke %(email)s.") % names
            )
    if result.was_citizen:
        messages.warning(
            request,
            _(
                "Catatan: akun ini sebelumnya akun pemohon. Ia tetap dapat mengajukan permohonan atas namanya "
                "sendiri; pastikan ia tidak menangani permohonan atau pengaduannya sendiri."
            ),
        )


def staff_revoke(request, agency: str, pk: int):
    agency_obj = staff_agency_or_404(request, agency)
    membership = get_object_or_404(agency_staff(request.user, agency_obj), pk=pk)
    if not administers(request.user, agency_obj):
        raise PermissionDenied
    back = _back_to(request, reverse("frontend:staff", args=[agency_obj.slug]))
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency_services.membership_revoke(
                actor=request.user, membership=membership, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(
                request,
                _("Peran %(role)s %(name)s di %(unit)s dicabut.")
                % {
                    "role": membership.get_role_display(),
                    "name": membership.user.get_full_name() or membership.user.get_username(),
                    "unit": membership.unit.name,
                },
            )
            return redirect(back)
    return render(
        request,
        "frontend/staff_revoke.html",
        {
            "agency": agency_obj,
            "membership": membership,
            "form": form,
            "back": back,
            "is_admin_role": membership.role == StaffRole.ADMIN,
        },
    )
