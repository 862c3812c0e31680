"""Agency administration of what official letters print (issue 17): a unit's kop and logo (on the unit form,
with a preview of the kop), the agency's logo and classification codes per letter kind (on the settings page),
the signatories by position ("Penanda tangan") and a staff member's NIP, rank and initials. Thin: the agency
comes from the URL through the administrators' scope (anything else answers 404; a unit's staff who post the
unit form get 403), and the services check again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from agencies import services as agency_services
from agencies.forms import UnitEditForm
from agencies.letter_kinds import letter_kinds
from agencies.models import PositionKind, SignatoryPosition, StaffProfile, Unit, UnitKind
from agencies.selectors import administers, units_visible_to
from letters.letterhead import default_title, letterhead_for

from ..common.forms import form_errors_to
from .access import admin_agency_or_404, staff_agency_or_404
from .forms import ClassificationCodesForm, LogoForm, SignatoryForm, StaffProfileForm, UnitLetterheadForm


def _part(request, default: str) -> str:
    """Which of a page's forms was posted (the hidden field `bagian`); "" on GET."""
    return request.POST.get("bagian", default) if request.method == "POST" else ""


def unit_edit(request, agency: str, pk: int):
    """A unit's name and code, its kop (with a preview of it as letters print it) and its logo: three forms,
    each calling its own service."""
    agency_obj = staff_agency_or_404(request, agency)
    unit = get_object_or_404(units_visible_to(request.user).filter(agency=agency_obj), pk=pk)
    if not administers(request.user, agency_obj):
        raise PermissionDenied
    part = _part(request, "unit")
    form = UnitEditForm(request.POST if part == "unit" else None, instance=Unit.objects.get(pk=unit.pk))
    kop_form = UnitLetterheadForm(
        request.POST if part == "kop" else None, instance=Unit.objects.get(pk=unit.pk), prefix="kop"
    )
    logo_form = LogoForm(
        request.POST if part == "logo" else None, request.FILES if part == "logo" else None, prefix="logo"
    )
    here = reverse("frontend:unit_edit", args=[agency_obj.slug, unit.pk])
    if part == "unit" and form.is_valid():
        try:
            agency_services.unit_update(
                actor=request.user,
                unit=unit,
                name=form.cleaned_data["name"],
                code=form.cleaned_data["code"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Unit tersimpan."))
            return redirect("frontend:unit_detail", agency=agency_obj.slug, pk=unit.pk)
    elif part == "kop" and kop_form.is_valid():
        data = {k: v for k, v in kop_form.cleaned_data.items() if k != "reason"}
        try:
            agency_services.unit_update_letterhead(
                actor=request.user, unit=unit, data=data, reason=kop_form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form_errors_to(kop_form, exc)
        else:
            messages.success(request, _("Kop surat unit tersimpan. Surat yang sudah terbit tidak berubah."))
            return redirect(here + "#kop-h")
    elif part == "logo" and logo_form.is_valid():
        if _save_logo(request, logo_form, agency_services.unit_logo_set, unit=unit):
            return redirect(here + "#logo-h")
    return render(
        request,
        "frontend/unit_form.html",
        {
            "agency": agency_obj,
            "unit": unit,
            "form": form,
            "kop_form": kop_form,
            "logo_form": logo_form,
            "kop": letterhead_for(Unit.objects.select_related("agency").get(pk=unit.pk)),
            "has_logo": bool(Unit.objects.get(pk=unit.pk).logo),
        },
    )


def _save_logo(request, form, service, **target) -> bool:
    data = form.cleaned_data
    try:
        service(
            actor=request.user,
            logo=None if data["remove"] else data["logo"],
            reason=data["reason"],
            **target,
        )
    except ValidationError as exc:
        form_errors_to(form, exc)
        return False
    messages.success(request, _("Logo dihapus.") if data["remove"] else _("Logo tersimpan."))
    return True


def agency_letter_parts(request, agency_obj):
    """The settings page's letter forms (the agency's logo, the classification codes) and, when one of them
    was posted and saved, the redirect to answer with. Returns (context, response or None)."""
    part = _part(request, "settings")
    logo_form = LogoForm(
        request.POST if part == "logo" else None, request.FILES if part == "logo" else None, prefix="logo"
    )
    codes_form = ClassificationCodesForm(
        request.POST if part == "kode" else None,
        kinds=letter_kinds(),
        codes=agency_obj.letter_classification_codes or {},
        prefix="kode",
    )
    here = reverse("frontend:agency_settings", args=[agency_obj.slug])
    response = None
    if part == "logo" and logo_form.is_valid():
        if _save_logo(request, logo_form, agency_services.agency_logo_set, agency=agency_obj):
            response = redirect(here + "#logo-h")
    elif part == "kode" and codes_form.is_valid():
        try:
            agency_services.agency_set_classification_codes(
                actor=request.user,
                agency=agency_obj,
                codes={kind: codes_form.cleaned_data[kind] for kind in codes_form.kinds},
                reason=codes_form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form_errors_to(codes_form, exc)
        else:
            messages.success(
                request, _("Kode klasifikasi tersimpan; berlaku untuk surat yang terbit sesudahnya.")
            )
            response = redirect(here + "#kode-h")
    main = agency_obj.main_unit
    context = {
        "part": part,
        "logo_form": logo_form,
        "codes_form": codes_form,
        "has_logo": bool(type(agency_obj).objects.get(pk=agency_obj.pk).logo),
        "kop": letterhead_for(Unit.objects.select_related("agency").get(pk=main.pk)) if main else None,
    }
    return context, response


def _position_rows(agency_obj):
    units = list(Unit.objects.filter(agency=agency_obj, is_active=True).order_by("-kind", "name"))
    positions = {
        (p.unit_id, p.kind): p
        for p in SignatoryPosition.objects.filter(unit__agency=agency_obj).select_related("holder")
    }
    profiles = {
        p.user_id: p
        for p in StaffProfile.objects.filter(user_id__in=[p.holder_id for p in positions.values()])
    }
    slots = [(unit, PositionKind.PPID) for unit in units]
    slots += [(unit, PositionKind.ATASAN) for unit in units if unit.kind == UnitKind.UTAMA]
    rows = []
    for unit, kind in slots:
        position = positions.get((unit.pk, kind))
        rows.append(
            {
                "unit": unit,
                "kind": kind,
                "kind_label": PositionKind(kind).label,
                "position": position,
                "profile": profiles.get(position.holder_id) if position else None,
                "fits": position is not None
                and agency_services.signatory_candidates(unit, kind).filter(pk=position.holder_id).exists(),
                "default_title": default_title(unit, kind),
            }
        )
    return rows


def signatories(request, agency: str):
    """Penanda tangan: each unit's PPID and the Atasan PPID, with holder, NIP, rank and Plt."""
    agency_obj = admin_agency_or_404(request, agency)
    return render(
        request,
        "frontend/signatories.html",
        {"agency": agency_obj, "rows": _position_rows(agency_obj)},
    )


def signatory_edit(request, agency: str, unit: int, kind: str):
    agency_obj = admin_agency_or_404(request, agency)
    unit_obj = get_object_or_404(Unit.objects.select_related("agency"), agency=agency_obj, pk=unit)
    if kind not in PositionKind.values or (kind == PositionKind.ATASAN and unit_obj.kind != UnitKind.UTAMA):
        raise Http404
    position = SignatoryPosition.objects.filter(unit=unit_obj, kind=kind).first()
    candidates = agency_services.signatory_candidates(unit_obj, kind)
    initial = (
        {"holder": position.holder_id, "title": position.title, "acting": position.acting}
        if position
        else {"title": default_title(unit_obj, kind)}
    )
    form = SignatoryForm(request.POST or None, candidates=candidates, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            agency_services.signatory_position_set(
                actor=request.user, unit=unit_obj, kind=kind, **form.cleaned_data
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Penanda tangan %(position)s %(unit)s tersimpan; berlaku untuk surat yang terbit sesudahnya."
                )
                % {"position": PositionKind(kind).label, "unit": unit_obj.name},
            )
            return redirect("frontend:signatories", agency=agency_obj.slug)
    return render(
        request,
        "frontend/signatory_form.html",
        {
            "agency": agency_obj,
            "unit": unit_obj,
            "kind": kind,
            "kind_label": PositionKind(kind).label,
            "position": position,
            "form": form,
            "has_candidates": candidates.exists(),
        },
    )


def staff_profile(request, agency: str, user: int):
    """A staff member's NIP, rank and initials, as letters print them."""
    agency_obj = admin_agency_or_404(request, agency)
    person = get_object_or_404(User.objects.filter(memberships__unit__agency=agency_obj).distinct(), pk=user)
    profile = StaffProfile.objects.filter(user=person).first()
    initial = {"nip": profile.nip, "rank": profile.rank, "initials": profile.initials} if profile else {}
    form = StaffProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            agency_services.staff_profile_update(
                actor=request.user, agency=agency_obj, user=person, **form.cleaned_data
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(
                request,
                _("Profil pegawai %(name)s tersimpan.") % {"name": person.get_full_name() or person.username},
            )
            return redirect("frontend:staff", agency=agency_obj.slug)
    return render(
        request,
        "frontend/staff_profile.html",
        {"agency": agency_obj, "person": person, "form": form},
    )
