from agencies.models import StaffRole
from agencies.selectors import agencies_administered_by, memberships_of
from notifications.models import Notification
from transparency.rules import may_prepare_report, may_view_compliance

# Pages under a main-navigation entry other than their own url name: the entry is marked as the current page.
SECTIONS = {
    "manage": {
        "manage",
        "agency_settings",
        "units",
        "unit_detail",
        "unit_edit",
        "audit",
        "holidays",
        "holiday_add",
        "holiday_edit",
        "staff",
        "staff_revoke",
    },
    "dashboard": {"dashboard", "dashboard_agency", "annual_report"},
    "stats": {"stats", "stats_agency", "public_reports", "public_report"},
}


def _section(request) -> str:
    match = getattr(request, "resolver_match", None)
    name = getattr(match, "url_name", None)
    return next((section for section, names in SECTIONS.items() if name in names), name or "")


def navigation(request):
    from django.conf import settings

    user = getattr(request, "user", None)
    live = {"live_updates": settings.LIVE_UPDATES, "nav_section": _section(request)}
    if user is None or not user.is_authenticated:
        return {
            "nav_is_staff": False,
            "nav_is_admin": False,
            "nav_is_atasan": False,
            "nav_dashboard": False,
            **live,
        }
    memberships = memberships_of(user)
    agencies = {m.unit.agency_id: m.unit.agency for m in memberships}.values()
    return {
        "nav_is_staff": bool(memberships) or user.is_superuser,
        "nav_is_admin": user.is_superuser or agencies_administered_by(user).exists(),
        # The Atasan PPID's queue of objections awaiting a response.
        "nav_is_atasan": any(m.role == StaffRole.ATASAN for m in memberships),
        # The auditors' dashboard or the annual report of at least one agency (frontend/dashboard/).
        "nav_dashboard": user.is_superuser
        or any(may_view_compliance(user, a) or may_prepare_report(user, a) for a in agencies),
        "nav_memberships": memberships,
        "nav_unread": Notification.objects.filter(recipient=user, is_read=False).count(),
        **live,
    }
