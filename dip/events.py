"""The action codes dip writes to the audit trail and the notification kinds it sends, with their labels and
texts (registered from `DipConfig.ready`)."""

from django.utils.translation import gettext_lazy as _

DIP_CREATED = "dip.created"
DIP_SAVED = "dip.saved"
DIP_PROPOSED = "dip.proposed"
DIP_REVIEW_REQUESTED = "dip.review_requested"
DIP_PUBLISHED = "dip.published"
DIP_WITHDRAWN = "dip.withdrawn"
DIP_DOCUMENT_ADDED = "dip.document_added"
DIP_DOCUMENT_REMOVED = "dip.document_removed"
DIP_ESTABLISHED = "dip.established"
DIK_CREATED = "dik.created"
DIK_SAVED = "dik.saved"
DIK_DECIDED = "dik.decided"
DIK_REVOKED = "dik.revoked"

LABELS = {
    DIP_CREATED: _("Draf informasi publik dibuat"),
    DIP_SAVED: _("Draf informasi publik diubah"),
    DIP_PROPOSED: _("Perubahan informasi publik diajukan"),
    DIP_REVIEW_REQUESTED: _("Informasi publik diajukan untuk diumumkan"),
    DIP_PUBLISHED: _("Informasi publik diumumkan"),
    DIP_WITHDRAWN: _("Informasi publik ditarik"),
    DIP_DOCUMENT_ADDED: _("Dokumen informasi publik ditambahkan"),
    DIP_DOCUMENT_REMOVED: _("Dokumen informasi publik dihapus"),
    DIP_ESTABLISHED: _("SK penetapan DIP diunggah"),
    DIK_CREATED: _("Penetapan informasi yang dikecualikan dibuat"),
    DIK_SAVED: _("Penetapan informasi yang dikecualikan diubah"),
    DIK_DECIDED: _("Informasi ditetapkan dikecualikan"),
    DIK_REVOKED: _("Penetapan pengecualian dicabut"),
}

# Notification kinds: the PPID Utama is asked to publish; the holding unit is reminded of a berkala update; the
# PPID Utama is told of a DIK entry whose period ends soon (Pasal 20 review). `%(case)s` is the item's title.
DIP_UPDATE_DUE = "dip.update_due"
# The same clock once its date has passed (the item is overdue: an auditor sees it on the dashboard).
DIP_UPDATE_OVERDUE = "dip.update_overdue"
DIK_REVIEW_DUE = "dik.review_due"

MESSAGES = {
    DIP_REVIEW_REQUESTED: _('Informasi publik "%(case)s" menunggu untuk diumumkan.'),
    DIP_UPDATE_DUE: _('Informasi berkala "%(case)s" wajib diperbarui paling lambat %(due)s.'),
    DIP_UPDATE_OVERDUE: _(
        'Informasi berkala "%(case)s" melewati batas pembaruan %(due)s: perbarui dan umumkan kembali.'
    ),
    DIK_REVIEW_DUE: _('Masa pengecualian "%(case)s" berakhir pada %(due)s: tinjau kembali (Pasal 20).'),
}
