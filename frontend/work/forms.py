"""The register download's form: which book, of which agency and unit, for which days of receipt, as which file.
It parses input only; who may download and what the book holds are transparency.services.register_export's."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Unit
from workcalendar.validators import received_date

DATE = {"type": "date"}
DATE_ERRORS = {"invalid": _("Tanggal tidak valid.")}


class RegisterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Buku register"),
        choices=[
            ("requests", _("Buku Register Permohonan Informasi Publik")),
            ("objections", _("Register Keberatan")),
        ],
    )
    agency = forms.ModelChoiceField(label=_("Badan publik"), queryset=Agency.objects.none(), empty_label=None)
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Semua unit dalam jangkauan Anda"),
    )
    start = forms.DateField(
        label=_("Diterima sejak"),
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={**DATE_ERRORS, "required": _("Isi tanggal awal.")},
        validators=[received_date],
    )
    end = forms.DateField(
        label=_("Diterima sampai"),
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={**DATE_ERRORS, "required": _("Isi tanggal akhir.")},
        validators=[received_date],
    )
    file_format = forms.ChoiceField(
        label=_("Berkas"),
        choices=[
            ("xlsx", "Excel (XLSX)"),
            ("csv", _("CSV untuk spreadsheet")),
            ("pdf", _("PDF untuk dicetak")),
        ],
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])
        self.fields["unit"].queryset = Unit.objects.filter(agency__in=agencies, is_active=True).order_by(
            "agency__name", "kind", "name"
        )
        today = timezone.localdate()
        self.initial.setdefault("start", dt.date(today.year, 1, 1))
        self.initial.setdefault("end", today)
        if agencies:
            self.initial.setdefault("agency", agencies[0].pk)
