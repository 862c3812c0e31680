"""Who works on a case, on its page (issue 16 point 2): the assignee for the case's staff, "take this case" for an
officer who may handle it while nobody has it, and the unit head's form to assign, reassign (with a reason) or
release it. The rules are `ppid.assignment`'s; each case area's view posts through `post_assignment`."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from agencies.models import Membership, UnitKind
from agencies.selectors import is_staff_of
from ppid.assignment import may_be_assigned
from ppid.errors import InvalidTransition, NotFound
from ppid.rules import OFFICER_ROLES, is_unit_head

from .forms import form_errors_to

ANCHOR = "penugasan-h"


def _candidates(case):
    """The active officers and unit heads of the case's unit and of the agency's PPID Utama."""
    memberships = (
        Membership.objects.filter(
            unit__agency_id=case.agency_id, role__in=OFFICER_ROLES, user__is_active=True
        )
        .filter(Q(unit_id=case.unit_id) | Q(unit__kind=UnitKind.UTAMA))
        .select_related("user", "unit")
        .order_by("user__first_name", "user__username")
    )
    people = {}
    for m in memberships:
        people.setdefault(m.user_id, (m.user, m.unit))
    return [
        (user.pk, f"{user.get_full_name() or user.username} · {unit.name}") for user, unit in people.values()
    ]


class AssignForm(forms.Form):
    officer = forms.TypedChoiceField(
        label=_("Tugaskan kepada"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Pilih petugas aktif dari unit perkara atau PPID Utama.")},
    )
    reason = forms.CharField(
        label=_("Alasan (wajib bila perkara dipindahkan dari petugas lain)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=settings.LONG_TEXT_MAX_CHARS,
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].choices = [("", _("— tanpa petugas (lepaskan) —")), *_candidates(case)]


def assignment_context(user, case, *, is_open: bool, form: AssignForm | None = None) -> dict | None:
    """The assignment part of a case page, for the agency's staff only (None for anyone else)."""
    if not (user.is_superuser or is_staff_of(user, case.agency)):
        return None
    can_assign = is_open and is_unit_head(case, user)
    return {
        "assignee": case.assigned_to,
        "can_claim": is_open and case.assigned_to_id is None and may_be_assigned(case, user),
        "can_assign": can_assign,
        "form": (form or AssignForm(case=case, prefix="tugas", initial={"officer": case.assigned_to_id}))
        if can_assign
        else None,
    }


def post_assignment(
    request,
    case,
    *,
    assign: Callable[[int | None, str], object],
    detail_url: str,
    render_with_form: Callable[[AssignForm], HttpResponse],
):
    """`claim` in the POST takes the case for the caller; otherwise the form assigns it. `assign(officer_id,
    reason)` runs the case type's service."""
    if "claim" in request.POST:
        officer_id, reason, form = request.user.pk, "", None
    else:
        form = AssignForm(request.POST, case=case, prefix="tugas")
        if not form.is_valid():
            return render_with_form(form)
        officer_id, reason = form.cleaned_data["officer"], form.cleaned_data["reason"]
    try:
        assign(officer_id, reason)
    except NotFound as exc:
        raise Http404 from exc
    except InvalidTransition as exc:
        messages.error(request, exc.message)
        return redirect(f"{detail_url}#{ANCHOR}")
    except ValidationError as exc:
        if form is None:
            messages.error(request, " ".join(exc.messages))
            return redirect(f"{detail_url}#{ANCHOR}")
        form_errors_to(form, exc)
        return render_with_form(form)
    messages.success(request, _("Penugasan perkara tersimpan."))
    return redirect(f"{detail_url}#{ANCHOR}")
