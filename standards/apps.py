from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    name = "standards"
    verbose_name = _("Standar layanan informasi publik")

    def ready(self) -> None:
        from audit.actions import register_action_labels

        from . import events

        register_action_labels(events.LABELS)
