"""Deadline explanations built when the page is shown, in the viewer's language and with dates written out, from
the structured data kept in deadline logs and ground windows (the stored text is in the language of whoever
triggered the computation; it is the fallback for rows stored without the structured fields)."""

from django import template

from ppid.windows import stored_arose_because
from workcalendar.calendar import DueDate, explain

register = template.Library()

# Steps stored before "start_label" was kept: what their start date is.
_STEP_START_LABELS = {"extension": "extension_from", "pause": "pause_from"}


@register.filter
def deadline_explanation(step) -> str:
    """A deadline_log step (or a DueDate) explained: `{{ step|deadline_explanation|linebreaksbr }}`."""
    if isinstance(step, DueDate):
        return explain(step.as_dict())
    if not isinstance(step, dict):
        return ""
    label = step.get("start_label") or _STEP_START_LABELS.get(step.get("step"), "received")
    return explain(step, start_label=label)


@register.simple_tag
def ground_arose_because(objection, index: int, fallback: str = "") -> str:
    """Why the objection's `index`-th ground arose (the order of `objection.grounds`), in the viewer's language."""
    try:
        window = objection.ground_windows.get(objection.grounds[index])
    except (AttributeError, IndexError, TypeError):
        return fallback
    return stored_arose_because(window) if isinstance(window, dict) else fallback
