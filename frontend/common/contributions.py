"""Contributions across units (permintaan bahan, issue 16 point 4), the parts several pages share: the forms, the
due-date badges, and the "Permintaan bahan" section of the request page (for the staff who see the request as
staff; the requester never gets it). The rules are `ppid.services.contributions`'."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from agencies.models import Unit
from ppid import rules
from ppid.errors import InvalidTransition, NotFound
from ppid.models import OPEN_STATES, RequestState
from ppid.selectors import contributions_visible_to, requests_seen_as_staff
from ppid.services import contribution_ask, contribution_default_due_date
from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import DeadlineStatus, deadline_status

from .fields import MultipleFileField
from .forms import form_errors_to

ANCHOR = "bahan-h"


def contribution_badges(rows: Iterable[Any]) -> list[tuple[Any, dict | None]]:
    """Pair each contribution with its due-date badge (`frontend/requests/_badge.html`): overdue, due soon or on
    time while asked; none once answered or declined. One calendar per agency."""
    calendars: dict[int, WorkingCalendar] = {}
    now = timezone.now()
    paired = []
    for c in rows:
        badge = None
        if c.is_overdue:
            badge = {"kind": DeadlineStatus.OVERDUE}
        elif c.is_open:
            calendar = calendars.setdefault(c.agency_id, WorkingCalendar(c.agency))
            status = deadline_status(c.due_date, calendar=calendar, now=now)
            badge = {"kind": status.code, "left": status.working_days_left}
        paired.append((c, badge))
    return paired


class UnitsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return obj.name


class ContributionAskForm(forms.Form):
    units = UnitsField(
        label=_("Unit yang dimintai bahan"),
        queryset=Unit.objects.none(),
        error_messages={
            "required": _("Pilih paling sedikit satu unit yang dimintai bahan."),
            "invalid_choice": _("Unit tidak ditemukan di badan publik permohonan ini."),
        },
    )
    instructions = forms.CharField(
        label=_("Petunjuk: bahan apa yang diperlukan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Tuliskan petunjuk bahan yang diminta.")},
    )
    due_date = forms.DateField(
        label=_("Batas waktu internal (opsional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
    )

    def __init__(self, *args, info_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = (
            Unit.objects.filter(agency_id=info_request.agency_id, is_active=True)
            .exclude(pk=info_request.unit_id)
            .order_by("-kind", "name")
        )
        default = contribution_default_due_date(info_request)
        self.fields["due_date"].help_text = _(
            "Bila dikosongkan: %(default)s (3 hari kerja sebelum batas waktu pemberitahuan tertulis, %(due)s). "
            "Tidak boleh melewati batas waktu itu."
        ) % {
            "default": date_format(default, "DATE_FORMAT"),
            "due": date_format(info_request.due_date, "DATE_FORMAT"),
        }


class ContributionAnswerForm(forms.Form):
    message = forms.CharField(
        label=_("Jawaban"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Tuliskan jawaban atas permintaan bahan.")},
    )
    files = MultipleFileField(
        label=_("Berkas (PDF, PNG, atau JPEG; boleh lebih dari satu)"),
        help_text=_("Berkas ini hanya untuk staf sampai petugas melampirkannya ke jawaban permohonan."),
    )


class ContributionDeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Tuliskan alasan penolakan permintaan bahan.")},
    )


def may_attach(user, info_request) -> bool:
    return rules.is_handling_officer(info_request, user) and info_request.state not in (
        RequestState.COMPLETED,
        RequestState.WITHDRAWN,
    )


def contributions_context(user, info_request, form: ContributionAskForm | None = None) -> dict | None:
    """The "Permintaan bahan" part of a request page, or None for anyone who does not see the request as staff
    (its requester above all)."""
    if not requests_seen_as_staff(user).filter(pk=info_request.pk).exists():
        return None
    rows = (
        contributions_visible_to(user)
        .filter(request=info_request)
        .select_related("answered_by", "declined_by")
        .prefetch_related("files")
        .order_by("asked_at", "id")
    )
    can_ask = rules.is_handling_officer(info_request, user) and info_request.state in OPEN_STATES
    return {
        "rows": contribution_badges(rows),
        "form": (form or ContributionAskForm(info_request=info_request, prefix="bahan")) if can_ask else None,
        "can_attach": may_attach(user, info_request),
    }


def post_contribution_ask(
    request, info_request, *, detail_url: str, render_with_form: Callable[[ContributionAskForm], HttpResponse]
):
    """Ask the checked units and go back to the request page; bad input re-renders it with everything kept."""
    if not requests_seen_as_staff(request.user).filter(pk=info_request.pk).exists():
        raise Http404
    form = ContributionAskForm(request.POST, info_request=info_request, prefix="bahan")
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = contribution_ask(
                request_id=info_request.pk,
                actor=request.user,
                units=list(data["units"]),
                instructions=data["instructions"],
                due_date=data["due_date"],
            )
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(
                request,
                _("Permintaan bahan terkirim ke %(units)s.")
                % {"units": ", ".join(c.unit.name for c in created)},
            )
            return redirect(f"{detail_url}#{ANCHOR}")
    return render_with_form(form)
