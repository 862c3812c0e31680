"""The codes letters writes: its audit action (recorded on the case, so the case timeline shows the number) and
its outbox kind (the PDF is rendered and signed by the worker after the issuing transaction commits)."""

from django.utils.translation import gettext_lazy as _

LETTER_ISSUED = "letter.issued"
OUTBOX_RENDER = "letter.render"
LETTER_TEMPLATE_SAVED = "letter.template_saved"

LABELS = {
    LETTER_ISSUED: _("Surat diterbitkan"),
    LETTER_TEMPLATE_SAVED: _("Teks templat surat diubah"),
}
