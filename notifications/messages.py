"""The short message of each notification kind, in the recipient's language. Only case numbers and states:
never personal data."""

import datetime as dt

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "request.registered": _("Permohonan %(case)s terdaftar."),
    "request.arrived": _("Permohonan baru %(case)s masuk ke antrean unit Anda."),
    "request.forward": _("Permohonan %(case)s diteruskan ke unit lain."),
    "request.forwarded_to_you": _("Permohonan %(case)s diteruskan ke unit Anda."),
    "request.process": _("Permohonan %(case)s sedang diproses."),
    "request.ask_clarification": _("Petugas meminta klarifikasi atas permohonan %(case)s."),
    "request.clarify": _("Pemohon menjawab klarifikasi permohonan %(case)s."),
    "request.extend": _("Batas waktu permohonan %(case)s diperpanjang."),
    "request.respond": _("Permohonan %(case)s sudah dijawab dengan pemberitahuan tertulis."),
    "request.complete": _("Permohonan %(case)s selesai."),
    "request.auto_complete": _("Permohonan %(case)s selesai otomatis."),
    "request.withdraw": _("Permohonan %(case)s dicabut."),
    "request.convert_to_complaint": _("Permohonan %(case)s dialihkan menjadi pengaduan."),
    "objection.registered": _(
        "Keberatan %(case)s terdaftar. Atasan PPID wajib menanggapi paling lambat %(due)s. Tanda terima keberatan "
        "dapat diunduh di halaman keberatan."
    ),
    "objection.arrived": _("Keberatan baru %(case)s menunggu tanggapan Atasan PPID."),
    "objection.review": _("Keberatan %(case)s sedang diperiksa Atasan PPID."),
    "objection.decide": _("Atasan PPID sudah menanggapi keberatan %(case)s."),
    "objection.withdraw": _("Keberatan %(case)s dicabut."),
    "dispute.registered": _("Sengketa atas keberatan %(case)s tercatat di Komisi Informasi."),
    "complaint.submitted": _("Pengaduan %(case)s diterima."),
    "complaint.awaits_verification": _("Pengaduan baru %(case)s menunggu verifikasi."),
    "complaint.verify": _("Pengaduan %(case)s diteruskan ke unit yang berwenang."),
    "complaint.arrived": _("Pengaduan %(case)s didisposisikan ke unit Anda."),
    "complaint.archive": _("Pengaduan %(case)s diarsipkan."),
    "complaint.respond": _("Unit menindaklanjuti pengaduan %(case)s."),
    "complaint.reopen": _("Pelapor membuka kembali pengaduan %(case)s."),
    "complaint.confirm": _("Pengaduan %(case)s selesai dan dinilai pelapor."),
    "complaint.auto_close": _("Pengaduan %(case)s ditutup otomatis."),
    "reminder.due_in_3": _("%(case)s jatuh tempo dalam 3 hari kerja (%(due)s)."),
    "reminder.due_in_1": _("%(case)s jatuh tempo besok atau hari ini (%(due)s)."),
    "reminder.overdue": _("%(case)s melewati batas waktu %(due)s."),
}
FALLBACK = _("Ada perubahan pada %(case)s.")


def render(kind: str, language: str, **params) -> str:
    """The message in `language`; dates among the params are written in that language too (never a date
    formatted in the language of whoever ran the job inside an English sentence)."""
    with translation.override(language or "id"):
        shown = {k: _shown(v) for k, v in params.items()}
        try:
            return str(MESSAGES.get(kind, FALLBACK)) % shown
        except KeyError:  # a row stored before its message took a parameter
            return str(FALLBACK) % shown


def _shown(value):
    """A date, or a date kept as an ISO string by `storable` (a stored row said again, e.g. in its e-mail),
    written in the active language."""
    if isinstance(value, str) and len(value) == 10:
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    return date_format(value, "DATE_FORMAT") if isinstance(value, dt.date) else value


def storable(params: dict) -> dict:
    """The params as JSON keeps them (dates as ISO strings), to say the message again later."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}
