"""The action codes skm writes to the audit trail, with their labels (registered from `SkmConfig.ready`)."""

from django.utils.translation import gettext_lazy as _

SKM_SUBMITTED = "skm.submitted"

LABELS = {
    SKM_SUBMITTED: _("Survei kepuasan masyarakat diisi"),
}
