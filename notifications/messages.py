"""The short message of each notification kind, in the recipient's language. Only case numbers and states:
never personal data."""

import datetime as dt
from collections.abc import Mapping

from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The case apps register their kinds' texts from their AppConfig.ready (their events.py); the reminders' own
# texts are generic and live here.
MESSAGES: dict[str, Promise | str] = {
    "reminder.due_in_3": _("%(case)s jatuh tempo dalam 3 hari kerja (%(due)s)."),
    "reminder.due_in_1": _("%(case)s jatuh tempo besok atau hari ini (%(due)s)."),
    "reminder.overdue": _("%(case)s melewati batas waktu %(due)s."),
}
FALLBACK = _("Ada perubahan pada %(case)s.")


def register_messages(messages: Mapping[str, Promise | str]) -> None:
    """A case app's notification kinds and their texts (`%(case)s`, and `%(due)s` where a date is given)."""
    for kind, text in messages.items():
        if MESSAGES.get(kind, text) is not text:
            raise ValueError(f"notification kind {kind!r} is registered twice with different texts")
        MESSAGES[kind] = text


def render(kind: str, language: str, **params) -> str:
    """The message in `language`; dates among the params are written in that language too (never a date
    formatted in the language of whoever ran the job inside an English sentence)."""
    with translation.override(language or "id"):
        shown = {k: _shown(v) for k, v in params.items()}
        try:
            return str(MESSAGES.get(kind, FALLBACK)) % shown
        except KeyError:  # a row stored before its message took a parameter
            return str(FALLBACK) % shown


def _shown(value):
    """A date, or a date kept as an ISO string by `storable` (a stored row said again, e.g. in its e-mail),
    written in the active language."""
    if isinstance(value, str) and len(value) == 10:
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    return date_format(value, "DATE_FORMAT") if isinstance(value, dt.date) else value


def storable(params: dict) -> dict:
    """The params as JSON keeps them (dates as ISO strings), to say the message again later."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}
