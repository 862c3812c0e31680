from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkCalendarConfig(AppConfig):
    name = "workcalendar"
    verbose_name = _("Kalender hari kerja")

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the missing-holidays system check
