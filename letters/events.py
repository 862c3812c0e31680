"""The codes letters writes: its audit action (recorded on the case, so the case timeline shows the number) and
its outbox kind (the PDF is rendered and signed by the worker after the issuing transaction commits)."""

from django.utils.translation import gettext_lazy as _

LETTER_ISSUED = "letter.issued"
OUTBOX_RENDER = "letter.render"
LETTER_TEMPLATE_SAVED = "letter.template_saved"
# The SRIKANDI package of a letter downloaded by staff (recorded on the letter: it carries the recipient's name).
LETTER_PACKAGE_DOWNLOADED = "letter.package_downloaded"

LABELS = {
    LETTER_ISSUED: _("Surat diterbitkan"),
    LETTER_TEMPLATE_SAVED: _("Teks templat surat diubah"),
    LETTER_PACKAGE_DOWNLOADED: _("Paket SRIKANDI surat diunduh"),
}
