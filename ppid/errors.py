"""Domain errors, shared by every app from `agencies.errors` (the register of issue 18 raises them too). The API
maps them to HTTP codes (409, 403, 404, 400); pages show their message."""

from agencies.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError

__all__ = ["InvalidTransition", "NotFound", "PermissionDenied", "ValidationError"]
