"""Forms of the administration pages: staff and their roles (the unit choices are always the agency's own units,
so a unit of another agency is a form error and never reaches a service), and the reason of a settings change."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import StaffRole, Unit
from workcalendar.validators import received_date

_UNIT_NOT_HERE = _("Pilih unit dari badan publik ini.")
_ROLE_UNKNOWN = _("Pilih salah satu peran yang tersedia.")


def _unit_label(unit: Unit) -> str:
    return f"{unit.name} ({unit.code})"


class StaffFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Semua unit"),
        error_messages={"invalid_choice": _UNIT_NOT_HERE},
    )
    role = forms.ChoiceField(
        label=_("Peran"),
        choices=[("", _("Semua peran")), *StaffRole.choices],
        required=False,
        error_messages={"invalid_choice": _ROLE_UNKNOWN},
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = _unit_label


class StaffAddForm(forms.Form):
    email = forms.EmailField(
        label=_("Alamat e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_(
            "Jika belum ada akun dengan alamat ini, akun baru dibuat dan undangan dikirim ke alamat ini."
        ),
        error_messages={
            "required": _("Isi alamat e-mail."),
            "invalid": _("Alamat e-mail tidak valid, mis. nama@instansi.go.id."),
        },
    )
    name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Wajib untuk akun baru. Nama akun yang sudah ada tidak diubah."),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        empty_label=_("Pilih unit"),
        error_messages={"required": _("Pilih unit."), "invalid_choice": _UNIT_NOT_HERE},
    )
    role = forms.ChoiceField(
        label=_("Peran"),
        choices=[("", _("Pilih peran")), *StaffRole.choices],
        help_text=_(
            "Atasan PPID, auditor, dan administrator menjangkau seluruh badan publik, apa pun unitnya; "
            "petugas dan PPID menjangkau unitnya sendiri (staf PPID Utama menjangkau semua unit)."
        ),
        error_messages={"required": _("Pilih peran."), "invalid_choice": _ROLE_UNKNOWN},
    )
    reason = forms.CharField(
        label=_("Alasan atau dasar penugasan"),
        max_length=500,
        required=False,
        help_text=_("Mis. nomor SK penunjukan. Dicatat dalam jejak audit."),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = _unit_label


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan pencabutan"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dicatat dalam jejak audit."),
        error_messages={"required": _("Sebutkan alasan pencabutan peran.")},
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=500)


class AuditFilterForm(forms.Form):
    """The audit trail's filters (who, what, which case, which days); all optional, kept in the URL."""

    actor = forms.ModelChoiceField(
        label=_("Pelaku"),
        queryset=None,
        required=False,
        empty_label=_("Semua pelaku"),
        error_messages={"invalid_choice": _("Pilih staf dari badan publik ini.")},
    )
    action = forms.ChoiceField(
        label=_("Tindakan"),
        required=False,
        error_messages={"invalid_choice": _("Pilih salah satu tindakan yang tersedia.")},
    )
    case = forms.CharField(
        label=_("Nomor perkara"),
        required=False,
        max_length=64,
        help_text=_("Nomor registrasi permohonan atau keberatan, atau nomor pelacakan pengaduan."),
    )
    start = forms.DateField(
        label=_("Sejak tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Tanggal tidak valid.")},
        validators=[received_date],
    )
    end = forms.DateField(
        label=_("Sampai tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Tanggal tidak valid.")},
        validators=[received_date],
    )

    def __init__(self, *args, actors, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = actors
        self.fields["actor"].label_from_instance = lambda user: user.get_full_name() or user.username
        self.fields["action"].choices = [("", _("Semua tindakan")), *actions]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data
