"""Forms of the staff's transparency pages: the auditors' dashboard filters, and the PPID's texts of the annual
report and its publication. Dates are checked as on the public statistics (stats/forms.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import Unit
from transparency.services import MAX_REASON, MAX_TEXT, TEXT_FIELDS

from ..stats.forms import CheckedDates, date_field


class DashboardForm(CheckedDates, forms.Form):
    """The auditors' view of one agency: since when requests count for the rates, and which unit's overdue
    cases to list."""

    date_fields = ("since",)

    since = date_field(
        _("Permohonan diterima sejak"),
        _("Dasar tingkat ketepatan waktu, perpanjangan, dan keberatan. Bawaan: 1 Januari tahun ini."),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit (daftar terlambat)"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Semua unit"),
        error_messages={"invalid_choice": _("Pilih unit dari daftar.")},
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency).order_by("-kind", "name", "pk")

    def clean(self):
        data = super().clean()
        self.check_dates()
        return data


class AnnualReportForm(forms.Form):
    """Sections a, b, e and f of the annual report, written by the PPID (transparency.services checks the rest:
    who may write, and that no NIK-shaped number is published)."""

    policy_text = forms.CharField(
        label=_("A. Kebijakan pelayanan informasi publik"),
        help_text=_("Sarana dan prasarana, sumber daya manusia, dan anggaran."),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    implementation_text = forms.CharField(
        label=_("B. Pelaksanaan pelayanan informasi publik"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    obstacles_text = forms.CharField(
        label=_("E. Kendala eksternal dan internal"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    recommendations_text = forms.CharField(
        label=_("F. Rekomendasi dan rencana tindak lanjut"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    field_order = list(TEXT_FIELDS)


class AnnualReportPublishForm(forms.Form):
    """Publishing the annual report. A first publication may carry a note; publishing again (a correction) needs a
    reason, which transparency.services checks and words, so the field stays optional here."""

    reason = forms.CharField(
        label=_("Catatan penerbitan (tidak wajib)"),
        required=False,
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, published: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if published:
            field = self.fields["reason"]
            field.label = _("Alasan penerbitan ulang (wajib)")
            field.help_text = _("Apa yang dikoreksi dan mengapa. Dicatat dalam jejak audit.")
            field.widget.attrs["aria-required"] = "true"
