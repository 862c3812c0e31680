"""The asked unit's pages for contributions across units (permintaan bahan, issue 16 point 4): `/kerja/bahan/`
(the list, by state) and `/kerja/bahan/<id>/` (the instructions, the answer form with its files, the decline
form); the downloads of an answer's files, and the handling officer's "attach to the response". Thin: one
ppid service or selector each; outside the viewer's reach, 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from agencies.selectors import memberships_of
from ppid import rules, services
from ppid.errors import InvalidTransition, NotFound
from ppid.models import ContributionState
from ppid.selectors import contribution_files_visible_to, contributions_visible_to, requests_seen_as_staff

from ..common.access import is_staff_user
from ..common.contributions import (
    ANCHOR,
    ContributionAnswerForm,
    ContributionDeclineForm,
    contribution_badges,
)
from ..common.forms import form_errors_to
from ..common.pages import PAGE_SIZE

STATE_FILTERS = {
    "": ContributionState.ASKED,
    "dijawab": ContributionState.ANSWERED,
    "ditolak": ContributionState.DECLINED,
    "semua": None,
}


def _staff_or_404(request) -> None:
    if not is_staff_user(request.user):
        raise Http404


@login_required
@require_GET
def contribution_list(request):
    """Open ones by default; `?status=dijawab|ditolak|semua`. Officers see those asked of their units by default
    (`?lingkup=semua` for every one they may see); the agency-wide roles see all they may read."""
    _staff_or_404(request)
    user = request.user
    status = request.GET.get("status", "")
    if status not in STATE_FILTERS:
        status = ""
    own_units = [m.unit_id for m in memberships_of(user) if m.role in rules.OFFICER_ROLES]
    scope = request.GET.get("lingkup", "unit" if own_units else "semua")
    qs = contributions_visible_to(user)
    if scope == "unit":
        qs = qs.filter(unit_id__in=own_units)
    state = STATE_FILTERS[status]
    if state is not None:
        qs = qs.filter(state=state)
    rows = contribution_badges(qs.order_by("due_date", "id")[:PAGE_SIZE])
    context = {
        "rows": rows,
        "status": status,
        "scope": scope,
        "has_units": bool(own_units),
        "statuses": [
            ("", _("Menunggu jawaban")),
            ("dijawab", _("Dijawab")),
            ("ditolak", _("Ditolak")),
            ("semua", _("Semua")),
        ],
    }
    return render(request, "frontend/work/contributions.html", context)


def _visible_or_404(request, pk: int):
    contribution = (
        contributions_visible_to(request.user)
        .select_related("answered_by", "declined_by")
        .prefetch_related("files")
        .filter(pk=pk)
        .first()
    )
    if contribution is None:
        raise Http404
    return contribution


def render_contribution(request, contribution, *, answer_form=None, decline_form=None, status: int = 200):
    user = request.user
    available = {t.name for t in contribution.get_available_user_state_transitions(user)}
    context = {
        "c": contribution,
        "badge": contribution_badges([contribution])[0][1],
        "request_link": requests_seen_as_staff(user).filter(pk=contribution.request_id).exists(),
        "answer_form": (answer_form or ContributionAnswerForm(prefix="jawab"))
        if "answer" in available
        else None,
        "decline_form": (decline_form or ContributionDeclineForm(prefix="tolak"))
        if "decline" in available
        else None,
        "can_attach": rules.is_handling_officer(contribution.request, user),
    }
    result = render(request, "frontend/work/contribution_detail.html", context, status=status)
    patch_cache_control(result, private=True, no_store=True)
    return result


@login_required
@require_GET
def contribution_detail(request, pk: int):
    return render_contribution(request, _visible_or_404(request, pk))


@login_required
@require_POST
def contribution_answer(request, pk: int):
    contribution = _visible_or_404(request, pk)
    form = ContributionAnswerForm(request.POST, request.FILES, prefix="jawab")
    if form.is_valid():
        try:
            services.contribution_answer(
                contribution_id=contribution.pk,
                actor=request.user,
                message=form.cleaned_data["message"],
                files=form.cleaned_data["files"],
            )
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Jawaban terkirim ke unit yang meminta bahan."))
            return redirect("frontend:contribution_detail", pk=contribution.pk)
    return render_contribution(request, _visible_or_404(request, pk), answer_form=form)


@login_required
@require_POST
def contribution_decline(request, pk: int):
    contribution = _visible_or_404(request, pk)
    form = ContributionDeclineForm(request.POST, prefix="tolak")
    if form.is_valid():
        try:
            services.contribution_decline(
                contribution_id=contribution.pk, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Permintaan bahan ditolak; unit yang meminta sudah diberi tahu."))
            return redirect("frontend:contribution_detail", pk=contribution.pk)
    return render_contribution(request, _visible_or_404(request, pk), decline_form=form)


@login_required
@require_GET
def contribution_file(request, file_pk: int):
    try:
        source, handle = services.contribution_file_open(file_id=file_pk, viewer=request.user)
    except NotFound as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=source.original_name, content_type=source.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_POST
def contribution_attach(request, file_pk: int):
    """The handling officer copies the file into the request as a response file; back to the request page."""
    source = (
        contribution_files_visible_to(request.user).select_related("contribution__request").filter(pk=file_pk)
    )
    found = source.first()
    if found is None:
        raise Http404
    back = f"{found.contribution.request.get_absolute_url()}#{ANCHOR}"
    try:
        document = services.contribution_attach_to_response(file_id=file_pk, actor=request.user)
    except NotFound as exc:
        raise Http404 from exc
    except InvalidTransition as exc:
        messages.error(request, exc.message)
        return redirect(back)
    messages.success(
        request,
        _("%(name)s dilampirkan ke jawaban: pemohon dapat melihat berkas ini.")
        % {"name": document.original_name},
    )
    return redirect(back)
