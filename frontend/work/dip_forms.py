"""The register's staff forms (issue 18): an item of the DIP, its documents, the withdrawal, the SK penetapan, and a
DIK entry with its consequence test in the steps of Perki 1/2021 Pasal 49(2). They parse input only: what is valid
and who may do it are dip.services'."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from agencies.models import Unit
from dip.models import Agreement, Category, ExemptionGround, Format

from ..common.fields import MultipleFileField

DATE = {"type": "date"}
DATE_ERRORS = {"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")}


def _date_field(label, *, required: bool = False, help_text: str = "", **errors) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={**DATE_ERRORS, **errors},
    )


def _text(label, *, rows: int = 4, help_text: str = "", required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=settings.LONG_TEXT_MAX_CHARS,
    )


class _Fieldsets:
    FIELDSETS: tuple = ()

    def fieldsets(self):
        """(legend, bound fields) groups for frontend/_form.html."""
        groups = [(legend, [self[n] for n in names if n in self.fields]) for legend, names in self.FIELDSETS]
        return [(legend, fields) for legend, fields in groups if fields]


class DipItemForm(_Fieldsets, forms.Form):
    """The statutory fields of an item (Perki 1/2010 Lampiran II). Required-ness is the service's to say, so a
    missing field shows the service's message and everything typed stays."""

    title = forms.CharField(label=_("Judul informasi"), max_length=300, required=False)
    summary = _text(_("Ringkasan isi informasi"), required=False)
    category = forms.ChoiceField(
        label=_("Kategori"),
        choices=[("", _("— pilih kategori —")), *Category.choices],
        required=False,
        help_text=_(
            "Berkala: diumumkan paling lambat setiap 6 bulan. Serta merta: mengancam hajat hidup orang banyak dan "
            "ketertiban umum, diumumkan tanpa penundaan. Setiap saat: tersedia bila diminta."
        ),
    )
    responsible = forms.CharField(
        label=_("Penanggung jawab pembuatan/penerbitan informasi"),
        max_length=255,
        required=False,
        help_text=_("Jabatan, mis. Sekretaris Dinas."),
    )
    made_on = _date_field(_("Waktu pembuatan"))
    made_at = forms.CharField(label=_("Tempat pembuatan"), max_length=200, required=False)
    format = forms.ChoiceField(
        label=_("Bentuk informasi yang tersedia"),
        choices=[("", _("— pilih bentuk —")), *Format.choices],
        required=False,
    )
    retention = forms.CharField(
        label=_("Jangka waktu penyimpanan (retensi arsip)"),
        max_length=200,
        required=False,
        help_text=_("Mis. 5 tahun."),
    )
    tags = forms.CharField(
        label=_("Kata kunci"), required=False, help_text=_("Pisahkan dengan koma, mis. anggaran, RKA, 2026.")
    )
    year = forms.IntegerField(label=_("Tahun informasi"), required=False, min_value=1945, max_value=2999)
    update_interval_months = forms.IntegerField(
        label=_("Diperbarui setiap (bulan)"),
        required=False,
        initial=6,
        min_value=1,
        max_value=6,
        help_text=_("Untuk informasi berkala: paling lama 6 bulan (Pasal 9 ayat 4 UU 14/2008)."),
    )

    FIELDSETS = (
        (_("Informasi"), ("unit", "title", "summary", "category", "tags", "year")),
        (
            _("Pembuatan dan penyimpanan"),
            ("responsible", "made_on", "made_at", "format", "retention", "update_interval_months"),
        ),
        (_("Dokumen"), ("files", "links")),
        (_("Catatan"), ("note",)),
    )

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("unit", "files", "links", "note"):
            data.pop(name, None)
        data["tags"] = [t.strip() for t in (data.get("tags") or "").split(",") if t.strip()]
        if data.get("update_interval_months") is None:
            data.pop("update_interval_months")
        return data

    @staticmethod
    def initial_from(content: dict) -> dict:
        initial = dict(content)
        initial["tags"] = ", ".join(content.get("tags") or [])
        return initial


def parse_links(text: str) -> list[dict[str, str]]:
    """One link a line: `Nama | https://...` or the address alone."""
    links = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        name, sep, url = line.rpartition("|")
        links.append({"name": name.strip() if sep else "", "url": url.strip()})
    return links


LINKS_HELP = _("Satu tautan per baris: Nama dokumen | https://alamat. Boleh hanya alamatnya.")


class DipItemCreateForm(DipItemForm):
    unit = forms.ModelChoiceField(
        label=_("Unit yang menguasai informasi"),
        queryset=Unit.objects.none(),
        empty_label=None,
        error_messages={"required": _("Pilih unit yang menguasai informasi.")},
    )
    files = MultipleFileField(
        label=_("Berkas (PDF, PNG, JPEG, XLSX, atau DOCX; boleh lebih dari satu)"),
        help_text=_("Berkas diperiksa isinya. Publik baru dapat mengunduhnya setelah informasi diumumkan."),
    )
    links = forms.CharField(
        label=_("Tautan"), required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=LINKS_HELP
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units]).order_by(
            "kind", "name"
        )


class DipItemEditForm(DipItemForm):
    note = forms.CharField(
        label=_("Catatan perubahan"),
        required=False,
        max_length=1000,
        help_text=_("Apa yang diubah dan mengapa; tercatat di riwayat versi."),
    )


class DipDocumentForm(forms.Form):
    files = MultipleFileField(label=_("Berkas (PDF, PNG, JPEG, XLSX, atau DOCX; boleh lebih dari satu)"))
    links = forms.CharField(
        label=_("Tautan"), required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=LINKS_HELP
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Catatan"), required=False, max_length=1000)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Tuliskan alasannya.")},
    )


class EstablishmentForm(forms.Form):
    number = forms.CharField(label=_("Nomor SK"), max_length=200, required=False)
    decided_on = _date_field(_("Tanggal SK"))
    file = forms.FileField(label=_("Berkas SK (PDF)"), required=False)


class DipFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.none(), required=False, empty_label=_("Semua unit")
    )
    category = forms.ChoiceField(
        label=_("Kategori"), choices=[("", _("Semua kategori")), *Category.choices], required=False
    )
    state = forms.ChoiceField(
        label=_("Status"),
        choices=[
            ("", _("Semua status")),
            ("draft", _("Draf")),
            ("published", _("Diumumkan")),
            ("withdrawn", _("Ditarik")),
            ("menunggu", _("Menunggu diumumkan")),
        ],
        required=False,
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units]).order_by(
            "kind", "name"
        )


class DikEntryForm(_Fieldsets, forms.Form):
    """The lembar uji konsekuensi in its steps (Perki 1/2021 Pasal 49(2))."""

    unit = forms.ModelChoiceField(
        label=_("Unit yang menguasai informasi"),
        queryset=Unit.objects.none(),
        empty_label=None,
        error_messages={"required": _("Pilih unit yang menguasai informasi.")},
    )
    title = forms.CharField(
        label=_("Informasi yang dikecualikan"),
        max_length=300,
        required=False,
        help_text=_("Nama informasi sebagaimana akan tercantum dalam Daftar Informasi yang Dikecualikan."),
    )
    document = _text(
        _("Dokumen yang diuji"),
        rows=3,
        required=False,
        help_text=_("Langkah 1: identifikasi dokumen: judul, nomor, tanggal, dan pembuatnya."),
    )
    exempt_content = _text(
        _("Bagian informasi yang dikecualikan"),
        rows=3,
        required=False,
        help_text=_(
            "Langkah 2: catat isi atau bagian dokumen yang dikecualikan. Bagian lain tetap terbuka "
            "(informasi dapat dibuka sebagian)."
        ),
    )
    ground = forms.ChoiceField(
        label=_("Dasar pengecualian (Pasal 17 UU 14/2008)"),
        choices=[("", _("— pilih huruf —")), *ExemptionGround.choices],
        required=False,
    )
    other_law = forms.CharField(
        label=_("Undang-undang dan pasal lain (huruf j)"),
        max_length=255,
        required=False,
        help_text=_("Wajib untuk huruf j: undang-undang dan pasal yang menutup informasi ini."),
    )
    legal_basis = _text(
        _("Analisis dasar hukum"),
        required=False,
        help_text=_(
            "Langkah 3: uraikan mengapa informasi ini termasuk yang dikecualikan menurut undang-undang."
        ),
    )
    harm = _text(
        _("Akibat yang timbul apabila informasi dibuka"),
        required=False,
        help_text=_("Langkah 4: konsekuensi (bahaya) yang timbul bila informasi dibuka kepada publik."),
    )
    public_interest = _text(
        _("Pertimbangan kepentingan publik"),
        required=False,
        help_text=_(
            "Langkah 4: timbang kepatutan, kesusilaan, dan kepentingan umum: mengapa menutup informasi "
            "melindungi kepentingan yang lebih besar daripada membukanya."
        ),
    )
    agreement = forms.ChoiceField(
        label=_("Persetujuan"),
        choices=[("", _("— pilih —")), *Agreement.choices],
        required=False,
        help_text=_("Penetapan oleh PPID dengan persetujuan Atasan PPID atau Tim Pertimbangan."),
    )
    agreed_by_name = forms.CharField(label=_("Nama yang menyetujui"), max_length=200, required=False)
    agreed_on = _date_field(_("Tanggal persetujuan"))
    period_until = _date_field(
        _("Dikecualikan sampai"),
        help_text=_("Jangka waktu pengecualian (Pasal 20): wajib kecuali pengecualian permanen."),
    )
    permanent = forms.BooleanField(
        label=_("Dikecualikan tanpa batas waktu (hanya huruf g dan h)"), required=False
    )

    FIELDSETS = (
        (_("Langkah 1. Identifikasi dokumen"), ("unit", "title", "document")),
        (_("Langkah 2. Isi yang dikecualikan"), ("exempt_content",)),
        (_("Langkah 3. Dasar hukum"), ("ground", "other_law", "legal_basis")),
        (_("Langkah 4. Uji konsekuensi"), ("harm", "public_interest")),
        (_("Persetujuan"), ("agreement", "agreed_by_name", "agreed_on")),
        (_("Jangka waktu pengecualian"), ("period_until", "permanent")),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units]).order_by(
            "kind", "name"
        )

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("unit", None)
        return data


class DikEditForm(DikEntryForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["unit"]


class DikDecideForm(forms.Form):
    sk_number = forms.CharField(label=_("Nomor SK penetapan"), max_length=200, required=False)
    sk_date = _date_field(_("Tanggal SK"))
    sk_file = forms.FileField(label=_("Berkas SK (PDF, tidak wajib)"), required=False)
