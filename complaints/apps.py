from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Pengaduan pelayanan publik")

    def ready(self) -> None:
        from audit.actions import register_action_labels
        from notifications.messages import register_messages

        from .events import LABELS, MESSAGES

        register_action_labels(LABELS)
        register_messages(MESSAGES)
