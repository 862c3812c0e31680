"""The site-wide forms (the due-date calculator), and how every page shows a service's ValidationError."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agencies.selectors import active_agencies


def form_errors_to(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: each field's messages on that field, the rest on top."""
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


class DueDateForm(forms.Form):
    start = forms.DateField(
        label=_("Tanggal permohonan diterima"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    working_days = forms.IntegerField(label=_("Jumlah hari kerja"), min_value=1, max_value=365, initial=10)
    agency = forms.ModelChoiceField(
        label=_("Badan publik"),
        queryset=active_agencies(),
        required=False,
        to_field_name="slug",
        empty_label=_("(kalender nasional)"),
    )
    party = forms.ChoiceField(
        label=_("Tenggat siapa"),
        choices=[
            ("agency", _("Badan publik (pemberitahuan, perpanjangan, tanggapan Atasan)")),
            ("requester", _("Pemohon (keberatan, sengketa ke Komisi Informasi)")),
        ],
        required=False,
        help_text=_("Menentukan apakah cuti bersama dihitung sebagai hari kerja."),
    )

    def clean_start(self):
        start = self.cleaned_data["start"]
        if not dt.date(2000, 1, 1) <= start <= dt.date(2100, 12, 31):
            raise forms.ValidationError(_("Tanggal di luar jangkauan kalender."))
        return start
