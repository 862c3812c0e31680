"""The agency's service standard (/kelola/<agency>/standar-layanan/, issue 19 point 1): the draft's maklumat,
schedule and PPID fields, its fees and SOPs, and the button that publishes it as the next version. Its
administrators and the PPID Utama's head edit; other staff of the agency 403; anyone else 404."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.errors import NotFound
from standards import services
from standards.models import ServiceStandard, SopKind
from standards.selectors import fee_display, may_edit, sop_label, standard_draft

from ..common.forms import form_errors_to
from .access import staff_agency_or_404


class StandardForm(forms.ModelForm):
    structure_chart_upload = forms.FileField(
        label=gettext_lazy("Bagan struktur PPID (PDF, PNG, atau JPEG)"), required=False
    )
    ppid_sk_upload = forms.FileField(label=gettext_lazy("Berkas SK PPID (PDF)"), required=False)

    class Meta:
        model = ServiceStandard
        fields = [*services.TEXT_FIELDS, *services.DATE_FIELDS]
        widgets = {
            "signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ppid_sk_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "promise": forms.Textarea(attrs={"rows": 4}),
            "desk_address": forms.Textarea(attrs={"rows": 2}),
            "online_channels": forms.Textarea(attrs={"rows": 3}),
            "ppid_profile": forms.Textarea(attrs={"rows": 4}),
            "ppid_structure": forms.Textarea(attrs={"rows": 3}),
        }


class FeeForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Jenis layanan"), max_length=200)
    unit = forms.CharField(
        label=gettext_lazy("Satuan"), max_length=100, help_text=gettext_lazy("Mis. per lembar.")
    )
    amount = forms.IntegerField(label=gettext_lazy("Biaya (Rp)"), min_value=0)


class SopForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Jenis SOP"), choices=SopKind.choices)
    sk_number = forms.CharField(label=gettext_lazy("Nomor SK"), max_length=100)
    sk_date = forms.DateField(
        label=gettext_lazy("Tanggal SK"), widget=forms.DateInput(attrs={"type": "date"})
    )
    file = forms.FileField(label=gettext_lazy("Berkas SOP (PDF)"))


@login_required
def standard_edit(request, agency: str):
    agency_obj = staff_agency_or_404(request, agency)
    if not may_edit(request.user, agency_obj):
        raise PermissionDenied
    draft = standard_draft(agency_obj)
    part = request.POST.get("bagian", "") if request.method == "POST" else ""
    form = StandardForm(
        request.POST if part == "main" else None, request.FILES or None, instance=draft, prefix="s"
    )
    fee_form = FeeForm(request.POST if part == "fee" else None, prefix="fee")
    sop_form = SopForm(request.POST if part == "sop" else None, request.FILES or None, prefix="sop")
    publish_errors: list[str] = []
    try:
        if part == "main" and form.is_valid():
            data = {name: form.cleaned_data[name] for name in (*services.TEXT_FIELDS, *services.DATE_FIELDS)}
            try:
                services.service_standard_update(
                    actor=request.user,
                    agency=agency_obj,
                    data=data,
                    structure_chart=form.cleaned_data.get("structure_chart_upload"),
                    ppid_sk_file=form.cleaned_data.get("ppid_sk_upload"),
                )
            except ValidationError as exc:
                form_errors_to(form, exc)
            else:
                messages.success(request, _("Draf standar layanan tersimpan."))
                return redirect("frontend:standard_edit", agency=agency_obj.slug)
        elif part == "fee" and fee_form.is_valid():
            try:
                services.fee_item_add(actor=request.user, agency=agency_obj, **fee_form.cleaned_data)
            except ValidationError as exc:
                form_errors_to(fee_form, exc)
            else:
                return redirect("frontend:standard_edit", agency=agency_obj.slug)
        elif part == "fee_remove":
            try:
                fee_id = int(request.POST.get("fee", ""))
            except ValueError as exc:
                raise NotFound from exc
            services.fee_item_remove(actor=request.user, agency=agency_obj, fee_id=fee_id)
            return redirect("frontend:standard_edit", agency=agency_obj.slug)
        elif part == "sop" and sop_form.is_valid():
            try:
                services.sop_document_set(actor=request.user, agency=agency_obj, **sop_form.cleaned_data)
            except ValidationError as exc:
                form_errors_to(sop_form, exc)
            else:
                messages.success(request, _("SOP tersimpan."))
                return redirect("frontend:standard_edit", agency=agency_obj.slug)
        elif part == "publish":
            try:
                version = services.service_standard_publish(actor=request.user, agency=agency_obj)
            except ValidationError as exc:
                labels = {
                    name: ServiceStandard._meta.get_field(name).verbose_name for name in exc.message_dict
                }
                publish_errors = [
                    f"{labels[name]}: {'; '.join(msgs)}" for name, msgs in exc.message_dict.items()
                ]
            else:
                messages.success(
                    request, _("Standar layanan diumumkan sebagai versi %(n)s.") % {"n": version.number}
                )
                return redirect("frontend:standard_edit", agency=agency_obj.slug)
    except NotFound:
        from django.http import Http404

        raise Http404 from None
    return render(
        request,
        "frontend/manage/standard_edit.html",
        {
            "agency": agency_obj,
            "form": form,
            "fee_form": fee_form,
            "sop_form": sop_form,
            "publish_errors": publish_errors,
            "fees": [(fee, fee_display(fee.amount)) for fee in draft.fees.all()],
            "sops": [(sop, sop_label(sop.kind)) for sop in draft.sops.select_related("file")],
            "versions": draft.versions.select_related("published_by")[:20],
        },
    )
