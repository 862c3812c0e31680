from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifikasi")

    def ready(self) -> None:
        from . import embedded, signals  # noqa: F401 - signals: open websockets follow credential changes
        from .outbox import register_outbox_handler
        from .tasks import outbox_notification_email

        register_outbox_handler("email.notification", outbox_notification_email)

        embedded.start_if_configured()
