from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DipConfig(AppConfig):
    name = "dip"
    verbose_name = _("Daftar informasi publik")

    def ready(self) -> None:
        from audit.actions import register_action_labels
        from notifications.messages import register_messages

        from . import events
        from .live import push_serta_merta
        from .services import register_published_listener

        register_action_labels(events.LABELS)
        register_messages(events.MESSAGES)
        register_published_listener(push_serta_merta)
