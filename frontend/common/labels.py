"""Words for the codes the audit trail stores: actions and states. Pages show these; the codes stay in the
database and the API. Action labels are each app's own (its events.py, registered with `audit.actions`)."""

from audit.actions import action_label
from complaints.models import ComplaintState
from ppid.models import ObjectionState, RequestState

__all__ = ["action_label", "state_label"]

# Request and objection codes that coincide ("registered", "withdrawn") carry the same words.
STATE_LABELS = {**dict(ComplaintState.choices), **dict(ObjectionState.choices), **dict(RequestState.choices)}


def state_label(code: str) -> str:
    return str(STATE_LABELS.get(code, code)) if code else ""
