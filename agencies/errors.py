"""Domain errors every app raises. The API maps them to HTTP codes (409, 403, 404, 400); pages show their message."""

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["InvalidTransition", "NotFound", "PermissionDenied", "ValidationError"]


class InvalidTransition(Exception):
    """The transition is not allowed from the case's current state (someone else may have acted first)."""

    code = "invalid_transition"

    def __init__(self, message: str, *, state: str = ""):
        super().__init__(message)
        self.message = message
        self.state = state


class NotFound(Exception):
    """The object does not exist for this caller (whether or not it exists at all)."""
