"""The survey page of a finished case, for its own requester or reporter (anyone else: 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from agencies.errors import InvalidTransition, NotFound
from skm.selectors import invitation_used, surveyable_case
from skm.services import survey_response_submit

from ..common.forms import form_errors_to
from .forms import SurveyForm

CASE_PAGES = {
    "request": "frontend:request_detail",
    "objection": "frontend:objection_detail",
    "complaint": "frontend:complaint_detail",
}


def _case_url(kind: str, case) -> str:
    return reverse(CASE_PAGES[kind], args=[case.pk])


@login_required
def survey(request, kind: str, case_id: int):
    case = surveyable_case(request.user, kind, case_id)
    if case is None:
        raise Http404
    back = _case_url(kind, case)
    if invitation_used(kind, case.pk):
        return render(request, "frontend/skm/filled.html", {"case": case, "back": back})
    form = SurveyForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                survey_response_submit(
                    user=request.user,
                    kind=kind,
                    case_id=case.pk,
                    answers=data,
                    suggestion=data.get("suggestion", ""),
                )
            except NotFound as exc:
                raise Http404 from exc
            except InvalidTransition:
                return render(request, "frontend/skm/filled.html", {"case": case, "back": back}, status=409)
            except ValidationError as exc:
                form_errors_to(form, exc)
            else:
                messages.success(request, _("Terima kasih, survei Anda sudah kami terima."))
                return redirect(back)
    return render(request, "frontend/skm/form.html", {"form": form, "case": case, "back": back, "kind": kind})
