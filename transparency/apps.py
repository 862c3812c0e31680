from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "transparency"
    verbose_name = _("Transparansi")

    def ready(self) -> None:
        from audit.actions import register_action_labels

        from .events import LABELS

        register_action_labels(LABELS)
