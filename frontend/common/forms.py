import datetime as dt

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from agencies.selectors import active_agencies


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Nama pengguna atau e-mail"), widget=forms.TextInput(attrs={"autofocus": True})
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Nama pengguna/e-mail atau kata sandi salah."),
        "inactive": _("Akun ini tidak aktif."),
    }


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


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=500)
