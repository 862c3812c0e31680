"""Forms for objections (keberatan) and disputes (sengketa). They parse input only; which grounds fit, the
deadlines and every other rule are checked by ppid.services."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Unit
from agencies.selectors import active_agencies
from ppid import register
from ppid.models import (
    Channel,
    Court,
    DisputeHearing,
    DisputeResult,
    MediationResult,
    ObjectionGround,
    ObjectionOutcome,
)
from workcalendar.validators import planned_date, received_date

from ..common.fields import UnitChoiceField, new_submission_key

DATE_WIDGET = {"type": "date"}
DATE_ERRORS = {"invalid": _("Tanggal tidak valid.")}


def _date_field(label, *, required_message=None, **kwargs) -> forms.DateField:
    """An optional date (a required one when `required_message` is given), entered with the browser's picker."""
    errors = {**DATE_ERRORS, **({"required": required_message} if required_message else {})}
    return forms.DateField(
        label=label,
        required=required_message is not None,
        widget=forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages=errors,
        validators=[planned_date],
        **kwargs,
    )


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


ABSENT = "absent"


def dip_choices(agencies) -> list:
    """Ground b's choice (issue 18 point 6): the berkala items in each agency's DIP, each saying whether its update
    is overdue, or "not listed in the DIP"; grouped by agency when there are several."""
    groups = []
    for agency in agencies:
        rows = [
            (str(item.pk), f"{item.title} — {item.unit.name}" + (f" ({OVERDUE})" if overdue else ""))
            for item, overdue in register.berkala_items(agency)
        ]
        if rows:
            groups.append((agency.name, rows))
    flat = groups[0][1] if len(groups) == 1 else groups
    return [("", _("— tidak memilih —")), (ABSENT, _("Tidak tercantum dalam DIP")), *flat]


OVERDUE = _("terlambat diperbarui")


class DipChoiceMixin(forms.Form):
    dip_choice = forms.ChoiceField(
        label=_("Informasi berkala dalam DIP"),
        required=False,
        help_text=_(
            "Untuk alasan huruf b: pilih informasi berkala yang dimaksud dari Daftar Informasi Publik, atau "
            "nyatakan bahwa informasinya tidak tercantum dalam DIP."
        ),
    )

    def dip_reference(self) -> dict:
        value = self.cleaned_data.get("dip_choice") or ""
        if value == ABSENT:
            return {"dip_item": None, "dip_item_absent": True}
        return {"dip_item": int(value) if value.isdigit() else None, "dip_item_absent": False}


class _GroundsMixin(forms.Form):
    """Grounds a-g. The form accepts any letter; ppid.services decides which fit the request and are in time."""

    grounds = forms.MultipleChoiceField(
        label=_("Alasan keberatan (UU 14/2008 Pasal 35 ayat 1)"),
        choices=ObjectionGround.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Pilih sedikitnya satu alasan keberatan."),
            "invalid_choice": _("Alasan keberatan harus huruf a sampai g (Pasal 35 ayat 1)."),
        },
    )
    reason = forms.CharField(
        label=_("Uraian keberatan"),
        widget=_textarea(5),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Uraikan alasan keberatan Anda.")},
        help_text=_("Jelaskan mengapa Anda keberatan dan apa yang Anda harapkan dari Atasan PPID."),
    )
    proxy_name = forms.CharField(
        label=_("Nama kuasa pemohon"),
        max_length=200,
        required=False,
        help_text=_("Isi hanya bila keberatan diajukan oleh kuasa pemohon."),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)


class ObjectionFileForm(DipChoiceMixin, _GroundsMixin):
    """The requester's own objection. `windows` are the grounds that fit now and are still in time: only those
    are offered as checkboxes (each with why it arose and its last day)."""

    def __init__(self, *args, windows, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.windows = windows
        if agency is not None and "b" in windows:
            self.fields["dip_choice"].choices = dip_choices([agency])
        else:
            del self.fields["dip_choice"]
        # Offer only the fitting grounds; the field still parses any letter so that the service can say why a
        # ground posted by hand does not fit.
        self.fields["grounds"].widget.choices = [(g, w.label) for g, w in windows.items()]
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())

    def ground_options(self):
        """(checkbox, window) pairs for the template."""
        return [(box, self.windows[box.data["value"]]) for box in self["grounds"]]


class ObjectionOfflineForm(DipChoiceMixin, _GroundsMixin):
    """A written objection received at the desk, by post, e-mail, fax or phone, entered by an officer."""

    received_at = forms.DateTimeField(
        label=_("Tanggal dan jam diterima"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        help_text=_("Waktu setempat badan publik. Hari penerimaan adalah hari ke-0."),
        error_messages={
            "invalid": _("Tanggal dan jam tidak valid."),
            "required": _("Isi tanggal dan jam penerimaan."),
        },
        validators=[received_date],
    )
    channel = forms.ChoiceField(
        label=_("Diterima melalui"),
        choices=[("", _("— pilih —"))] + [c for c in Channel.choices if c[0] != Channel.ONLINE],
        error_messages={"required": _("Pilih saluran penerimaan.")},
    )

    field_order = ["received_at", "channel", "grounds", "dip_choice", "reason", "proxy_name"]

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.fields["dip_choice"].choices = dip_choices([agency])
        self.fields["grounds"].help_text = _(
            "Pilih alasan yang tertulis dalam surat keberatan. Sistem memeriksa apakah alasan itu sesuai dengan "
            "riwayat permohonan dan masih dalam batas waktu 30 hari kerja pada tanggal penerimaan."
        )
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())
            self.initial.setdefault(
                "received_at", timezone.localtime(timezone.now(), agency.tzinfo).replace(tzinfo=None)
            )

    def clean_received_at(self):
        received = self.cleaned_data["received_at"]
        # The browser sends a wall-clock time; it is the agency's, not the server's.
        return timezone.make_naive(received).replace(tzinfo=self.agency.tzinfo)


# --- Transitions on the objection page ----------------------------------------------------------------------
class ReviewForm(forms.Form):
    pass


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Tanggapan"),
        choices=ObjectionOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih tanggapan: keberatan diterima atau keputusan PPID dikuatkan.")},
    )
    reasons = forms.CharField(
        label=_("Alasan tertulis"),
        required=False,
        widget=_textarea(4),
        help_text=_(
            "Wajib bila keputusan PPID dikuatkan (Pasal 36 ayat 3) dan untuk mencatat hasil musyawarah."
        ),
    )
    order = forms.CharField(
        label=_("Yang wajib dipenuhi PPID"),
        required=False,
        widget=_textarea(3),
        help_text=_("Bila keberatan diterima: informasi apa yang wajib diberikan PPID."),
    )
    upheld_part = forms.CharField(
        label=_("Bagian keputusan PPID yang dikuatkan"),
        required=False,
        widget=_textarea(3),
        help_text=_("Bila keberatan diterima sebagian: bagian yang tetap tidak diberikan."),
    )
    comply_by = _date_field(
        _("Paling lambat dipenuhi pada"), help_text=_("Bila keberatan diterima: tanggal paling lambat.")
    )
    settled_by_agreement = forms.BooleanField(
        label=_("Diselesaikan secara musyawarah"),
        required=False,
        help_text=_("Hanya untuk alasan b sampai g (Pasal 35 ayat 2)."),
    )


class DecisionReceiptForm(forms.Form):
    """The day the requester received the Atasan's answer by post or by hand: the KI window runs from it."""

    received_on = _date_field(
        _("Tanggal tanggapan diterima pemohon"),
        required_message=_("Isi tanggal tanggapan diterima pemohon."),
        help_text=_(
            "14 hari kerja untuk mengajukan sengketa ke Komisi Informasi dihitung sejak tanggal ini."
        ),
    )
    reason = forms.CharField(
        label=_("Dasar pencatatan"),
        max_length=500,
        help_text=_("Mis. tanda terima pos atau tanda tangan pemohon."),
        error_messages={"required": _("Sebutkan dasar pencatatan, mis. tanda terima pos.")},
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pencabutan (tidak wajib)"), required=False, widget=_textarea(2))


# --- Disputes -------------------------------------------------------------------------------------------------
class DisputeRegisterForm(forms.Form):
    commission = forms.CharField(
        label=_("Komisi Informasi"),
        max_length=200,
        help_text=_("Misalnya: Komisi Informasi Provinsi Jawa Barat."),
        error_messages={"required": _("Sebutkan Komisi Informasi yang memeriksa sengketa.")},
    )
    ki_register_number = forms.CharField(
        label=_("Nomor register sengketa di KI"),
        max_length=100,
        error_messages={"required": _("Isi nomor register sengketa dari Komisi Informasi.")},
    )
    filed_on = _date_field(
        _("Tanggal permohonan sengketa diterima KI"),
        required_message=_("Isi tanggal permohonan sengketa diterima KI."),
    )
    notice_received_on = _date_field(_("Tanggal pemberitahuan KI diterima badan publik"))


def _optional_choices(choices):
    return [("", _("— belum ada —")), *choices]


class DisputeUpdateForm(forms.Form):
    """Every field the agency records as the dispute goes on. Only the fields that changed are sent."""

    commission = forms.CharField(label=_("Komisi Informasi"), max_length=200)
    ki_register_number = forms.CharField(label=_("Nomor register sengketa di KI"), max_length=100)
    filed_on = _date_field(
        _("Tanggal permohonan sengketa diterima KI"),
        required_message=_("Isi tanggal permohonan sengketa diterima KI."),
    )
    notice_received_on = _date_field(_("Tanggal pemberitahuan KI diterima badan publik"))
    first_hearing_on = _date_field(_("Sidang pertama"))
    mediation_started_on = _date_field(_("Pertemuan mediasi pertama"))
    mediation_extended = forms.BooleanField(
        label=_("Mediasi diperpanjang 7 hari kerja"),
        required=False,
        help_text=_("Sekali saja (Perki 1/2013 Pasal 41)."),
    )
    mediation_result = forms.ChoiceField(
        label=_("Hasil mediasi"), choices=_optional_choices(MediationResult.choices), required=False
    )
    adjudication_started_on = _date_field(_("Ajudikasi dimulai"))
    decision_on = _date_field(_("Tanggal putusan KI"))
    decision_received_on = _date_field(_("Tanggal putusan KI diterima"))
    result = forms.ChoiceField(
        label=_("Putusan"), choices=_optional_choices(DisputeResult.choices), required=False
    )
    obligations = forms.CharField(
        label=_("Kewajiban badan publik menurut putusan"), required=False, widget=_textarea(3)
    )
    complied_on = _date_field(_("Putusan dilaksanakan pada"))
    compliance_note = forms.CharField(
        label=_("Catatan pelaksanaan putusan"), required=False, widget=_textarea(2)
    )
    appeal_court = forms.ChoiceField(
        label=_("Keberatan atas putusan KI diajukan ke"),
        choices=_optional_choices(Court.choices),
        required=False,
    )
    appeal_filed_on = _date_field(_("Tanggal keberatan ke pengadilan"))
    appeal_filed_by = forms.CharField(
        label=_("Diajukan oleh"),
        max_length=100,
        required=False,
        help_text=_("Misalnya: pemohon, badan publik."),
    )
    court_decision_received_on = _date_field(_("Putusan pengadilan diterima"))
    court_decision = forms.CharField(label=_("Putusan pengadilan"), required=False, widget=_textarea(2))
    kasasi_filed_on = _date_field(_("Tanggal kasasi"))
    kasasi_decision = forms.CharField(label=_("Putusan kasasi"), required=False, widget=_textarea(2))
    reason = forms.CharField(
        label=_("Catatan perubahan"),
        required=False,
        widget=_textarea(2),
        help_text=_("Dicatat dalam jejak audit bersama perubahan ini."),
    )

    FIELDSETS = (
        (_("Register"), ("commission", "ki_register_number", "filed_on", "notice_received_on")),
        (
            _("Sidang dan mediasi"),
            (
                "first_hearing_on",
                "mediation_started_on",
                "mediation_extended",
                "mediation_result",
                "adjudication_started_on",
            ),
        ),
        (_("Putusan Komisi Informasi"), ("decision_on", "decision_received_on", "result", "obligations")),
        (_("Pelaksanaan putusan"), ("complied_on", "compliance_note")),
        (
            _("Upaya hukum"),
            (
                "appeal_court",
                "appeal_filed_on",
                "appeal_filed_by",
                "court_decision_received_on",
                "court_decision",
                "kasasi_filed_on",
                "kasasi_decision",
            ),
        ),
        (_("Catatan"), ("reason",)),
    )
    DISPUTE_FIELDS = tuple(name for _legend, names in FIELDSETS[:-1] for name in names)

    def __init__(self, *args, dispute, **kwargs):
        initial = {name: getattr(dispute, name) for name in self.DISPUTE_FIELDS}
        super().__init__(*args, initial=initial, **kwargs)

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def changes(self) -> dict:
        """Only what the user changed, so the audit trail records exactly that."""
        return {name: self.cleaned_data[name] for name in self.changed_data if name in self.DISPUTE_FIELDS}


class HearingForm(forms.Form):
    held_on = _date_field(_("Tanggal sidang"), required_message=_("Isi tanggal sidang."))
    kind = forms.ChoiceField(
        label=_("Jenis sidang"),
        choices=[("", _("— pilih —")), *DisputeHearing.Kind.choices],
        error_messages={"required": _("Pilih jenis sidang.")},
    )
    notes = forms.CharField(label=_("Catatan"), required=False, widget=_textarea(2))


class PeriodicObjectionForm(DipChoiceMixin, forms.Form):
    """Ground b without a request (UU 14/2008 Pasal 35 ayat 1 huruf b): periodic information that the agency
    does not publish. The objection names the information; the identity comes from the citizen's profile."""

    agency = forms.ModelChoiceField(
        label=_("Badan publik"),
        queryset=Agency.objects.none(),
        empty_label=_("— pilih badan publik —"),
        error_messages={"required": _("Pilih badan publik yang dituju.")},
    )
    unit = UnitChoiceField(
        label=_("Unit yang seharusnya mengumumkan"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Tidak tahu / PPID Utama"),
    )
    information = forms.CharField(
        label=_("Informasi berkala yang tidak diumumkan"),
        widget=_textarea(4),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        # May stay empty when a DIP item is chosen (its title is the information); the service says otherwise.
        required=False,
        help_text=_(
            "Misalnya laporan keuangan tahun 2025, ringkasan program dan kegiatan, atau laporan akses "
            "informasi publik (UU 14/2008 Pasal 9 ayat 2)."
        ),
    )
    reason = forms.CharField(
        label=_("Uraian keberatan"),
        widget=_textarea(5),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Uraikan alasan keberatan Anda.")},
        help_text=_(
            "Jelaskan di mana Anda mencari informasi itu dan apa yang Anda harapkan dari Atasan PPID."
        ),
    )
    proxy_name = forms.CharField(
        label=_("Nama kuasa pemohon"),
        max_length=200,
        required=False,
        help_text=_("Isi hanya bila keberatan diajukan oleh kuasa pemohon."),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["agency", "unit", "dip_choice", "information", "reason", "proxy_name", "submission_key"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = active_agencies()
        self.fields["agency"].queryset = agencies
        self.fields["unit"].queryset = Unit.objects.filter(is_active=True, agency__in=agencies)
        self.fields["dip_choice"].choices = dip_choices(agencies)
        self.fields["dip_choice"].label = _("Informasi berkala yang dimaksud dalam DIP")
        self.fields["dip_choice"].help_text = _(
            "Pilih dari Daftar Informasi Publik badan publik yang dituju, bila tercantum; atau nyatakan tidak "
            "tercantum dalam DIP."
        )
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())
            only = list(agencies[:2])
            if len(only) == 1:
                self.initial.setdefault("agency", only[0].pk)
