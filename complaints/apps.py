from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Pengaduan pelayanan publik")

    def ready(self) -> None:
        from audit.actions import register_action_labels
        from audit.selectors import register_staff_only_reason
        from notifications.messages import register_messages

        from .events import COMPLAINT_ASSIGN, LABELS, MESSAGES

        register_action_labels(LABELS)
        register_messages(MESSAGES)
        # Why a complaint moved from one officer to another is for colleagues (issue 16 point 2).
        register_staff_only_reason(COMPLAINT_ASSIGN)

        # Internal notes (casenotes) are for the staff who see the complaint as staff, never its reporter.
        from casenotes.selectors import register_note_reach

        from .models import Complaint
        from .selectors import complaints_seen_as_staff

        register_note_reach(Complaint, complaints_seen_as_staff)
