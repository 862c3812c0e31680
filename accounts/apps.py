from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Akun dan pemohon")

    def ready(self) -> None:
        from audit.actions import register_action_labels

        from .events import LABELS

        register_action_labels(LABELS)
