from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "agencies"
    verbose_name = _("Badan publik dan unit PPID")

    def ready(self) -> None:
        from audit.actions import register_action_labels

        from .events import LABELS

        register_action_labels(LABELS)
