"""Words for the codes the audit trail stores: actions and states. Pages show these; the codes stay in the
database and the API."""

from django.utils.translation import gettext_lazy

from complaints.models import ComplaintState
from ppid.models import ObjectionState, RequestState

from ..complaints.views import EVENT_LABELS as COMPLAINT_EVENTS
from ..requests.views import EVENT_LABELS as CASE_EVENTS

ADMIN_EVENTS = {
    "account.registered": gettext_lazy("Akun warga didaftarkan"),
    "account.email_confirmed": gettext_lazy("Alamat e-mail dikonfirmasi"),
    "account.staff_created": gettext_lazy("Akun staf dibuat"),
    "account.staff_invitation_resent": gettext_lazy("Undangan staf dikirim ulang"),
    "profile.updated": gettext_lazy("Profil diperbarui"),
    "agency.created": gettext_lazy("Badan publik dibuat"),
    "agency.settings_changed": gettext_lazy("Pengaturan badan publik diubah"),
    "unit.created": gettext_lazy("Unit ditambahkan"),
    "unit.updated": gettext_lazy("Unit diubah"),
    "membership.granted": gettext_lazy("Peran staf diberikan"),
    "membership.revoked": gettext_lazy("Peran staf dicabut"),
    "holiday.created": gettext_lazy("Hari libur ditambahkan"),
    "holiday.updated": gettext_lazy("Hari libur diubah"),
    "holiday.deleted": gettext_lazy("Hari libur dihapus"),
    "document.downloaded": gettext_lazy("Dokumen diunduh"),
    "annual_report.saved": gettext_lazy("Teks laporan tahunan disimpan"),
    "annual_report.published": gettext_lazy("Laporan tahunan diterbitkan"),
    "annual_report.republished": gettext_lazy("Laporan tahunan diterbitkan ulang"),
}
ACTION_LABELS = {**CASE_EVENTS, **COMPLAINT_EVENTS, **ADMIN_EVENTS}
# Request and objection codes that coincide ("registered", "withdrawn") carry the same words.
STATE_LABELS = {**dict(ComplaintState.choices), **dict(ObjectionState.choices), **dict(RequestState.choices)}


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))


def state_label(code: str) -> str:
    return str(STATE_LABELS.get(code, code)) if code else ""
