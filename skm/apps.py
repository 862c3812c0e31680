from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkmConfig(AppConfig):
    name = "skm"
    verbose_name = _("Survei kepuasan masyarakat")

    def ready(self) -> None:
        from audit.actions import register_action_labels

        from .events import LABELS

        register_action_labels(LABELS)
