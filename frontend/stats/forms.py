"""The public statistics' form: an agency and a period. The rules of a period live in transparency.params, shared
with the API; the date fields and their check serve the dashboard's form too."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.selectors import active_agencies
from transparency.params import DATE_INVALID, FIRST_YEAR, LAST_YEAR, date_error, period_error

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]


def date_field(label, help_text=""):
    """An optional date, typed or picked, with the figures' words for a date that is not one."""
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": DATE_INVALID},
    )


class CheckedDates:
    """Each date field is checked against the years any figure can cover."""

    date_fields: tuple[str, ...] = ()

    def check_dates(self):
        for name in self.date_fields:
            value = self.cleaned_data.get(name)
            error = value and date_error(value)
            if error:
                self.add_error(name, error)


class StatisticsForm(CheckedDates, forms.Form):
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
    start = date_field(_("Dari tanggal"), _("Paling lama 5 tahun; isi bersama tanggal akhir, tanpa tahun."))
    end = date_field(_("Sampai tanggal"))

    @property
    def fieldsets(self):
        return [
            (_("Badan publik dan tahun"), [self["agency"], self["year"]]),
            (_("Atau rentang tanggal penerimaan"), [self["start"], self["end"]]),
        ]

    def clean(self):
        data = super().clean()
        self.check_dates()
        if not self.errors:
            error = period_error(year=data.get("year"), start=data.get("start"), end=data.get("end"))
            if error:
                # The API's words name its parameters; the page names its fields.
                together = _("Isi tanggal awal dan tanggal akhir bersama-sama, atau kosongkan keduanya.")
                self.add_error(error.field, together if error.code == "together" else error.message)
        return data
