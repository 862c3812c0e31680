from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseNotesConfig(AppConfig):
    name = "casenotes"
    verbose_name = _("Catatan internal")

    def ready(self) -> None:
        from audit.actions import register_action_labels
        from audit.selectors import register_staff_only_reason

        from . import events

        register_action_labels(events.LABELS)
        # The audit row of a note carries its text: for colleagues only, like a forward note.
        register_staff_only_reason(events.NOTE_ADDED)
