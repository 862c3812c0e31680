"""The action codes standards writes to the audit trail, with their labels (registered from
`StandardsConfig.ready`)."""

from django.utils.translation import gettext_lazy as _

STANDARD_SAVED = "standards.saved"
STANDARD_FEE_ADDED = "standards.fee_added"
STANDARD_FEE_REMOVED = "standards.fee_removed"
STANDARD_SOP_SET = "standards.sop_set"
STANDARD_PUBLISHED = "standards.published"

LABELS = {
    STANDARD_SAVED: _("Draf standar layanan diubah"),
    STANDARD_FEE_ADDED: _("Biaya layanan ditambahkan"),
    STANDARD_FEE_REMOVED: _("Biaya layanan dihapus"),
    STANDARD_SOP_SET: _("SOP layanan diunggah"),
    STANDARD_PUBLISHED: _("Standar layanan diumumkan"),
}

KI_SUBMISSION_RECORDED = "standards.ki_submission_recorded"
EMONEV_PACK_BUILT = "standards.emonev_pack_built"

LABELS[KI_SUBMISSION_RECORDED] = _("Pengiriman ke Komisi Informasi dicatat")
LABELS[EMONEV_PACK_BUILT] = _("Data dukung e-Monev diunduh")
