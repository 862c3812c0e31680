"""Forms of the administration pages: staff and their roles (the unit choices are always the agency's own units,
so a unit of another agency is a form error and never reaches a service), and the reason of a settings change."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import UNIT_LETTERHEAD_FIELDS, StaffRole, Unit
from agencies.numbering import LONGEST_CLASSIFICATION_CODE
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


# --- letterheads, signatories, staff profiles (issue 17) --------------------------------------------------------


class UnitLetterheadForm(forms.ModelForm):
    """A unit's own kop; what it leaves empty the agency's settings fill."""

    reason = forms.CharField(
        label=_("Alasan perubahan"),
        max_length=500,
        required=False,
        help_text=_("Dicatat dalam jejak audit."),
    )

    class Meta:
        model = Unit
        fields = list(UNIT_LETTERHEAD_FIELDS)
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "letterhead_name": _(
                "Baris kedua kop, di bawah nama pemerintah daerah, mis. DINAS KESEHATAN. Kosong: nama unit "
                "(PPID Utama: nama badan publik)."
            ),
            "address": _("Kosong: alamat badan publik."),
            "postal_code": _("5 angka."),
        }
        error_messages = {
            "email": {"invalid": _("Alamat e-mail tidak valid, mis. ppid@dinkes.go.id.")},
            "website": {"invalid": _("Alamat situs tidak valid, mis. https://dinkes.jabarprov.go.id.")},
        }


class LogoForm(forms.Form):
    """Upload, replace or remove a logo (checked by content by the service)."""

    logo = forms.FileField(
        label=_("Berkas logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
        help_text=_("PNG atau JPEG, paling besar 1 MB dan 2000 × 2000 piksel."),
    )
    remove = forms.BooleanField(label=_("Hapus logo"), required=False)
    reason = forms.CharField(label=_("Alasan"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("logo") and data.get("remove"):
            raise forms.ValidationError(_("Pilih berkas logo baru atau hapus logo, tidak keduanya."))
        if not data.get("logo") and not data.get("remove") and not self.errors:
            self.add_error("logo", _("Pilih berkas logo, atau centang Hapus logo."))
        return data


class ClassificationCodesForm(forms.Form):
    """The archival classification code of each letter kind, a field per kind labelled with its name."""

    reason = forms.CharField(label=_("Alasan"), max_length=500, required=False)

    def __init__(self, *args, kinds, codes, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields.pop("reason")
        for kind, label in kinds:
            self.fields[kind] = forms.CharField(
                label=label,
                required=False,
                max_length=LONGEST_CLASSIFICATION_CODE,
                initial=codes.get(kind, ""),
                error_messages={
                    "max_length": _("Kode klasifikasi paling panjang %(limit_value)s karakter."),
                },
            )
        self.fields["reason"] = reason
        self.kinds = [kind for kind, _label in kinds]


class SignatoryForm(forms.Form):
    holder = forms.ModelChoiceField(
        label=_("Pejabat"),
        queryset=None,
        empty_label=_("Pilih pejabat"),
        error_messages={
            "required": _("Pilih pejabat."),
            "invalid_choice": _("Pilih salah satu pejabat yang tersedia."),
        },
    )
    title = forms.CharField(
        label=_("Nama jabatan"),
        max_length=200,
        help_text=_(
            "Seperti tercetak di atas tanda tangan, mis. Kepala Dinas Kesehatan selaku PPID Pelaksana."
        ),
        error_messages={"required": _("Isi nama jabatan, mis. Kepala Dinas Kesehatan.")},
    )
    acting = forms.BooleanField(
        label=_("Pelaksana tugas (Plt.)"),
        required=False,
        help_text=_("Surat mencetak “Plt.” di depan nama jabatan."),
    )
    reason = forms.CharField(
        label=_("Alasan atau dasar penunjukan"),
        max_length=500,
        required=False,
        help_text=_("Mis. nomor SK. Dicatat dalam jejak audit."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = candidates
        self.fields["holder"].label_from_instance = lambda user: user.get_full_name() or user.username


class StaffProfileForm(forms.Form):
    nip = forms.CharField(
        label=_("NIP"),
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("18 angka, boleh dengan spasi seperti tertulis di SK, mis. 19700101 200003 2 001."),
    )
    rank = forms.CharField(
        label=_("Pangkat/golongan"),
        max_length=100,
        required=False,
        help_text=_("Mis. Pembina Tk. I, IV/b."),
    )
    initials = forms.CharField(
        label=_("Inisial (paraf)"),
        max_length=10,
        required=False,
        help_text=_("Dicetak pada baris “Disiapkan” surat yang disusunnya. Kosong: dari namanya."),
    )
    reason = forms.CharField(label=_("Alasan"), max_length=500, required=False)
