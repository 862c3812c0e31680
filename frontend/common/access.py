"""Who the pages treat as staff."""

from agencies.selectors import memberships_of


def is_staff_user(user) -> bool:
    """Signed in, and a superuser or a member of some unit."""
    return bool(user.is_authenticated and (user.is_superuser or memberships_of(user)))
