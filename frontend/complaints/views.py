"""Pages for service complaints (pengaduan pelayanan publik). Thin, like the request pages: parse the form, call
one complaints service or selector, render.

Domain errors map the same way: NotFound answers 404, PermissionDenied 403 (Django's own handler),
InvalidTransition re-renders the page with its message (409, nothing changed), ValidationError puts its
messages on the form (200, the user's input kept).

Anonymity: the reporter is shown only through complaints.selectors.reporter_display, never from
complaint.reporter; audit events the reporter caused are labelled "Pelapor", never with an account. The secret
tracking code of a complaint filed without an account is shown once, on the page the filing redirects to (it
waits in the filer's session for that page only, see complaint_filed), and afterwards travels only in POST
bodies; pages that carry it are never cached.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, F, Value, When
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from accounts import ratelimit
from agencies.selectors import is_staff_of, memberships_of
from audit.actions import action_label
from audit.models import Event
from audit.selectors import event_reason
from complaints import services
from complaints.models import (
    OPEN_COMPLAINT_STATES,
    Complaint,
    ComplaintMessage,
    ComplaintState,
)
from complaints.rules import is_complaint_admin
from complaints.selectors import complaints_visible_to, reporter_display
from ppid.errors import InvalidTransition, NotFound
from ppid.selectors import request_for
from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import DeadlineStatus, deadline_status, step_display

from ..common import limits
from ..common.actions import Action, place_action_error
from ..common.assignment import assignment_context, post_assignment
from ..common.forms import form_errors_to
from ..common.notes import notes_context, post_note
from ..common.pages import PAGE_SIZE, format_date
from ..requests.views import render_request_detail
from . import forms as f

ACTIONS: dict[str, Action] = {
    "verify": Action(
        f.VerifyForm,
        gettext_lazy("Verifikasi dan teruskan ke unit"),
        gettext_lazy("Verifikasi dan teruskan"),
        gettext_lazy("Pengaduan diverifikasi dan diteruskan ke unit."),
    ),
    "archive": Action(
        f.ArchiveForm,
        gettext_lazy("Arsipkan pengaduan"),
        gettext_lazy("Arsipkan"),
        gettext_lazy("Pengaduan diarsipkan. Pelapor dapat membaca penjelasannya."),
        danger=True,
    ),
    "respond": Action(
        f.RespondForm,
        gettext_lazy("Sampaikan tindak lanjut"),
        gettext_lazy("Kirim tindak lanjut"),
        gettext_lazy("Tindak lanjut terkirim kepada pelapor."),
    ),
    "confirm": Action(
        f.ConfirmForm,
        gettext_lazy("Puas? Terima tindak lanjut dan beri penilaian"),
        gettext_lazy("Terima dan kirim penilaian"),
        gettext_lazy("Terima kasih. Pengaduan selesai dan penilaian Anda tersimpan."),
    ),
    "reopen": Action(
        f.ReopenForm,
        gettext_lazy("Belum puas? Buka kembali pengaduan"),
        gettext_lazy("Buka kembali"),
        gettext_lazy("Pengaduan dibuka kembali dan dikembalikan ke unit."),
    ),
}
# Records beside the lifecycle, for complaint administrators only.
ADMIN_ACTIONS: dict[str, Action] = {
    "escalate": Action(
        f.EscalateForm,
        gettext_lazy("Catat laporan ke Ombudsman"),
        gettext_lazy("Simpan nomor laporan"),
        gettext_lazy("Nomor laporan Ombudsman tercatat."),
    ),
    "lapor": Action(
        f.LaporForm,
        gettext_lazy("Catat nomor SP4N-LAPOR!"),
        gettext_lazy("Simpan nomor"),
        gettext_lazy("Nomor SP4N-LAPOR! tercatat."),
    ),
    "convert": Action(
        f.ConvertForm,
        gettext_lazy("Alihkan menjadi permohonan informasi"),
        gettext_lazy("Alihkan menjadi permohonan"),
        gettext_lazy("Pengaduan dialihkan menjadi permohonan informasi."),
    ),
}
TRACKED_FORMS = {"confirm": f.TrackedConfirmForm, "reopen": f.TrackedReopenForm}


# --- Helpers ------------------------------------------------------------------------------------------------
def _no_store(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def _complaint_or_404(request, pk) -> Complaint:
    complaint = (
        complaints_visible_to(request.user).select_related("reporter__citizen_profile").filter(pk=pk).first()
    )
    if complaint is None:
        raise Http404
    return complaint


def _badge(complaint: Complaint, calendars: dict[int, WorkingCalendar]) -> dict | None:
    """Overdue, due soon, on time, or waiting for the reporter: in words as well as colour."""
    if complaint.is_overdue:
        return {"kind": DeadlineStatus.OVERDUE}
    if complaint.state == ComplaintState.RESPONDED:
        return {"kind": "waiting"}
    due = complaint.current_due
    if complaint.is_open and due is not None:
        calendar = calendars.setdefault(complaint.agency_id, WorkingCalendar(complaint.agency))
        status = deadline_status(due, calendar=calendar)
        return {"kind": status.code, "left": status.working_days_left}
    return None


def _steps(complaint: Complaint) -> list[dict]:
    return [step_display(step) for step in complaint.deadline_log or [] if isinstance(step, dict)]


def _message_rows(complaint: Complaint, *, staff_view: bool) -> list[dict]:
    rows = []
    for message in complaint.messages.select_related("staff_author"):
        author = message.get_author_kind_display()
        if staff_view and message.staff_author is not None:
            author = f"{author} · {message.staff_author.username}"
        rows.append(
            {
                "message": message,
                "author": author,
                "from_reporter": message.author_kind == ComplaintMessage.Author.REPORTER,
            }
        )
    return rows


def _event_rows(complaint: Complaint, *, staff_view: bool) -> list[dict]:
    """The audit trail with readable labels. The reporter's own acts read "Pelapor" for everyone (an anonymous
    reporter's events carry no actor at all); staff see the usernames of staff, the reporter sees no staff."""
    states = dict(ComplaintState.choices)
    rows = []
    for event in Event.objects.for_object(complaint).select_related("actor"):
        if (event.details or {}).get("by") == "reporter":
            who = _("Pelapor")
        elif staff_view:
            who = event.actor.username if event.actor is not None else _("Sistem")
        else:
            who = ""
        rows.append(
            {
                "at": event.created_at,
                "label": action_label(event.action),
                "from_state": states.get(event.from_state, event.from_state),
                "to_state": states.get(event.to_state, event.to_state),
                "changed": bool(event.from_state) and event.from_state != event.to_state,
                "reason": event_reason(event, staff_view=staff_view),
                "who": who,
            }
        )
    return rows


def _common_context(complaint: Complaint, *, staff_view: bool) -> dict:
    """What the reporter and staff both read: the facts, the clocks, the thread."""
    return {
        "complaint": complaint,
        "badge": _badge(complaint, {}),
        "received_local": timezone.localtime(complaint.received_at, complaint.agency.tzinfo),
        "steps": _steps(complaint),
        "thread": _message_rows(complaint, staff_view=staff_view),
        "attachments": list(complaint.attachments.all()),
    }


# --- Filing -------------------------------------------------------------------------------------------------
# The secret code of a visitor's complaint waits in their session, keyed by complaint id, until the page after
# the redirect shows it. It is not dropped on that first view: the language switch posts to set_language and
# comes back to the same page, and the reporter would lose the code just by changing language. So the page
# shows it again only when the language differs from the last showing and within FILED_CODE_SECONDS; a plain
# reload (same language), or any view after that, drops it for good and explains that it was shown only once.
# Never in a URL (the URL carries a signed complaint id, not the code), a log or the audit trail.
FILED_CODES = "complaint_filed_codes"
FILED_CODE_SECONDS = 10 * 60
FILED_SALT = "frontend.complaint_filed"


def _filed_codes(request) -> dict:
    """The codes still waiting in this session, without those older than FILED_CODE_SECONDS."""
    now = time.time()
    codes = request.session.get(FILED_CODES) or {}
    return {pk: entry for pk, entry in codes.items() if now - entry["at"] <= FILED_CODE_SECONDS}


def complaint_file(request):
    """Citizens with an account and visitors without one. A visitor's complaint is always anonymous and is
    followed with the tracking number and a secret code, shown once on the page this filing redirects to."""
    user = request.user if request.user.is_authenticated else None
    if user is not None and user.email_confirmed_at is None:
        return render(request, "frontend/complaints/file.html", {"blocked": True})
    form = f.ComplaintFileForm(request.POST or None, request.FILES or None, has_account=user is not None)
    if request.method == "POST" and form.is_valid():
        if limits.over_limit(request, "complaint_file"):
            return limits.refused(request, "frontend/complaints/file.html", {"form": form}, form)
        data = form.cleaned_data
        try:
            complaint, code = services.complaint_file(
                reporter=user,
                agency=data["agency"],
                title=data["title"],
                description=data["description"],
                category=data["category"],
                occurred_on=data["occurred_on"],
                location=data["location"],
                latitude=data["latitude"] or None,
                longitude=data["longitude"] or None,
                service=data["service"],
                anonymous=data["anonymous"],
                confidential=data["confidential"],
                attachments=data["attachments"],
                submission_key=data["submission_key"],
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            if user is None:
                # Post/Redirect/Get. A repeat (code None) leaves the session alone: on a double tap the first
                # request may still be saving the code there, and this one must not overwrite it.
                if code:
                    codes = _filed_codes(request)
                    codes[str(complaint.pk)] = {"code": code, "at": time.time(), "lang": ""}
                    request.session[FILED_CODES] = codes
                token = signing.dumps(complaint.pk, salt=FILED_SALT)
                response = HttpResponseRedirect(reverse("frontend:complaint_filed", args=[token]))
                response.status_code = 303  # See Other: the reload of the next page is a GET, never a POST
                return response
            messages.success(
                request,
                _(
                    "Pengaduan Anda terdaftar dengan nomor pelacakan %(number)s. Admin pengaduan akan "
                    "memverifikasinya paling lambat %(due)s."
                )
                % {"number": complaint.tracking_number, "due": format_date(complaint.verify_due)},
            )
            return redirect("frontend:complaint_detail", pk=complaint.pk)
    return render(request, "frontend/complaints/file.html", {"form": form})


@require_GET
def complaint_filed(request, token):
    """The number of a complaint just filed without an account, with its secret code the first time only."""
    try:
        pk = signing.loads(token, salt=FILED_SALT)
    except signing.BadSignature:
        raise Http404 from None
    complaint = Complaint.objects.filter(pk=pk, reporter=None).first()
    if complaint is None:
        raise Http404
    codes = _filed_codes(request)
    entry = codes.pop(str(complaint.pk), None)
    code = ""
    if entry is not None and entry["lang"] != request.LANGUAGE_CODE:
        code = entry["code"]
        codes[str(complaint.pk)] = {**entry, "lang": request.LANGUAGE_CODE}
    if codes:
        request.session[FILED_CODES] = codes
    elif FILED_CODES in request.session:
        del request.session[FILED_CODES]
    context = {
        "complaint": complaint,
        "code": code,
        "verify_due": format_date(complaint.verify_due),
        "token": token,
        "track_url": settings.SITE_URL.rstrip("/") + reverse("frontend:complaint_track"),
    }
    return _no_store(render(request, "frontend/complaints/filed.html", context))


@require_GET
def complaint_filed_code(request, token):
    """The number and secret code as a small text file, to keep. Only while the page may still show the code:
    the code is read from the same waiting session entry (never dropped or prolonged here), so after a plain
    reload of the page, or FILED_CODE_SECONDS, this answers with the page saying it was shown once."""
    try:
        pk = signing.loads(token, salt=FILED_SALT)
    except signing.BadSignature:
        raise Http404 from None
    complaint = Complaint.objects.filter(pk=pk, reporter=None).select_related("agency").first()
    if complaint is None:
        raise Http404
    entry = _filed_codes(request).get(str(complaint.pk))
    if entry is None:
        return redirect("frontend:complaint_filed", token=token)
    track_url = settings.SITE_URL.rstrip("/") + reverse("frontend:complaint_track")
    lines = [
        _("Pengaduan pelayanan publik: %(agency)s") % {"agency": complaint.agency.name},
        _("Nomor pelacakan: %(number)s") % {"number": complaint.tracking_number},
        _("Kode rahasia: %(code)s") % {"code": entry["code"]},
        "",
        _(
            "Kode rahasia hanya ditampilkan sekali dan tidak dapat dikirim ulang. Simpan berkas ini di tempat aman."
        ),
        _("Jangan bagikan kode kepada siapa pun, termasuk petugas."),
        _("Lacak pengaduan: %(url)s") % {"url": track_url},
        "",
    ]
    response = HttpResponse("\r\n".join(lines).encode("utf-8"), content_type="text/plain; charset=utf-8")
    filename = "pengaduan-" + re.sub(r"[^A-Za-z0-9]+", "-", complaint.tracking_number).strip("-") + ".txt"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return _no_store(response)


# --- Tracking without an account ---------------------------------------------------------------------------------
def _render_track_form(request, form=None, *, error: str = "", status: int = 200):
    """The tracking form; `error` is the one message for an unknown number, a wrong code or a stale proof."""
    context = {"form": form or f.TrackForm(), "track_error": error}
    return _no_store(render(request, "frontend/complaints/track.html", context, status=status))


def _track_number_key(number) -> str:
    return "".join(str(number or "").split()).upper()


def _track_refused(request, number, form=None):
    """Tracking and the replies by code: a limit per address, and one per tracking number on the wrong codes
    tried from anywhere. Checked before any code is hashed; None when the attempt may go on."""
    key = _track_number_key(number)
    if limits.over_limit(request, "complaint_track") or (
        key and ratelimit.over("complaint_track_number", key)
    ):
        return _render_track_form(request, form, error=str(limits.MESSAGE), status=429)
    return None


def _track_failed(number) -> None:
    key = _track_number_key(number)
    if key:
        ratelimit.hit("complaint_track_number", key)


def _render_tracked(
    request,
    complaint: Complaint,
    *,
    tracking_number: str,
    code: str,
    bound: tuple[str, Any] | None = None,
    action_error: str = "",
    notice: str = "",
    status: int = 200,
):
    """The complaint as its reporter sees it, with the reporter's forms carrying the proof in hidden fields."""
    holder = services.CodeHolder(complaint.pk)
    available = {t.name for t in complaint.get_available_user_state_transitions(holder)}
    proof = {"complaint": complaint.pk, "tracking_number": tracking_number, "tracking_code": code}
    actions = []
    for name, form_class in TRACKED_FORMS.items():
        if name not in available:
            continue
        form = bound[1] if bound and bound[0] == name else form_class(prefix=name, initial=proof)
        actions.append({"name": name, "spec": ACTIONS[name], "form": form})
    context = {
        **_common_context(complaint, staff_view=False),
        "actions": actions,
        "action_error": place_action_error(actions, bound, action_error),
        "notice": notice,
    }
    return _no_store(render(request, "frontend/complaints/tracked.html", context, status=status))


def complaint_track(request):
    """Number and code in, the complaint out. The same message for an unknown number and a wrong code."""
    if request.method != "POST":
        return _render_track_form(request)
    form = f.TrackForm(request.POST)
    if not form.is_valid():
        return _render_track_form(request, form)
    number, code = form.cleaned_data["tracking_number"], form.cleaned_data["code"]
    if (refusal := _track_refused(request, number, form)) is not None:
        return refusal
    try:
        complaint = services.complaint_track(tracking_number=number, code=code)
    except NotFound as exc:
        _track_failed(number)
        return _render_track_form(request, form, error=str(exc))
    return _render_tracked(request, complaint, tracking_number=number, code=code)


def _proof_of(form) -> tuple[int | None, str, str]:
    """The hidden proof of a tracked form, as posted (the form may be invalid for other reasons)."""
    try:
        pk = int(form["complaint"].value())
    except (TypeError, ValueError):
        pk = None
    return pk, (form["tracking_number"].value() or ""), (form["tracking_code"].value() or "")


@require_POST
def complaint_track_action(request, action: str):
    """Reopen or confirm by the anonymous reporter who holds the code."""
    if action not in TRACKED_FORMS:
        raise Http404
    form = TRACKED_FORMS[action](request.POST, prefix=action)
    pk, number, code = _proof_of(form)
    if (refusal := _track_refused(request, number)) is not None:
        return refusal
    if form.is_valid():
        data = form.cleaned_data
        proof = {
            "complaint_id": data["complaint"],
            "tracking_number": data["tracking_number"],
            "tracking_code": data["tracking_code"],
        }
        try:
            if action == "reopen":
                complaint = services.complaint_reopen(**proof, message=data["message"])
            else:
                complaint = services.complaint_confirm(
                    **proof, rating=data["rating"], comment=data["comment"]
                )
        except NotFound as exc:
            _track_failed(number)
            return _render_track_form(request, error=str(exc))
        except InvalidTransition as exc:
            return _rerender_tracked(
                request, pk, number, code, bound=(action, form), action_error=exc.message
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            return _render_tracked(
                request, complaint, tracking_number=number, code=code, notice=str(ACTIONS[action].done)
            )
    return _rerender_tracked(request, pk, number, code, bound=(action, form))


def _rerender_tracked(request, pk, number, code, *, bound, action_error: str = ""):
    """Show the tracked complaint again after a refused action; without a valid proof, the tracking form."""
    try:
        complaint = services.complaint_track(tracking_number=number, code=code)
    except NotFound as exc:
        _track_failed(number)
        return _render_track_form(request, error=str(exc))
    if complaint.pk != pk:
        return _render_track_form(request, error=_("Pengaduan tidak ditemukan."))
    return _render_tracked(
        request,
        complaint,
        tracking_number=number,
        code=code,
        bound=bound,
        action_error=action_error,
        status=409 if action_error else 200,
    )


# --- The reporter's list ----------------------------------------------------------------------------------------
@login_required
def complaint_list(request):
    qs = complaints_visible_to(request.user).filter(reporter=request.user).order_by("-received_at", "-id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("halaman"))
    calendars: dict[int, WorkingCalendar] = {}
    rows = [(c, _badge(c, calendars)) for c in page.object_list]
    return render(request, "frontend/complaints/list.html", {"page": page, "rows": rows})


# --- Detail and transitions --------------------------------------------------------------------------------------
def _make_form(name: str, complaint: Complaint, data=None):
    spec = ACTIONS.get(name) or ADMIN_ACTIONS[name]
    kwargs: dict[str, Any] = {"complaint": complaint} if name == "verify" else {}
    if name == "escalate" and data is None and complaint.ombudsman_reference:
        kwargs["initial"] = {"reference": complaint.ombudsman_reference}
    if name == "lapor" and data is None and complaint.lapor_tracking_number:
        kwargs["initial"] = {"number": complaint.lapor_tracking_number}
    return spec.form(data, prefix=name, **kwargs)


def _admin_action_names(complaint: Complaint, user) -> list[str]:
    """Which of the records beside the lifecycle to offer (the services check again)."""
    if not is_complaint_admin(complaint, user):
        return []
    names = []
    if complaint.state != ComplaintState.ARCHIVED:
        names.append("escalate")
    names.append("lapor")
    if complaint.state == ComplaintState.SUBMITTED and not complaint.anonymous and complaint.reporter_id:
        names.append("convert")
    return names


def _render_detail(
    request,
    complaint: Complaint,
    *,
    bound: tuple[str, Any] | None = None,
    action_error: str = "",
    status: int = 200,
):
    user = request.user
    staff_view = user.is_superuser or is_staff_of(user, complaint.agency)
    available = {t.name for t in complaint.get_available_user_state_transitions(user)}

    def entry(name: str, spec: Action) -> dict:
        form = bound[1] if bound and bound[0] == name else _make_form(name, complaint)
        return {"name": name, "spec": spec, "form": form}

    actions = [entry(name, spec) for name, spec in ACTIONS.items() if name in available]
    admin_actions = [entry(name, ADMIN_ACTIONS[name]) for name in _admin_action_names(complaint, user)]
    linked = {
        "converted_request": request_for(user, complaint.converted_request_id)
        if complaint.converted_request_id
        else None,
        "from_request": request_for(user, complaint.from_request_id) if complaint.from_request_id else None,
    }
    context = {
        **_common_context(complaint, staff_view=staff_view),
        **linked,
        "staff_view": staff_view,
        "reporter": reporter_display(complaint, user),
        "is_reporter": complaint.reporter_id is not None and complaint.reporter_id == user.pk,
        "timeline": _event_rows(complaint, staff_view=staff_view),
        "case_notes": notes_context(user, complaint, bound[1] if bound and bound[0] == "note" else None),
        "assignment": assignment_context(
            user,
            complaint,
            is_open=complaint.state in OPEN_COMPLAINT_STATES,
            form=bound[1] if bound and bound[0] == "assign" else None,
        ),
        "actions": actions,
        "admin_actions": admin_actions,
        "action_error": place_action_error(actions + admin_actions, bound, action_error),
    }
    return _no_store(render(request, "frontend/complaints/detail.html", context, status=status))


@login_required
def complaint_detail(request, pk: int):
    return _render_detail(request, _complaint_or_404(request, pk))


def _run(name: str, complaint: Complaint, user, data: dict):
    """Dispatch to the one service for this action."""
    ids = {"complaint_id": complaint.pk, "actor": user}
    calls: dict[str, Callable[[], Any]] = {
        "verify": lambda: services.complaint_verify(**ids, unit=data["unit"]),
        "archive": lambda: services.complaint_archive(**ids, reason=data["reason"], note=data["note"]),
        "respond": lambda: services.complaint_respond(**ids, message=data["message"]),
        "reopen": lambda: services.complaint_reopen(**ids, message=data["message"]),
        "confirm": lambda: services.complaint_confirm(**ids, rating=data["rating"], comment=data["comment"]),
        "escalate": lambda: services.complaint_escalate_to_ombudsman(**ids, reference=data["reference"]),
        "lapor": lambda: services.complaint_record_lapor_number(**ids, number=data["number"]),
        "convert": lambda: services.complaint_convert_to_request(
            **ids,
            purpose=data["purpose"],
            obtain_method=data["obtain_method"],
            delivery_method=data["delivery_method"],
        ),
    }
    return calls[name]()


@login_required
@require_POST
def complaint_action(request, pk: int, action: str):
    complaint = _complaint_or_404(request, pk)
    if action not in ACTIONS and action not in ADMIN_ACTIONS:
        raise Http404
    form = _make_form(action, complaint, request.POST)
    if form.is_valid():
        try:
            result = _run(action, complaint, request.user, form.cleaned_data)
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            return _render_detail(
                request,
                _complaint_or_404(request, pk),
                bound=(action, form),
                action_error=exc.message,
                status=409,
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            spec = ACTIONS.get(action) or ADMIN_ACTIONS[action]
            if action == "convert":
                messages.success(
                    request,
                    _(
                        "Pengaduan dialihkan menjadi permohonan informasi %(number)s, dengan tanggal terima yang sama."
                    )
                    % {"number": result.registration_number},
                )
                if request_for(request.user, result.pk) is not None:
                    return redirect("frontend:request_detail", pk=result.pk)
                return redirect("frontend:complaint_detail", pk=complaint.pk)
            messages.success(request, spec.done)
            # An officer may no longer see a complaint after acting on it: back to the queue then.
            if not complaints_visible_to(request.user).filter(pk=complaint.pk).exists():
                return redirect("frontend:complaint_queue")
            return redirect(reverse("frontend:complaint_detail", args=[complaint.pk]))
    return _render_detail(request, complaint, bound=(action, form))


@login_required
@require_GET
def complaint_attachment(request, pk: int, attachment_pk: int):
    complaint = _complaint_or_404(request, pk)
    attachment = complaint.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return _no_store(response)


# --- Staff queue ------------------------------------------------------------------------------------------------
@login_required
def complaint_queue(request):
    user = request.user
    if not (user.is_superuser or memberships_of(user)):
        raise Http404
    form = f.ComplaintQueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    qs = complaints_visible_to(user).exclude(reporter=user).select_related("reporter__citizen_profile")
    if filters.get("state"):
        qs = qs.filter(state=filters["state"])
    if filters.get("category"):
        qs = qs.filter(category=filters["category"])
    # The clock running now (Complaint.current_due), open complaints first, then by date of receipt.
    qs = qs.annotate(
        open_first=Case(When(state__in=OPEN_COMPLAINT_STATES, then=Value(0)), default=Value(1)),
        running_due=Case(
            When(state=ComplaintState.SUBMITTED, then=F("verify_due")),
            When(state=ComplaintState.DISPOSITIONED, then=F("followup_due")),
            When(state=ComplaintState.RESPONDED, then=F("auto_close_on")),
            default=None,
        ),
    ).order_by("open_first", F("running_due").asc(nulls_last=True), "received_at", "id")
    # "Overdue" is derived by the model (Complaint.is_overdue), so it is filtered here rather than restated in SQL.
    rows: Any = [c for c in qs if c.is_overdue] if filters.get("overdue") else qs
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("halaman"))
    calendars: dict[int, WorkingCalendar] = {}
    table = [
        {"complaint": c, "badge": _badge(c, calendars), "reporter": reporter_display(c, user)}
        for c in page.object_list
    ]
    return render(request, "frontend/complaints/queue.html", {"form": form, "page": page, "rows": table})


# --- A request that is really a complaint -----------------------------------------------------------------------
@login_required
@require_POST
def request_to_complaint(request, pk: int):
    user = request.user
    try:
        complaint = services.complaint_from_request(request_id=pk, actor=user)
    except NotFound as exc:
        raise Http404 from exc
    except (InvalidTransition, ValidationError) as exc:
        obj = request_for(user, pk)
        if obj is None:
            raise Http404 from exc
        if isinstance(exc, InvalidTransition):
            return render_request_detail(request, obj, action_error=exc.message, status=409)
        return render_request_detail(request, obj, action_error=" ".join(exc.messages))
    messages.success(
        request,
        _("Permohonan dialihkan menjadi pengaduan %(number)s, dengan tanggal terima yang sama.")
        % {"number": complaint.tracking_number},
    )
    if complaints_visible_to(user).filter(pk=complaint.pk).exists():
        return redirect("frontend:complaint_detail", pk=complaint.pk)
    return redirect("frontend:request_detail", pk=pk)


@login_required
@require_POST
def complaint_note(request, pk: int):
    """Add an internal note to the complaint (staff who see it as staff only)."""
    complaint = _complaint_or_404(request, pk)
    return post_note(
        request,
        complaint,
        detail_url=reverse("frontend:complaint_detail", args=[complaint.pk]),
        render_with_form=lambda form: _render_detail(request, complaint, bound=("note", form)),
    )


@login_required
@require_POST
def complaint_assign(request, pk: int):
    """Claim the complaint, or (the unit head) assign, reassign or release it."""
    complaint = _complaint_or_404(request, pk)
    return post_assignment(
        request,
        complaint,
        assign=lambda officer_id, reason: services.complaint_assign(
            complaint_id=complaint.pk, actor=request.user, officer_id=officer_id, reason=reason
        ),
        detail_url=reverse("frontend:complaint_detail", args=[complaint.pk]),
        render_with_form=lambda form: _render_detail(request, complaint, bound=("assign", form)),
    )
