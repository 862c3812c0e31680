"""The staff's landing page after login (/kerja/): a first version of their workspace.

Officers see a summary of their queue (open requests in their reach by due date, how many are due soon or
overdue) and their open complaints; the Atasan PPID the objections waiting for a response; auditors the
dashboard; administrators their management pages. Each part links to the full page that does the work.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render

from agencies.models import Agency, StaffRole
from agencies.selectors import agencies_administered_by, agency_ids_in_full_reach, memberships_of
from complaints.selectors import complaints_visible_to
from ppid import rules
from ppid.models import OPEN_STATES
from ppid.selectors import objections_awaiting_decision, officer_queue
from transparency.registers import register_csv, register_filename, register_pdf, register_xlsx
from transparency.rules import may_prepare_report, may_view_compliance
from transparency.services import register_export
from workcalendar.deadlines import DeadlineStatus

from ..common.access import is_staff_user
from ..common.forms import form_errors_to
from ..requests.views import deadline_badges
from .forms import RegisterForm

# How many of the earliest deadlines the summary lists; the queue has the rest.
NEXT_DUE = 10


def _request_summary(user) -> dict:
    open_rows = deadline_badges(officer_queue(user).filter(state__in=OPEN_STATES))
    kinds = [badge["kind"] if badge else "" for _obj, badge in open_rows]
    return {
        "open": len(open_rows),
        "overdue": kinds.count("overdue"),
        "soon": kinds.count(DeadlineStatus.DUE_SOON),
        "next": open_rows[:NEXT_DUE],
    }


def _complaint_summary(user) -> dict:
    from complaints.models import OPEN_COMPLAINT_STATES

    open_complaints = list(
        complaints_visible_to(user).exclude(reporter=user).filter(state__in=OPEN_COMPLAINT_STATES)
    )
    return {"open": len(open_complaints), "overdue": sum(c.is_overdue for c in open_complaints)}


@login_required
def work_home(request):
    user = request.user
    if not is_staff_user(user):
        raise Http404
    memberships = memberships_of(user)
    roles = {m.role for m in memberships}
    agencies = list({m.unit.agency_id: m.unit.agency for m in memberships}.values())
    if user.is_superuser:
        agencies = list(Agency.objects.all())
    is_officer = user.is_superuser or bool(roles & rules.OFFICER_ROLES)
    administered = list(agencies_administered_by(user))
    context = {
        "is_officer": is_officer,
        "requests": _request_summary(user) if is_officer else None,
        "complaints": _complaint_summary(user) if is_officer else None,
        "objections": (
            deadline_badges(objections_awaiting_decision(user)) if StaffRole.ATASAN in roles else None
        ),
        "dashboard_agencies": [a for a in agencies if may_view_compliance(user, a)],
        "report_agencies": [a for a in agencies if may_prepare_report(user, a)],
        "administered": administered,
        "full_reach": agency_ids_in_full_reach(user),
    }
    return render(request, "frontend/work.html", context)


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
