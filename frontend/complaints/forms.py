"""Forms for service complaints (pengaduan). They parse input only; every rule (who may file without an
account, valid coordinates, the rating scale, which unit may receive a disposition) is checked by
complaints.services, whose messages land on these forms."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Unit
from agencies.selectors import active_agencies
from complaints.models import ArchiveReason, ComplaintCategory, ComplaintState
from complaints.services import occurred_on_error
from ppid.models import DeliveryMethod, ObtainMethod

from ..common.fields import MultipleFileField, new_submission_key

DATE_WIDGET = {"type": "date"}


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ComplaintFileForm(forms.Form):
    """Filing a complaint, with or without an account. Without an account the complaint is always anonymous:
    the checkbox is replaced by a hidden value and an explanation (the service refuses anything else)."""

    agency = forms.ModelChoiceField(
        label=_("Badan publik yang diadukan"),
        queryset=Agency.objects.none(),
        empty_label=_("— pilih badan publik —"),
        error_messages={"required": _("Pilih badan publik yang diadukan.")},
    )
    service = forms.CharField(
        label=_("Layanan yang diadukan"),
        max_length=200,
        required=False,
        help_text=_("Misalnya: pembuatan KTP, rawat jalan puskesmas, izin usaha."),
    )
    category = forms.ChoiceField(
        label=_("Kategori"),
        choices=[("", _("— pilih kategori —")), *ComplaintCategory.choices],
        error_messages={"required": _("Pilih kategori pengaduan.")},
    )
    title = forms.CharField(
        label=_("Judul pengaduan"),
        max_length=200,
        error_messages={"required": _("Isi judul pengaduan.")},
        help_text=_("Satu kalimat singkat, misalnya: Antrean loket KTP tidak dilayani."),
    )
    description = forms.CharField(
        label=_("Uraian kejadian"),
        widget=_textarea(6),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Uraikan apa yang terjadi.")},
        help_text=_(
            "Ceritakan apa yang terjadi, kerugian yang Anda alami, dan penyelesaian yang Anda harapkan. "
            "Jangan menuliskan nama atau nomor telepon Anda bila ingin tetap anonim."
        ),
    )
    occurred_on = forms.DateField(
        label=_("Tanggal kejadian"),
        required=False,
        widget=forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Tanggal tidak valid.")},
    )
    location = forms.CharField(
        label=_("Lokasi kejadian"),
        max_length=255,
        required=False,
        help_text=_("Nama kantor atau alamat tempat layanan diberikan."),
    )
    latitude = forms.CharField(
        label=_("Lintang (latitude)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_("Tidak wajib. Angka desimal, misalnya -6.914744."),
    )
    longitude = forms.CharField(
        label=_("Bujur (longitude)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_("Tidak wajib. Angka desimal, misalnya 107.609810. Isi bersama lintang."),
    )
    anonymous = forms.BooleanField(
        label=_("Rahasiakan identitas saya (anonim)"),
        required=False,
        help_text=_(
            "Nama, nama pengguna, dan e-mail Anda tidak ditampilkan kepada siapa pun yang menangani "
            "pengaduan ini. Anda tetap dapat mengikuti dan membalasnya dari akun Anda."
        ),
    )
    confidential = forms.BooleanField(
        label=_("Rahasiakan isi pengaduan (rahasia)"),
        required=False,
        help_text=_(
            "Isi pengaduan tidak pernah dipublikasikan; hanya petugas yang menanganinya yang dapat membacanya. "
            "Tanpa pilihan ini, isi pengaduan dapat ditampilkan kepada publik (tanpa identitas bila anonim)."
        ),
    )
    attachments = MultipleFileField(
        label=_("Lampiran"),
        help_text=_("Foto atau dokumen pendukung: PDF, PNG, atau JPEG; boleh lebih dari satu."),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    FIELDSETS = (
        (_("Yang diadukan"), ("agency", "service", "category")),
        (_("Kejadian"), ("title", "description", "occurred_on", "location", "latitude", "longitude")),
        (_("Kerahasiaan"), ("anonymous", "confidential")),
        (_("Bukti pendukung"), ("attachments",)),
    )
    field_order = [name for _legend, names in FIELDSETS for name in names]

    def __init__(self, *args, has_account: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_account = has_account
        agencies = active_agencies().order_by("name")
        self.fields["agency"].queryset = agencies
        if not has_account:
            # Forced on and explained in the page; a hand-made post without it is refused by the service.
            self.fields["anonymous"].widget = forms.HiddenInput()
            self.initial["anonymous"] = True
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())
            only = list(agencies[:2])
            if len(only) == 1:
                self.initial.setdefault("agency", only[0].pk)

    def clean(self):
        cleaned = super().clean()
        agency = cleaned.get("agency")
        if agency is not None and (error := occurred_on_error(agency, cleaned.get("occurred_on"))):
            self.add_error("occurred_on", error)
        return cleaned

    GROUP_KEYS = ("target", "event", "privacy", "evidence")

    def fieldsets(self):
        """(legend, visible bound fields) groups, as frontend/_form.html expects."""
        return [(g["legend"], g["fields"]) for g in self.groups()]

    def groups(self):
        """The same groups with a key, so the filing page can explain anonymity where it applies."""
        return [
            {"key": key, "legend": legend, "fields": [self[n] for n in names if not self[n].is_hidden]}
            for key, (legend, names) in zip(self.GROUP_KEYS, self.FIELDSETS, strict=True)
        ]


# --- Tracking without an account -------------------------------------------------------------------------------
class TrackForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("Nomor pelacakan"),
        max_length=100,
        error_messages={"required": _("Isi nomor pelacakan.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text=_("Tertera pada halaman yang muncul setelah pengaduan dikirim, misalnya ADU/2026/00001."),
    )
    code = forms.CharField(
        label=_("Kode rahasia"),
        max_length=100,
        error_messages={"required": _("Isi kode rahasia.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "off"}),
        help_text=_(
            "Kode yang ditampilkan satu kali saat pengaduan dikirim. Huruf besar dan kecil tidak dibedakan; "
            "tanda hubung boleh diketik atau dilewati."
        ),
    )


class _Tracked(forms.Form):
    """The proof carried by the tracking page's own forms: posted back in the body, never in a URL."""

    complaint = forms.IntegerField(widget=forms.HiddenInput)
    tracking_number = forms.CharField(widget=forms.HiddenInput, max_length=100)
    tracking_code = forms.CharField(widget=forms.HiddenInput, max_length=100)


# --- Transitions ------------------------------------------------------------------------------------------------
RATING_LABELS = (
    ("1", _("1 — Sangat tidak puas")),
    ("2", _("2 — Tidak puas")),
    ("3", _("3 — Cukup")),
    ("4", _("4 — Puas")),
    ("5", _("5 — Sangat puas")),
)


class VerifyForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Teruskan ke unit"),
        queryset=Unit.objects.none(),
        empty_label=_("— pilih unit —"),
        error_messages={
            "required": _("Pilih unit yang menindaklanjuti."),
            "invalid_choice": _("Pilih unit aktif dari badan publik yang sama."),
        },
        help_text=_(
            "Unit tersebut wajib menyampaikan tindak lanjut dalam batas waktu yang ditampilkan di atas."
        ),
    )

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(
            agency_id=complaint.agency_id, is_active=True
        ).order_by("kind", "name")


class ArchiveForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Alasan pengarsipan"),
        choices=[("", _("— pilih alasan —"))]
        + [c for c in ArchiveReason.choices if c[0] != ArchiveReason.CONVERTED],
        error_messages={
            "required": _("Pilih alasan pengarsipan."),
            "invalid_choice": _("Pilih alasan pengarsipan."),
        },
    )
    note = forms.CharField(
        label=_("Penjelasan untuk pelapor"),
        widget=_textarea(3),
        error_messages={"required": _("Tuliskan penjelasan untuk pelapor.")},
        help_text=_("Ditampilkan kepada pelapor, misalnya ke mana pengaduan sebaiknya disampaikan."),
    )


class RespondForm(forms.Form):
    message = forms.CharField(
        label=_("Tindak lanjut untuk pelapor"),
        widget=_textarea(5),
        error_messages={"required": _("Tuliskan tindak lanjut untuk pelapor.")},
        help_text=_(
            "Apa yang sudah dilakukan unit dan hasilnya. Pelapor dapat menerima atau membuka kembali."
        ),
    )


class ReopenForm(forms.Form):
    message = forms.CharField(
        label=_("Mengapa tindak lanjut belum memuaskan?"),
        widget=_textarea(4),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Jelaskan mengapa tindak lanjut belum memuaskan.")},
        help_text=_("Pengaduan kembali ke unit dengan batas waktu tindak lanjut yang baru."),
    )


class ConfirmForm(forms.Form):
    # The choices are the buttons offered; the scale itself is checked by the service (any other value is
    # answered with its message).
    rating = forms.CharField(
        label=_("Penilaian atas penanganan pengaduan"),
        widget=forms.RadioSelect(choices=RATING_LABELS),
        error_messages={"required": _("Pilih penilaian dari 1 sampai 5.")},
    )
    comment = forms.CharField(
        label=_("Komentar (tidak wajib)"),
        required=False,
        widget=_textarea(3),
        max_length=settings.LONG_TEXT_MAX_CHARS,
    )


class TrackedReopenForm(_Tracked, ReopenForm):
    pass


class TrackedConfirmForm(_Tracked, ConfirmForm):
    pass


class EscalateForm(forms.Form):
    reference = forms.CharField(
        label=_("Nomor laporan Ombudsman"),
        max_length=100,
        error_messages={"required": _("Isi nomor laporan dari Ombudsman.")},
        help_text=_(
            "Dicatat bila pelapor melanjutkan pengaduan ke Ombudsman Republik Indonesia (UU 37/2008)."
        ),
    )


class LaporForm(forms.Form):
    number = forms.CharField(
        label=_("Nomor pelacakan SP4N-LAPOR!"),
        max_length=100,
        error_messages={"required": _("Isi nomor pelacakan SP4N-LAPOR!.")},
        help_text=_("Bila pengaduan yang sama juga tercatat di SP4N-LAPOR!."),
    )


class ConvertForm(forms.Form):
    purpose = forms.CharField(
        label=_("Tujuan penggunaan informasi"),
        widget=_textarea(2),
        error_messages={"required": _("Tuliskan tujuan penggunaan informasi (UU 14/2008 Pasal 4 ayat 3).")},
    )
    obtain_method = forms.ChoiceField(
        label=_("Cara memperoleh informasi"), choices=ObtainMethod.choices, initial=ObtainMethod.SOFTCOPY
    )
    delivery_method = forms.ChoiceField(
        label=_("Cara mendapatkan salinan informasi"),
        choices=DeliveryMethod.choices,
        initial=DeliveryMethod.EMAIL,
    )


# --- Staff queue ------------------------------------------------------------------------------------------------
class ComplaintQueueFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua status")), *ComplaintState.choices], required=False
    )
    category = forms.ChoiceField(
        label=_("Kategori"), choices=[("", _("Semua kategori")), *ComplaintCategory.choices], required=False
    )
    overdue = forms.BooleanField(label=_("Hanya yang melewati batas waktu"), required=False)
