from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Naskah dinas")

    def ready(self) -> None:
        from agencies.letter_kinds import register_letter_kinds
        from audit.actions import register_action_labels
        from notifications.outbox import register_outbox_handler

        from . import events
        from .kinds import LetterKind
        from .services import outbox_render_letter

        register_action_labels(events.LABELS)
        register_outbox_handler(events.OUTBOX_RENDER, outbox_render_letter)
        # The administrators' classification codes per kind are checked and labelled by agencies with these.
        register_letter_kinds(LetterKind.choices)
