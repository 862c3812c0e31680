"""The action code casenotes writes to the audit trail, with its page label (registered with `audit.actions` from
`CaseNotesConfig.ready`). The event is recorded on the note, not on the case, so no case timeline (the
requester's or the reporter's included) ever lists it; its reason, the note's text, is staff-only as well."""

from django.utils.translation import gettext_lazy as _

NOTE_ADDED = "note.added"

LABELS = {
    NOTE_ADDED: _("Catatan internal ditambahkan"),
}
