"""Forms for information requests. They parse input only; every rule is checked by ppid.services."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import RequesterType
from agencies.models import Agency, Unit, UnitKind
from agencies.selectors import active_agencies, memberships_of
from ppid import register, rules
from ppid.models import (
    Channel,
    Decision,
    DeliveryMethod,
    DocumentKind,
    ExemptionGround,
    ObtainMethod,
    RequestState,
)
from ppid.selectors import QueueFilters
from standards.selectors import fee_display, latest_version
from workcalendar.validators import date_window_error, received_date

from ..common.fields import MultipleFileField, UnitChoiceField, new_submission_key

TEXTAREA = {"rows": 4}


def _active_units():
    return Unit.objects.filter(is_active=True, agency__is_active=True)


class _RequestFieldsMixin(forms.Form):
    """The fields of the request itself (Perki 1/2021 Pasal 4 form), shared by online and offline intake."""

    information_requested = forms.CharField(
        label=_("Rincian informasi yang dibutuhkan"),
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Tuliskan rincian informasi yang dibutuhkan.")},
        help_text=_("Sebutkan informasi apa, periode, dan unit yang membuatnya bila Anda tahu."),
    )
    purpose = forms.CharField(
        label=_("Tujuan penggunaan informasi"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Tuliskan tujuan penggunaan informasi (UU 14/2008 Pasal 4 ayat 3).")},
    )
    obtain_method = forms.ChoiceField(
        label=_("Cara memperoleh informasi"),
        choices=[("", _("— pilih —")), *ObtainMethod.choices],
        error_messages={"required": _("Pilih cara memperoleh informasi.")},
    )
    delivery_method = forms.ChoiceField(
        label=_("Cara mendapatkan salinan informasi"),
        choices=[("", _("— pilih —")), *DeliveryMethod.choices],
        error_messages={"required": _("Pilih cara mendapatkan salinan.")},
    )
    power_of_attorney = forms.FileField(
        label=DocumentKind.POWER_OF_ATTORNEY.label,
        required=False,
        help_text=_("Wajib bila permohonan diajukan atas nama kelompok orang. PDF, PNG, atau JPEG."),
    )
    legal_entity_deed = forms.FileField(
        label=DocumentKind.LEGAL_ENTITY_DEED.label,
        required=False,
        help_text=_("Wajib bila pemohon adalah badan hukum. PDF, PNG, atau JPEG."),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    DOCUMENT_FIELDS = {
        "power_of_attorney": DocumentKind.POWER_OF_ATTORNEY,
        "legal_entity_deed": DocumentKind.LEGAL_ENTITY_DEED,
    }

    FIELDSETS: tuple = ()

    def fieldsets(self):
        """(legend, bound fields) groups for frontend/_form.html."""
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def documents(self) -> list[tuple[str, object]]:
        return [
            (str(kind), self.cleaned_data[name])
            for name, kind in self.DOCUMENT_FIELDS.items()
            if self.cleaned_data.get(name)
        ]


class RequestFileForm(_RequestFieldsMixin):
    agency = forms.ModelChoiceField(
        label=_("Badan publik yang dituju"),
        queryset=Agency.objects.none(),
        empty_label=_("— pilih badan publik —"),
        error_messages={"required": _("Pilih badan publik yang dituju.")},
    )
    unit = UnitChoiceField(
        label=_("Unit (PPID Pelaksana)"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Tidak tahu / PPID Utama"),
        help_text=_("Boleh dikosongkan: PPID Utama akan meneruskan ke unit yang menguasai informasinya."),
    )

    FIELDSETS = (
        (_("Permohonan"), ("agency", "unit", "information_requested", "purpose")),
        (_("Bentuk dan pengiriman informasi"), ("obtain_method", "delivery_method")),
        (_("Dokumen pendukung"), ("power_of_attorney", "legal_entity_deed")),
    )
    field_order = [name for _legend, names in FIELDSETS for name in names]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = active_agencies()
        self.fields["agency"].queryset = agencies
        self.fields["unit"].queryset = _active_units()
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())
            only = list(agencies[:2])
            if len(only) == 1:
                self.initial.setdefault("agency", only[0].pk)


class OfflineIntakeForm(_RequestFieldsMixin):
    """A request received in person, by post, e-mail, fax or phone, entered by an officer."""

    channel = forms.ChoiceField(
        label=_("Diterima melalui"),
        choices=[("", _("— pilih —"))] + [c for c in Channel.choices if c[0] != Channel.ONLINE],
    )
    received_at = forms.DateTimeField(
        label=_("Tanggal dan jam diterima"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        help_text=_("Waktu setempat badan publik. Hari penerimaan adalah hari ke-0."),
        error_messages={"invalid": _("Tanggal dan jam tidak valid.")},
        validators=[received_date],
    )
    agency = forms.ModelChoiceField(label=_("Badan publik"), queryset=Agency.objects.none(), empty_label=None)
    unit = UnitChoiceField(
        label=_("Unit (PPID Pelaksana)"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("PPID Utama"),
    )
    requester_type = forms.ChoiceField(label=_("Jenis pemohon"), choices=RequesterType.choices)
    name = forms.CharField(label=_("Nama pemohon"), max_length=200)
    nik = forms.CharField(
        label=_("NIK"),
        max_length=16,
        required=False,
        help_text=_("16 angka, untuk perorangan dan kelompok orang."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    entity_number = forms.CharField(
        label=_("Nomor SK pengesahan badan hukum"),
        max_length=100,
        required=False,
        help_text=_("Wajib untuk badan hukum."),
    )
    address = forms.CharField(
        label=_("Alamat"), widget=forms.Textarea(attrs={"rows": 2}), max_length=settings.LONG_TEXT_MAX_CHARS
    )
    phone = forms.CharField(label=_("Telepon"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    occupation = forms.CharField(label=_("Pekerjaan"), max_length=100, required=False)
    identity = forms.FileField(
        label=DocumentKind.IDENTITY.label,
        required=False,
        help_text=_("Salinan KTP atau identitas lain, bila ada. PDF, PNG, atau JPEG."),
    )

    DOCUMENT_FIELDS = {
        **_RequestFieldsMixin.DOCUMENT_FIELDS,
        "identity": DocumentKind.IDENTITY,
    }
    REQUESTER_FIELDS = (
        "requester_type",
        "name",
        "nik",
        "entity_number",
        "address",
        "phone",
        "email",
        "occupation",
    )

    FIELDSETS = (
        (_("Penerimaan"), ("channel", "received_at", "agency", "unit")),
        (_("Identitas pemohon"), REQUESTER_FIELDS),
        (_("Permohonan"), ("information_requested", "purpose", "obtain_method", "delivery_method")),
        (_("Dokumen pendukung"), ("identity", "power_of_attorney", "legal_entity_deed")),
    )
    field_order = [name for _legend, names in FIELDSETS for name in names]

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["unit"].queryset = _active_units().filter(agency__in=agencies)
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())
            first = agencies.first()
            if first is not None:
                self.initial.setdefault(
                    "received_at", timezone.localtime(timezone.now(), first.tzinfo).replace(tzinfo=None)
                )

    def clean(self):
        data = super().clean()
        received, agency = data.get("received_at"), data.get("agency")
        if received is not None and agency is not None:
            # The browser sends a wall-clock time; it is the agency's, not the server's.
            naive = timezone.make_naive(received)
            data["received_at"] = naive.replace(tzinfo=agency.tzinfo)
        return data

    def requester(self) -> dict:
        return {name: self.cleaned_data.get(name) or "" for name in self.REQUESTER_FIELDS}


# --- Transitions on the detail page ------------------------------------------------------------------------
class ProcessForm(forms.Form):
    pass


class CompleteForm(forms.Form):
    pass


class ForwardForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Teruskan ke unit"),
        queryset=Unit.objects.none(),
        empty_label=_("— pilih unit —"),
        error_messages={"required": _("Pilih unit tujuan.")},
    )
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, request_obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(
            agency_id=request_obj.agency_id, is_active=True
        ).exclude(pk=request_obj.unit_id)


class AskClarificationForm(forms.Form):
    message = forms.CharField(
        label=_("Hal yang perlu diklarifikasi pemohon"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan hal yang perlu diklarifikasi pemohon.")},
    )


class ClarifyForm(forms.Form):
    message = forms.CharField(
        label=_("Jawaban klarifikasi Anda"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan jawaban klarifikasi Anda.")},
    )


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan perpanjangan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Perpanjangan wajib disertai alasan tertulis.")},
        help_text=_("Sekali saja, 7 hari kerja, sebelum batas waktu (UU 14/2008 Pasal 22 ayat 8)."),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan pencabutan (tidak wajib)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class NoticeReceiptForm(forms.Form):
    """The day the requester received the written notice by post or by hand: the objection window runs from it."""

    received_on = forms.DateField(
        label=_("Tanggal pemberitahuan diterima pemohon"),
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text=_(
            "Batas waktu keberatan 30 hari kerja dihitung sejak tanggal ini (UU 14/2008 Pasal 36 ayat 1)."
        ),
        error_messages={
            "invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH."),
            "required": _("Isi tanggal pemberitahuan diterima pemohon."),
        },
    )
    reason = forms.CharField(
        label=_("Dasar pencatatan"),
        max_length=500,
        help_text=_("Mis. tanda terima pos atau tanda tangan pemohon."),
        error_messages={"required": _("Sebutkan dasar pencatatan, mis. tanda terima pos.")},
    )


class RespondForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[("", _("— pilih —")), *Decision.choices],
        error_messages={"required": _("Pilih keputusan.")},
    )
    exemption_grounds = forms.MultipleChoiceField(
        label=_("Alasan pengecualian (UU 14/2008 Pasal 17)"),
        choices=ExemptionGround.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Wajib untuk penolakan dan pemberian sebagian."),
    )
    consequence_test = forms.CharField(
        label=_("Ringkasan uji konsekuensi"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    holding_body = forms.CharField(
        label=_("Badan publik yang menguasai informasi"),
        required=False,
        max_length=255,
        help_text=_("Untuk keputusan 'informasi tidak dikuasai'."),
    )
    provided_information = forms.CharField(
        label=_("Materi informasi yang diberikan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    redactions = forms.CharField(
        label=_("Bagian yang dihitamkan dan alasannya"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    fee_amount = forms.IntegerField(label=_("Biaya (Rp)"), min_value=0, required=False, initial=0)
    fee_details = forms.CharField(
        label=_("Rincian biaya dan cara pembayaran"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    provision_on = forms.DateField(
        label=_("Waktu penyediaan informasi"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Bila diterima seluruhnya atau sebagian: paling lambat kapan informasi diserahkan."),
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
    )
    documented_by = forms.DateField(
        label=_("Informasi didokumentasikan paling lambat"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Bila informasi belum didokumentasikan."),
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
    )
    other_law = forms.CharField(
        label=_("Undang-undang dan pasal lain (Pasal 17 huruf j)"),
        required=False,
        max_length=255,
        help_text=_("Wajib bila menolak berdasarkan Pasal 17 huruf j."),
    )
    exemption_period = forms.CharField(
        label=_("Jangka waktu pengecualian"),
        required=False,
        max_length=255,
        help_text=_(
            "Untuk penolakan dan pemberian sebagian, mis. 5 tahun sejak penetapan (UU 14/2008 Pasal 20)."
        ),
    )
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    files = MultipleFileField(
        label=_("Berkas jawaban"), help_text=_("PDF, PNG, atau JPEG; boleh lebih dari satu.")
    )
    # Issue 18: the published DIP item an `already_published` notice points at (the picker shows the items that
    # match the request or the officer's search), and the in-force DIK entry a refusal may cite.
    dip_item = forms.TypedChoiceField(
        label=_("Informasi dalam DIP yang menjawab permohonan"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        help_text=_(
            "Untuk keputusan 'Informasi sudah diumumkan'. Cari judul lain dengan kotak pencarian DIP."
        ),
    )
    dik_entry = forms.TypedChoiceField(
        label=_("Rujuk penetapan DIK"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_(
            "Untuk penolakan atau pemberian sebagian: alasan, uji konsekuensi, undang-undang lain dan jangka "
            "waktu yang dikosongkan diisi dari penetapan ini."
        ),
    )

    def __init__(self, *args, request_obj=None, dip_query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        items, entries = [], []
        if request_obj is not None:
            agency = request_obj.agency
            items = register.picker_items(
                agency=agency, text=request_obj.information_requested, query=dip_query
            )
            posted = self.data.get(self.add_prefix("dip_item")) if self.is_bound else None
            if posted and str(posted).isdigit() and all(str(i.pk) != posted for i in items):
                # The item chosen from an earlier search: still offered, the service checks it again.
                items += list(register.answerable_items(agency).filter(pk=int(posted)))
            entries = list(register.citable_dik_entries(agency))
        self.fields["dip_item"].choices = [(i.pk, f"{i.title} ({i.unit.name})") for i in items]
        self.fields["dik_entry"].choices = [("", _("— tidak merujuk DIK —"))] + [
            (e.pk, f"{e.title} (Pasal 17 huruf {e.ground})") for e in entries
        ]
        self.picker = items
        # The agency's published fee schedule (issue 19 point 3): a quantity for each row that costs something;
        # the rows chosen become the notice's fee items and their sum its fee.
        self.fee_rows: list[dict] = []
        if request_obj is not None:
            version = latest_version(request_obj.agency)
            fees = (version.content or {}).get("fees", []) if version is not None else []
            self.fee_rows = [row for row in fees if int(row.get("amount") or 0) > 0]
        for index, row in enumerate(self.fee_rows):
            self.fields[f"fee_qty_{index}"] = forms.IntegerField(
                label=_("Jumlah: %(name)s (%(unit)s, %(amount)s)")
                % {
                    "name": row["name"],
                    "unit": row.get("unit", ""),
                    "amount": fee_display(int(row["amount"])),
                },
                min_value=0,
                max_value=1_000_000,
                required=False,
            )

    NOTICE_FIELDS = (
        "decision",
        "exemption_grounds",
        "consequence_test",
        "holding_body",
        "provided_information",
        "redactions",
        "fee_amount",
        "fee_details",
        "note",
        "provision_on",
        "documented_by",
        "other_law",
        "exemption_period",
        "dip_item",
        "dik_entry",
    )

    def notice(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.NOTICE_FIELDS}
        data["fee_amount"] = data["fee_amount"] or 0
        items = [
            {
                "name": row["name"],
                "unit": row.get("unit", ""),
                "amount": int(row["amount"]),
                "quantity": self.cleaned_data.get(f"fee_qty_{index}"),
            }
            for index, row in enumerate(self.fee_rows)
            if self.cleaned_data.get(f"fee_qty_{index}")
        ]
        if items:
            data["fee_items"] = items
        return data


class RevealNikForm(forms.Form):
    purpose = forms.CharField(
        label=_("Keperluan melihat NIK lengkap"),
        max_length=300,
        error_messages={"required": _("Sebutkan keperluan melihat NIK lengkap.")},
        help_text=_("Setiap kali NIK lengkap dibuka, dicatat dalam jejak audit."),
    )


# --- Officer queue -----------------------------------------------------------------------------------------
def queue_officers(user, units):
    """The officers the queue's assignee filter names: those of the units in the viewer's reach, and of the PPID
    Utama of their agencies (who may be given any unit's case)."""
    agencies = {m.unit.agency_id for m in memberships_of(user)}
    reach = Q(memberships__unit__in=units) | Q(
        memberships__unit__agency_id__in=agencies, memberships__unit__kind=UnitKind.UTAMA
    )
    return (
        get_user_model()
        .objects.filter(reach, is_active=True, memberships__role__in=rules.OFFICER_ROLES)
        .distinct()
        .order_by("first_name", "username")
    )


class QueueFilterForm(forms.Form):
    """The queue's search, filters and sort, all in the URL (GET) so a view can be bookmarked. A bad value is
    reported by its field; the others still apply."""

    SORTS = (
        "due_date",
        "-due_date",
        "received_at",
        "-received_at",
        "registration_number",
        "-registration_number",
    )

    q = forms.CharField(
        label=_("Cari"),
        required=False,
        max_length=200,
        help_text=_("Nomor registrasi, nama pemohon, rincian informasi, atau catatan internal."),
    )
    state = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Semua status")), *RequestState.choices],
        required=False,
        error_messages={"invalid_choice": _("Pilih status dari daftar.")},
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Semua unit"),
        error_messages={"invalid_choice": _("Pilih unit dari daftar.")},
    )
    assigned_to = forms.ChoiceField(
        label=_("Petugas"),
        required=False,
        error_messages={"invalid_choice": _("Pilih petugas dari daftar.")},
    )
    channel = forms.ChoiceField(
        label=_("Saluran"),
        choices=[("", _("Semua saluran")), *Channel.choices],
        required=False,
        error_messages={"invalid_choice": _("Pilih saluran dari daftar.")},
    )
    received_after = forms.DateField(
        label=_("Diterima sejak"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
    )
    received_before = forms.DateField(
        label=_("Diterima sampai"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
    )
    due_soon = forms.BooleanField(label=_("Hanya yang segera jatuh tempo"), required=False)
    overdue = forms.BooleanField(label=_("Hanya yang melewati batas waktu"), required=False)
    ordering = forms.ChoiceField(
        label=_("Urutan"),
        required=False,
        choices=[("", "")] + [(s, s) for s in SORTS],
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Urutan tidak dikenal; antrean diurutkan menurut batas waktu.")},
    )

    def __init__(self, *args, units, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["assigned_to"].choices = [
            ("", _("Semua petugas")),
            ("me", _("Saya")),
            ("none", _("Belum ada petugas")),
            *[(str(user.pk), user.get_full_name() or user.username) for user in officers],
        ]

    def _clean_day(self, name: str):
        day = self.cleaned_data.get(name)
        if day is not None:
            error = date_window_error(day, planned=True)
            if error:
                raise forms.ValidationError(error)
        return day

    def clean_received_after(self):
        return self._clean_day("received_after")

    def clean_received_before(self):
        return self._clean_day("received_before")

    def clean(self):
        data = super().clean()
        after, before = data.get("received_after"), data.get("received_before")
        if after and before and after > before:
            self.add_error("received_before", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data

    def filters(self) -> QueueFilters:
        """What the valid fields ask for (a field with an error is left out)."""
        data = self.cleaned_data if self.is_bound else {}
        return QueueFilters(
            state=data.get("state") or "",
            unit_id=data["unit"].pk if data.get("unit") else None,
            assigned_to=data.get("assigned_to") or "",
            channel=data.get("channel") or "",
            due_soon=bool(data.get("due_soon")) or None,
            overdue=bool(data.get("overdue")) or None,
            received_after=data.get("received_after"),
            received_before=data.get("received_before"),
            q=(data.get("q") or "").strip(),
            ordering=data.get("ordering") or "",
        )


class PaymentForm(forms.Form):
    """The payment of the notice's fee as the officer records it (issue 19 point 3)."""

    status = forms.ChoiceField(
        label=_("Status pembayaran"),
        choices=[("unpaid", _("Belum dibayar")), ("paid", _("Sudah dibayar")), ("waived", _("Dibebaskan"))],
    )
    paid_on = forms.DateField(
        label=_("Tanggal pembayaran"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
    )
    proof = forms.FileField(
        label=_("Bukti pembayaran (PDF, PNG, atau JPEG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )
    waived_reason = forms.CharField(
        label=_("Alasan pembebasan biaya"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class HandoverForm(forms.Form):
    """The handover of the granted information; saving it issues the receipt of handover."""

    handed_over_on = forms.DateField(
        label=_("Tanggal penyerahan"),
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={
            "invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH."),
            "required": _("Isi tanggal penyerahan (format TTTT-BB-HH)."),
        },
    )
    method = forms.ChoiceField(label=_("Cara penyerahan"), choices=DeliveryMethod.choices)
    received_by = forms.CharField(label=_("Diterima oleh (nama)"), max_length=255)
