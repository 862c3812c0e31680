from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "agencies"
    verbose_name = _("Badan publik dan unit PPID")

    def ready(self) -> None:
        from audit.actions import register_action_labels
        from audit.selectors import register_trail_reach

        from .events import LABELS
        from .selectors import agency_ids_in_full_reach

        register_action_labels(LABELS)

        # An agency's raw audit trail is for those who reach every unit of it.
        register_trail_reach(agency_ids_in_full_reach)
