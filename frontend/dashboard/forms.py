"""Forms of the transparency pages: the public statistics' period, the auditors' dashboard filters, and the PPID's
texts of the annual report and its publication. The rules of a period live in transparency.params, shared with
the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import Unit
from agencies.selectors import active_agencies
from transparency.params import DATE_INVALID, FIRST_YEAR, LAST_YEAR, date_error, period_error
from transparency.services import MAX_REASON, MAX_TEXT, TEXT_FIELDS

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]


def _date_field(label, help_text=""):
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": DATE_INVALID},
    )


class _CheckedDates:
    """Each date field is checked against the years any figure can cover."""

    date_fields: tuple[str, ...] = ()

    def _clean_dates(self):
        for name in self.date_fields:
            value = self.cleaned_data.get(name)
            error = value and date_error(value)
            if error:
                self.add_error(name, error)


class StatisticsForm(_CheckedDates, forms.Form):
    """The public statistics: an agency (or all of them) and a year or a range of days of receipt."""

    date_fields = ("start", "end")

    agency = forms.ModelChoiceField(
        label=_("Badan publik"),
        queryset=active_agencies().order_by("name"),
        required=False,
        to_field_name="slug",
        empty_label=_("Semua badan publik"),
        error_messages={"invalid_choice": _("Pilih badan publik dari daftar.")},
    )
    year = forms.IntegerField(
        label=_("Tahun"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text=_("Kosongkan tahun dan tanggal untuk tahun berjalan."),
        error_messages={
            "invalid": _("Tahun harus berupa angka, misalnya 2026."),
            "min_value": _("Tahun paling awal %(limit_value)s."),
            "max_value": _("Tahun paling akhir %(limit_value)s."),
        },
    )
    start = _date_field(_("Dari tanggal"), _("Paling lama 5 tahun; isi bersama tanggal akhir, tanpa tahun."))
    end = _date_field(_("Sampai tanggal"))

    @property
    def fieldsets(self):
        return [
            (_("Badan publik dan tahun"), [self["agency"], self["year"]]),
            (_("Atau rentang tanggal penerimaan"), [self["start"], self["end"]]),
        ]

    def clean(self):
        data = super().clean()
        self._clean_dates()
        if not self.errors:
            error = period_error(year=data.get("year"), start=data.get("start"), end=data.get("end"))
            if error:
                # The API's words name its parameters; the page names its fields.
                together = _("Isi tanggal awal dan tanggal akhir bersama-sama, atau kosongkan keduanya.")
                self.add_error(error.field, together if error.code == "together" else error.message)
        return data


class DashboardForm(_CheckedDates, forms.Form):
    """The auditors' view of one agency: since when requests count for the rates, and which unit's overdue
    cases to list."""

    date_fields = ("since",)

    since = _date_field(
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
        self._clean_dates()
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
