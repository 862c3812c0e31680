from agencies.models import StaffRole
from agencies.selectors import agencies_administered_by, memberships_of


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_is_staff": False, "nav_is_admin": False, "nav_is_atasan": False}
    memberships = memberships_of(user)
    return {
        "nav_is_staff": bool(memberships) or user.is_superuser,
        "nav_is_admin": user.is_superuser or agencies_administered_by(user).exists(),
        # The Atasan PPID's queue of objections awaiting a response.
        "nav_is_atasan": any(m.role == StaffRole.ATASAN for m in memberships),
        "nav_memberships": memberships,
    }
