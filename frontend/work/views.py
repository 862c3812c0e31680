"""The staff's pages under /kerja/: the landing page after login, the unit head's workload, the register books.

The home lists (`home.py`) cover requests, objections and complaints alike; each part links to the full page
that does the work.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render

from agencies.models import Agency, StaffRole
from agencies.selectors import agencies_administered_by, agency_ids_in_full_reach, memberships_of
from ppid import rules
from ppid.selectors import (
    contributions_asked_of,
    drafts_awaiting_approval,
    objections_awaiting_decision,
    orders_open_for,
)
from transparency.registers import register_csv, register_filename, register_pdf, register_xlsx
from transparency.rules import may_prepare_report, may_view_compliance
from transparency.services import register_export

from ..common.access import is_staff_user
from ..common.contributions import contribution_badges
from ..common.forms import form_errors_to
from ..common.orders import order_rows
from . import home
from .forms import RegisterForm


@login_required
def work_home(request):
    """The staff's landing page: their own open cases, their units' unassigned ones, what is overdue and due
    soon in their reach, and each role's own lists (the Atasan's objections, the auditors' units)."""
    user = request.user
    if not is_staff_user(user):
        raise Http404
    memberships = memberships_of(user)
    roles = {m.role for m in memberships}
    agencies = list({m.unit.agency_id: m.unit.agency for m in memberships}.values())
    if user.is_superuser:
        agencies = list(Agency.objects.all())
    is_officer = user.is_superuser or bool(roles & rules.OFFICER_ROLES)
    watches_agency = bool(roles & {StaffRole.ATASAN, StaffRole.AUDITOR}) or user.is_superuser
    clock = home.Clock(home.staff_agency(user))
    lists = home.home_lists(user, clock, is_officer=is_officer)
    objections = None
    if StaffRole.ATASAN in roles:
        waiting = objections_awaiting_decision(user)
        objections = home.CaseList(
            waiting.count(), [home.KINDS[1].row(o, clock) for o in waiting[: home.NEXT_DUE]], {}
        )
    orders = orders_count = None
    if is_officer or StaffRole.ATASAN in roles:
        open_orders = orders_open_for(user)
        orders_count = open_orders.count()
        orders = order_rows(open_orders[: home.NEXT_DUE]) if orders_count else []
    contributions = contributions_count = None
    if is_officer:
        asked = contributions_asked_of(user)
        contributions_count = asked.count()
        contributions = contribution_badges(asked[: home.NEXT_DUE]) if contributions_count else []
    approvals = approvals_count = None
    if StaffRole.PPID in roles:
        waiting_drafts = drafts_awaiting_approval(user)
        approvals_count = waiting_drafts.count()
        approvals = list(waiting_drafts[: home.NEXT_DUE]) if approvals_count else []
    context = {
        "approvals": approvals,
        "approvals_count": approvals_count,
        "contributions": contributions,
        "contributions_count": contributions_count,
        "orders": orders,
        "orders_count": orders_count,
        "is_officer": is_officer,
        "is_head": StaffRole.PPID in roles or user.is_superuser,
        "lists": lists,
        "register": home.register_lists(user, clock),
        "dik_lead_days": settings.DIK_REVIEW_LEAD_DAYS,
        "objections": objections,
        "units_overdue": home.overdue_by_unit(user, clock) if watches_agency else None,
        "dashboard_agencies": [a for a in agencies if may_view_compliance(user, a)],
        "report_agencies": [a for a in agencies if may_prepare_report(user, a)],
        "administered": list(agencies_administered_by(user)),
        "full_reach": agency_ids_in_full_reach(user),
    }
    return render(request, "frontend/work.html", context)


@login_required
def workload(request):
    """The unit head's view of who carries what: per officer their open cases, due soon and overdue; per unit
    what nobody has taken yet. Each figure links to the queue filtered the same way."""
    user = request.user
    if not (user.is_superuser or any(m.role == StaffRole.PPID for m in memberships_of(user))):
        raise Http404
    clock = home.Clock(home.staff_agency(user))
    return render(request, "frontend/work/workload.html", home.workload(user, clock))


@login_required
def register_download(request):
    """The register books for the agency's staff: a form, and with its fields filled, the file (each download is
    recorded by the service)."""
    user = request.user
    if not is_staff_user(user):
        raise Http404
    agencies = list(Agency.objects.all()) if user.is_superuser else _staff_agencies(user)
    form = RegisterForm(request.GET or None, agencies=agencies)
    if request.GET and form.is_valid():
        data = form.cleaned_data
        try:
            register = register_export(
                viewer=user,
                kind=data["kind"],
                agency=data["agency"],
                unit=data["unit"],
                start=data["start"],
                end=data["end"],
                file_format=data["file_format"],
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            fmt = data["file_format"]
            make = {"csv": register_csv, "xlsx": register_xlsx, "pdf": register_pdf}[fmt]
            media = {
                "csv": "text/csv; charset=utf-8",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "pdf": "application/pdf",
            }[fmt]
            response = HttpResponse(make(register), content_type=media)
            response["Content-Disposition"] = f'attachment; filename="{register_filename(register, fmt)}"'
            return response
    return render(request, "frontend/work/registers.html", {"form": form})


def _staff_agencies(user) -> list:
    return list({m.unit.agency_id: m.unit.agency for m in memberships_of(user)}.values())
