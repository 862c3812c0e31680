"""The action codes agency administration writes to the audit trail, with their page labels (registered with
`audit.actions` from `AgenciesConfig.ready`)."""

from django.utils.translation import gettext_lazy as _

ACCOUNT_STAFF_CREATED = "account.staff_created"
ACCOUNT_STAFF_INVITATION_RESENT = "account.staff_invitation_resent"
AGENCY_CREATED = "agency.created"
AGENCY_SETTINGS_CHANGED = "agency.settings_changed"
UNIT_CREATED = "unit.created"
UNIT_UPDATED = "unit.updated"
MEMBERSHIP_GRANTED = "membership.granted"
MEMBERSHIP_REVOKED = "membership.revoked"
AUDIT_TRAIL_EXPORTED = "audit_trail.exported"
# Letterheads and signatories (issue 17).
AGENCY_LOGO_CHANGED = "agency.logo_changed"
AGENCY_CLASSIFICATION_CODES_CHANGED = "agency.classification_codes_changed"
UNIT_LETTERHEAD_CHANGED = "unit.letterhead_changed"
UNIT_LOGO_CHANGED = "unit.logo_changed"
SIGNATORY_POSITION_SET = "signatory.position_set"
STAFF_PROFILE_CHANGED = "staff.profile_changed"

LABELS = {
    ACCOUNT_STAFF_CREATED: _("Akun staf dibuat"),
    ACCOUNT_STAFF_INVITATION_RESENT: _("Undangan staf dikirim ulang"),
    AGENCY_CREATED: _("Badan publik dibuat"),
    AGENCY_SETTINGS_CHANGED: _("Pengaturan badan publik diubah"),
    UNIT_CREATED: _("Unit ditambahkan"),
    UNIT_UPDATED: _("Unit diubah"),
    MEMBERSHIP_GRANTED: _("Peran staf diberikan"),
    MEMBERSHIP_REVOKED: _("Peran staf dicabut"),
    AUDIT_TRAIL_EXPORTED: _("Jejak audit diunduh"),
    AGENCY_LOGO_CHANGED: _("Logo kop badan publik diubah"),
    AGENCY_CLASSIFICATION_CODES_CHANGED: _("Kode klasifikasi surat diubah"),
    UNIT_LETTERHEAD_CHANGED: _("Kop surat unit diubah"),
    UNIT_LOGO_CHANGED: _("Logo kop unit diubah"),
    SIGNATORY_POSITION_SET: _("Penanda tangan ditetapkan"),
    STAFF_PROFILE_CHANGED: _("Profil pegawai diubah"),
}
