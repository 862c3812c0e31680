"""The one check every transition service runs before changing a case (requests, objections, complaints):
the caller's role first (PermissionDenied, 403), then the current state (InvalidTransition, 409). Both read the
django-fsm decorator, so the rules live in one place: the model."""

from .errors import InvalidTransition, PermissionDenied


def check_fsm_transition(obj, name: str, actor, *, state_messages: dict, denied_message: str) -> None:
    meta = getattr(type(obj), name)._django_fsm
    # actor None is the system itself (periodic jobs): no role to check.
    if actor is not None and not any(t.has_perm(obj, actor) for t in meta.transitions.values()):
        raise PermissionDenied(denied_message)
    if not meta.has_transition(obj.state):
        raise InvalidTransition(str(state_messages[name]), state=obj.state)
