from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DipConfig(AppConfig):
    name = "dip"
    verbose_name = _("Daftar informasi publik")

    def ready(self) -> None:
        from audit.actions import register_action_labels
        from notifications.messages import register_messages

        from . import events

        register_action_labels(events.LABELS)
        register_messages(events.MESSAGES)
