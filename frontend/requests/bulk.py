"""Bulk actions from the queue (issue 16 point 8): the selection and the action are posted to `/antrean/massal/`,
which shows per case what will happen and which cannot and why (`ppid.bulk.bulk_preview`); the confirm button
posts the same again with `konfirmasi`, and each case runs through its own service (`ppid.bulk.bulk_run`): the
result lists what was done and what failed, with the reason. Export writes the selected rows as CSV."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from agencies.models import Unit
from agencies.selectors import memberships_of, units_in_reach
from ppid import rules
from ppid.bulk import MAX_SELECTION, BulkAction, BulkParams, bulk_preview, bulk_run
from transparency.exports import csv_bytes

from .forms import queue_officers

ACTION_CHOICES = [
    (BulkAction.ASSIGN, _("Tugaskan kepada petugas")),
    (BulkAction.FORWARD, _("Teruskan ke unit lain")),
    (BulkAction.COMPLETE, _("Tandai selesai")),
    (BulkAction.EXPORT, _("Unduh sebagai CSV")),
]
EXPORT_LABELS = {
    "registration_number": "Nomor registrasi",
    "received_on": "Tanggal diterima",
    "unit_name": "Unit",
    "state": "Status",
    "information_requested": "Rincian informasi",
    "due_date": "Batas waktu",
    "is_overdue": "Lewat batas waktu",
}


class BulkForm(forms.Form):
    pilih = forms.CharField(required=False, widget=forms.MultipleHiddenInput)  # parsed by clean_pilih
    action = forms.ChoiceField(
        label=_("Tindakan untuk permohonan terpilih"),
        choices=[("", _("— pilih tindakan —")), *ACTION_CHOICES],
        error_messages={"required": _("Pilih tindakan."), "invalid_choice": _("Pilih tindakan dari daftar.")},
    )
    officer = forms.TypedChoiceField(
        label=_("Petugas (untuk penugasan)"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Pilih petugas dari daftar.")},
    )
    unit = forms.ModelChoiceField(
        label=_("Unit tujuan (untuk penerusan)"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("— pilih unit —"),
        error_messages={"invalid_choice": _("Pilih unit dari daftar.")},
    )
    text = forms.CharField(
        label=_("Alasan atau catatan internal"),
        help_text=_(
            "Wajib bila perkara dipindahkan dari petugas lain; untuk penerusan, catatan bagi unit tujuan. "
            "Tidak pernah ditampilkan kepada pemohon."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=settings.LONG_TEXT_MAX_CHARS,
    )
    kembali = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, user, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.officers = {u.pk: u for u in queue_officers(user, units)}
        self.fields["officer"].choices = [
            ("", _("— pilih petugas —")),
            *[(pk, u.get_full_name() or u.username) for pk, u in self.officers.items()],
        ]
        agencies = {m.unit.agency_id for m in memberships_of(user)}
        self.fields["unit"].queryset = Unit.objects.filter(agency_id__in=agencies, is_active=True).order_by(
            "agency", "kind", "name"
        )

    def clean_pilih(self):
        raw = self.data.getlist("pilih") if hasattr(self.data, "getlist") else []
        ids = list(dict.fromkeys(int(v) for v in raw if v.isdigit() and len(v) <= 18))
        if not ids:
            raise forms.ValidationError(_("Pilih paling sedikit satu permohonan di antrean."))
        if len(ids) > MAX_SELECTION:
            raise forms.ValidationError(
                _("Pilih paling banyak %(max)s permohonan sekaligus.") % {"max": MAX_SELECTION}
            )
        return ids

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == BulkAction.ASSIGN and not data.get("officer"):
            self.add_error("officer", _("Pilih petugas yang akan ditugaskan."))
        if action == BulkAction.FORWARD and not data.get("unit"):
            self.add_error("unit", _("Pilih unit tujuan penerusan."))
        return data

    def params(self) -> BulkParams:
        data = self.cleaned_data
        return BulkParams(
            officer=self.officers.get(data.get("officer")) if data.get("officer") else None,
            unit=data.get("unit"),
            text=(data.get("text") or "").strip(),
        )

    def queue_url(self) -> str:
        """Back to the queue as it was filtered (only its query string is kept: never another address)."""
        query = (self.cleaned_data.get("kembali") or "") if hasattr(self, "cleaned_data") else ""
        query = query.lstrip("?")
        return reverse("frontend:queue") + (f"?{query}" if query and "//" not in query else "")


def _officer_or_404(request) -> None:
    user = request.user
    if not (user.is_superuser or any(m.role in rules.OFFICER_ROLES for m in memberships_of(user))):
        raise Http404


def _export(outcomes) -> HttpResponse:
    rows: list[list] = [list(EXPORT_LABELS)]
    for outcome in outcomes:
        obj = outcome.request
        if not outcome.ok or obj is None:
            continue
        rows.append(
            [
                obj.registration_number,
                timezone.localtime(obj.received_at, obj.agency.tzinfo).date().isoformat(),
                obj.unit.name,
                obj.get_state_display(),
                obj.information_requested,
                obj.due_date.isoformat(),
                "ya" if obj.is_overdue else "tidak",
            ]
        )
    response = HttpResponse(
        csv_bytes(rows, spreadsheet=True, labels=EXPORT_LABELS), content_type="text/csv; charset=utf-8"
    )
    name = f"antrean-permohonan-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
@require_POST
def queue_bulk(request):
    """The preview of a bulk action (what will happen to each case, which cannot and why), and with `konfirmasi`
    the action itself, case by case."""
    _officer_or_404(request)
    user = request.user
    units = units_in_reach(user).filter(is_active=True)
    form = BulkForm(request.POST, user=user, units=units, auto_id="bulk_%s")
    if not form.is_valid():
        return render(
            request,
            "frontend/requests/bulk.html",
            {"form": form, "outcomes": None, "selected": request.POST.getlist("pilih")},
        )
    data = form.cleaned_data
    action, ids, params = data["action"], data["pilih"], form.params()
    if "konfirmasi" in request.POST:
        outcomes = bulk_run(action=action, ids=ids, actor=user, params=params)
        if action == BulkAction.EXPORT:
            return _export(outcomes)
        return render(
            request,
            "frontend/requests/bulk_result.html",
            {
                "form": form,
                "action_label": dict(ACTION_CHOICES)[action],
                "done": [o for o in outcomes if o.ok],
                "failed": [o for o in outcomes if not o.ok],
                "queue_url": form.queue_url(),
            },
        )
    outcomes = bulk_preview(action=action, ids=ids, actor=user, params=params)
    return render(
        request,
        "frontend/requests/bulk.html",
        {
            "form": form,
            "outcomes": outcomes,
            "selected": ids,
            "action_label": dict(ACTION_CHOICES)[action],
            "can_run": any(o.ok for o in outcomes),
            "cannot": sum(1 for o in outcomes if not o.ok),
            "queue_url": form.queue_url(),
        },
    )
