from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkCalendarConfig(AppConfig):
    name = "workcalendar"
    verbose_name = _("Kalender hari kerja")

    def ready(self) -> None:
        from audit.actions import register_action_labels

        from . import checks  # noqa: F401 - registers the missing-holidays system check
        from .events import LABELS

        register_action_labels(LABELS)
