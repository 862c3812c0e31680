"""Deadline explanations built when the page is shown, in the viewer's language and with dates written out, from
the structured data kept in deadline logs and ground windows (the stored text is in the language of whoever
triggered the computation; it is the fallback for rows stored without the structured fields)."""

from django import template

from ppid.windows import stored_arose_because
from workcalendar.calendar import explain_step

register = template.Library()


@register.filter
def deadline_explanation(step) -> str:
    """A deadline_log step (or a DueDate) explained: `{{ step|deadline_explanation|linebreaksbr }}`."""
    return explain_step(step)


@register.simple_tag
def ground_arose_because(objection, index: int, fallback: str = "") -> str:
    """Why the objection's `index`-th ground arose (the order of `objection.grounds`), in the viewer's language."""
    try:
        window = objection.ground_windows.get(objection.grounds[index])
    except (AttributeError, IndexError, TypeError):
        return fallback
    return stored_arose_because(window) if isinstance(window, dict) else fallback
