"""The action codes accounts writes to the audit trail, with their page labels (registered with `audit.actions`
from `AccountsConfig.ready`)."""

from django.utils.translation import gettext_lazy as _

ACCOUNT_REGISTERED = "account.registered"
ACCOUNT_EMAIL_CONFIRMED = "account.email_confirmed"
PROFILE_UPDATED = "profile.updated"
PERSONAL_DATA_VIEWED = "personal_data.viewed"  # the full NIK shown to staff (also written by ppid)

LABELS = {
    ACCOUNT_REGISTERED: _("Akun warga didaftarkan"),
    ACCOUNT_EMAIL_CONFIRMED: _("Alamat e-mail dikonfirmasi"),
    PROFILE_UPDATED: _("Profil diperbarui"),
    PERSONAL_DATA_VIEWED: _("NIK lengkap dilihat petugas"),
}
