"""Pages for information requests. Thin: parse the form, call one ppid service or selector, render.

Domain errors map the same way on every page: NotFound answers 404, PermissionDenied 403, InvalidTransition
re-renders the page with its message (409, nothing changed), ValidationError puts its messages on the form
(200, the user's input kept).
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from agencies.models import Agency
from agencies.selectors import is_staff_of, memberships_of, units_in_reach
from audit.actions import action_label
from ppid import rules, services
from ppid.errors import InvalidTransition, NotFound
from ppid.models import OPEN_OBJECTION_STATES, OPEN_STATES, InformationRequest, ObjectionState, RequestState
from ppid.register import item_url
from ppid.selectors import (
    OPEN_FIRST,
    documents_visible_to,
    filter_request_queue,
    objections_visible_to,
    officer_queue,
    request_for,
    requests_visible_to,
)
from ppid.timeline import case_timeline
from ppid.windows import objection_ground_windows
from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import DeadlineStatus, deadline_status, step_display

from ..common import limits
from ..common.actions import Action, confirm_withdrawal, place_action_error
from ..common.assignment import assignment_context, post_assignment
from ..common.contributions import contributions_context, post_contribution_ask
from ..common.forms import form_errors_to
from ..common.letters import issued_letter_rows, letter_preview, package_response, pdf_filename
from ..common.notes import notes_context, post_note
from ..common.orders import order_rows
from ..common.pages import PAGE_SIZE, WINDOW_STATUS, format_date
from . import approval as approval_page
from . import bulk
from . import forms as f
from .register import checked_suggestions, publication_context, register_context

CASE_LABELS = {
    "request": gettext_lazy("Permohonan"),
    "objection": gettext_lazy("Keberatan"),
    "dispute": gettext_lazy("Sengketa"),
}


def _visible_or_404(request, pk) -> InformationRequest:
    obj = request_for(request.user, pk)
    if obj is None:
        raise Http404
    return obj


def deadline_badges(rows) -> list[tuple[Any, dict | None]]:
    """Pair each request (or objection) with its deadline badge: overdue, paused, or its deadline_status (due
    soon, on time) with the working days left."""
    calendars: dict[int, WorkingCalendar] = {}
    now = timezone.now()
    paired = []
    for obj in rows:
        badge = None
        if obj.is_overdue:
            badge = {"kind": DeadlineStatus.OVERDUE}
        elif getattr(obj, "clock_paused", False):  # objections have no pause
            badge = {"kind": "paused"}
        elif obj.is_open:
            calendar = calendars.setdefault(obj.agency_id, WorkingCalendar(obj.agency))
            status = deadline_status(obj.due_date, calendar=calendar, now=now)
            badge = {"kind": status.code, "left": status.working_days_left}
        paired.append((obj, badge))
    return paired


# --- Citizen: file, list ---------------------------------------------------------------------------------
@login_required
def request_file(request):
    user = request.user
    if not user.can_file:
        profile = getattr(user, "citizen_profile", None)
        return render(
            request,
            "frontend/requests/file.html",
            {
                "blocked": True,
                "needs_confirmation": user.email_confirmed_at is None,
                "needs_profile": profile is None or not profile.is_complete,
            },
        )
    form = f.RequestFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("cek_dip"):
        # Without JavaScript: the form again, as typed, with the published items that may already answer it.
        typed = {k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "cek_dip")}
        return render(
            request,
            "frontend/requests/file.html",
            {"form": f.RequestFileForm(initial=typed), "suggestions": checked_suggestions(request.POST)},
        )
    if request.method == "POST" and form.is_valid():
        if limits.over_limit(request, "request_file"):
            return limits.refused(request, "frontend/requests/file.html", {"form": form}, form)
        data = form.cleaned_data
        try:
            obj = services.information_request_file(
                requester=user,
                agency=data["agency"],
                unit=data["unit"],
                information_requested=data["information_requested"],
                purpose=data["purpose"],
                obtain_method=data["obtain_method"],
                delivery_method=data["delivery_method"],
                documents=form.documents(),
                submission_key=data["submission_key"],
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Permohonan Anda terdaftar dengan nomor %(number)s. Badan publik wajib memberi "
                    "pemberitahuan tertulis paling lambat %(due)s."
                )
                % {"number": obj.registration_number, "due": format_date(obj.due_date)},
            )
            return redirect("frontend:request_detail", pk=obj.pk)
    return render(request, "frontend/requests/file.html", {"form": form})


@login_required
def request_list(request):
    qs = requests_visible_to(request.user).filter(requester=request.user).order_by("-received_at", "-id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("halaman"))
    return render(
        request,
        "frontend/requests/list.html",
        {"page": page, "rows": deadline_badges(page.object_list)},
    )


# --- Detail and transitions ------------------------------------------------------------------------------
ACTIONS: dict[str, Action] = {
    "process": Action(
        f.ProcessForm,
        gettext_lazy("Proses permohonan"),
        gettext_lazy("Mulai proses"),
        gettext_lazy("Permohonan sedang diproses."),
    ),
    "forward": Action(
        f.ForwardForm,
        gettext_lazy("Teruskan ke unit lain"),
        gettext_lazy("Teruskan"),
        gettext_lazy("Permohonan diteruskan. Batas waktu tidak berubah."),
    ),
    "ask_clarification": Action(
        f.AskClarificationForm,
        gettext_lazy("Minta klarifikasi pemohon"),
        gettext_lazy("Kirim permintaan klarifikasi"),
        gettext_lazy("Permintaan klarifikasi dikirim kepada pemohon."),
    ),
    "clarify": Action(
        f.ClarifyForm,
        gettext_lazy("Jawab permintaan klarifikasi"),
        gettext_lazy("Kirim jawaban"),
        gettext_lazy("Jawaban klarifikasi Anda terkirim."),
    ),
    "extend": Action(
        f.ExtendForm,
        gettext_lazy("Perpanjang batas waktu"),
        gettext_lazy("Perpanjang 7 hari kerja"),
        gettext_lazy("Batas waktu diperpanjang."),
        preview=True,
    ),
    "respond": Action(
        f.RespondForm,
        gettext_lazy("Beri pemberitahuan tertulis"),
        gettext_lazy("Simpan pemberitahuan tertulis"),
        gettext_lazy("Pemberitahuan tertulis tersimpan."),
        multipart=True,
        preview=True,
    ),
    "complete": Action(
        f.CompleteForm,
        gettext_lazy("Selesaikan permohonan"),
        gettext_lazy("Tandai selesai"),
        gettext_lazy("Permohonan selesai."),
    ),
    # Not a state transition: offered to the agency's officers once the notice is issued.
    "notice_receipt": Action(
        f.NoticeReceiptForm,
        gettext_lazy("Catat tanggal pemberitahuan diterima pemohon"),
        gettext_lazy("Simpan tanggal diterima"),
        gettext_lazy("Tanggal diterima tercatat. Batas waktu keberatan dihitung sejak tanggal itu."),
    ),
    # Fees and handover (issue 19 point 3): offered to the handling officers once a notice asks for them.
    "payment": Action(
        f.PaymentForm,
        gettext_lazy("Catat pembayaran biaya"),
        gettext_lazy("Simpan status pembayaran"),
        gettext_lazy("Status pembayaran tercatat."),
        multipart=True,
    ),
    "handover": Action(
        f.HandoverForm,
        gettext_lazy("Catat penyerahan informasi"),
        gettext_lazy("Simpan dan terbitkan tanda bukti penyerahan"),
        gettext_lazy("Penyerahan informasi tercatat; tanda bukti penyerahan diterbitkan."),
    ),
    "withdraw": Action(
        f.WithdrawForm,
        gettext_lazy("Cabut permohonan"),
        gettext_lazy("Cabut permohonan"),
        gettext_lazy("Permohonan dicabut."),
        danger=True,
    ),
}


def _make_action_form(name: str, obj: InformationRequest, data=None, files=None, *, dip_query: str = ""):
    kwargs: dict[str, Any] = {"request_obj": obj} if name in ("forward", "respond") else {}
    if name == "respond":
        kwargs["dip_query"] = dip_query
    return ACTIONS[name].form(data, files, prefix=name, **kwargs)


def _run_action(name: str, obj: InformationRequest, user, form) -> InformationRequest:
    """Dispatch to the one service for this transition."""
    data = form.cleaned_data
    ids = {"request_id": obj.pk, "actor": user}
    if name == "process":
        return services.information_request_process(**ids)
    if name == "forward":
        return services.information_request_forward(**ids, unit=data["unit"], note=data["note"])
    if name == "ask_clarification":
        return services.information_request_ask_clarification(**ids, message=data["message"])
    if name == "clarify":
        return services.information_request_clarify(**ids, message=data["message"])
    if name == "extend":
        return services.information_request_extend(**ids, reason=data["reason"])
    if name == "respond":
        return services.information_request_respond(**ids, files=data["files"], **form.notice())
    if name == "complete":
        return services.information_request_complete(**ids)
    if name == "withdraw":
        return services.information_request_withdraw(**ids, reason=data["reason"])
    if name == "notice_receipt":
        return services.information_request_record_notice_receipt(
            **ids, received_on=data["received_on"], reason=data["reason"]
        )
    if name == "payment":
        return services.information_request_record_payment(
            **ids,
            status=data["status"],
            paid_on=data["paid_on"],
            proof=data["proof"],
            waived_reason=data["waived_reason"],
        )
    if name == "handover":
        return services.information_request_record_handover(
            **ids,
            handed_over_on=data["handed_over_on"],
            method=data["method"],
            received_by=data["received_by"],
        )
    raise Http404


def case_timeline_rows(obj: InformationRequest | None, user, *, objection=None) -> list[dict]:
    """The request, its objections and its dispute as one story (ppid.timeline.case_timeline), in its order,
    with readable labels. Citizens get no actor: the selector leaves it empty for them."""
    states = {
        "request": dict(RequestState.choices),
        "objection": dict(ObjectionState.choices),
        "dispute": {},
    }
    rows = []
    for item in case_timeline(obj, user, objection=objection):
        names = states.get(item.case, {})
        rows.append(
            {
                "item": item,
                "case_label": CASE_LABELS.get(item.case, item.case),
                "action_label": action_label(item.action),
                "from_state": names.get(item.from_state, item.from_state),
                "to_state": names.get(item.to_state, item.to_state),
                "status_label": WINDOW_STATUS.get(item.status, item.status),
            }
        )
    return rows


def _objection_window(obj: InformationRequest) -> dict:
    """Whether the requester may object now (some Pasal 35 ground's window is open, ppid.windows), until when
    (the latest closing day among the open grounds), or why not."""
    now = timezone.now()
    windows = list(objection_ground_windows(obj, at=now).values())
    open_until = [w.closes.due_date for w in windows if w.is_open(now)]
    if open_until:
        return {"kind": "open", "until": max(open_until)}
    if obj.state == RequestState.WITHDRAWN:
        return {"kind": "withdrawn"}
    if windows:
        return {"kind": "closed", "closed_on": max(w.closes.due_date for w in windows)}
    return {"kind": "not_yet", "due_date": obj.due_date}


def render_request_detail(
    request,
    obj: InformationRequest,
    *,
    bound: tuple[str, Any] | None = None,
    action_error: str = "",
    nik_form=None,
    revealed_nik: str = "",
    status: int = 200,
):
    user = request.user
    staff_view = user.is_superuser or is_staff_of(user, obj.agency)
    handling = rules.is_handling_officer(obj, user)
    response = getattr(obj, "response", None)
    documents = list(documents_visible_to(user).filter(request=obj))
    available = {t.name for t in obj.get_available_user_state_transitions(user)}
    if response is not None and rules.is_agency_officer(obj, user):
        available.add("notice_receipt")
    if response is not None and handling and response.handed_over_on is None:
        if response.payment_status != "none":
            available.add("payment")
        if response.decision in ("granted", "partially_granted"):
            available.add("handover")
    actions = []
    waits = approval_page.waits_for_head(obj, user)
    for name, spec in ACTIONS.items():
        # Withdrawing cannot be undone: the page offers a link to its confirmation page, at the end.
        if name not in available or name == "withdraw":
            continue
        form = (
            bound[1]
            if bound and bound[0] == name
            else _make_action_form(name, obj, dip_query=request.GET.get("dip_q", "")[:200])
        )
        action = {"name": name, "spec": spec, "form": form}
        if waits and name in ("respond", "extend"):
            # Approval before issue (issue 16 point 5): the officer's letter goes to the unit head first.
            action |= {"button": approval_page.WAITS_FOR_HEAD, "note": approval_page.WAITS_DETAIL}
        actions.append(action)
    issued_letters = request_issued_letters(user, obj)
    # The case's letters by name (each the original or the copy the viewer may have); the "Surat" table beside them
    # lists the issued ones with their number, verification code and SRIKANDI package (issue 17).
    letters = [("tanda-terima", _("Tanda terima permohonan"))]
    if obj.extended:
        letters.append(("perpanjangan", _("Surat pemberitahuan perpanjangan")))
    if response is not None:
        letters.append(("pemberitahuan", _("Pemberitahuan tertulis")))
        if response.handed_over_on is not None:
            letters.append(("penyerahan", _("Tanda bukti penyerahan informasi")))
    objection_rows = deadline_badges(
        objections_visible_to(user)
        .filter(request=obj)
        .select_related("order_obligation__agency", "order_obligation__unit")
        .order_by("received_at")
    )
    can_object = rules.is_requester(obj, user)
    if nik_form is None and handling and obj.requester_nik_last4 and not revealed_nik:
        nik_form = f.RevealNikForm(prefix="nik")
    context = {
        "obj": obj,
        "badge": deadline_badges([obj])[0][1],
        "received_local": timezone.localtime(obj.received_at, obj.agency.tzinfo),
        "extended_local": (
            timezone.localtime(obj.extended_at, obj.agency.tzinfo) if obj.extended_at else None
        ),
        "steps": [step_display(s) for s in obj.deadline_log or []],
        "response": response,
        # The requester came for the answer: on their page it comes first (the staff keep the case order).
        "answer_first": response is not None and not staff_view,
        "documents": documents,
        "clarifications": obj.clarifications.all(),
        "timeline": case_timeline_rows(obj, user),
        "case_notes": notes_context(user, obj, bound[1] if bound and bound[0] == "note" else None),
        "contributions": contributions_context(
            user, obj, bound[1] if bound and bound[0] == "contribution" else None
        ),
        "approval": approval_page.approval_context(
            user, obj, return_form=bound[1] if bound and bound[0] == "return" else None
        ),
        "assignment": assignment_context(
            user,
            obj,
            is_open=obj.state in OPEN_STATES,
            form=bound[1] if bound and bound[0] == "assign" else None,
        ),
        "objections": objection_rows,
        # The Atasan's orders these objections opened (issue 16 point 6), each with its deadline badge.
        "orders": order_rows(
            o.order_obligation for o, _badge in objection_rows if hasattr(o, "order_obligation")
        ),
        "show_contact": rules.may_see_requester_contact(obj, user),
        "can_object": can_object,
        "objection_window": _objection_window(obj) if can_object else None,
        # One objection at a time (the service refuses a second while one is open): say so, offer no button.
        "pending_objection": next(
            (o for o, _badge in objection_rows if o.state in OPEN_OBJECTION_STATES), None
        ),
        "can_register_objection": rules.is_agency_officer(obj, user),
        "staff_view": staff_view,
        "actions": actions,
        "may_withdraw": "withdraw" in available,
        "action_error": place_action_error(actions, bound, action_error),
        "letters": letters,
        "issued_letters": issued_letters,
        "nik_form": nik_form if handling else None,
        "revealed_nik": revealed_nik,
        # Issue 18: the register's matches for the staff, the one-click answer, and granted files offered to it.
        "register": register_context(request, obj, staff_view=staff_view, may_respond="respond" in available),
        "publication": publication_context(user, obj, response),
        "response_dip_url": item_url(response.dip_item) if response is not None and response.dip_item else "",
    }
    result = render(request, "frontend/requests/detail.html", context, status=status)
    patch_cache_control(result, private=True, no_store=True)
    return result


@login_required
def request_detail(request, pk: int):
    return render_request_detail(request, _visible_or_404(request, pk))


@login_required
@require_POST
def request_action(request, pk: int, action: str):
    obj = _visible_or_404(request, pk)
    if action not in ACTIONS:
        raise Http404
    form = _make_action_form(action, obj, request.POST, request.FILES)
    if request.POST.get("pratinjau") and ACTIONS[action].preview:
        return letter_preview(
            request,
            form,
            lambda: _preview_letter(action, obj, request.user, form),
            obj,
            reverse("frontend:request_detail", args=[obj.pk]),
        )
    if form.is_valid():
        try:
            _run_action(action, obj, request.user, form)
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            return render_request_detail(
                request,
                _visible_or_404(request, pk),
                bound=(action, form),
                action_error=exc.message,
                status=409,
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            staged = action in ("respond", "extend") and approval_page.waits_for_head(obj, request.user)
            messages.success(request, approval_page.SUBMITTED if staged else ACTIONS[action].done)
            if request_for(request.user, pk) is None:
                # Forwarded out of the officer's unit: the case page would be a 404 now.
                messages.info(
                    request,
                    _("Permohonan %(number)s kini di luar jangkauan Anda.")
                    % {"number": obj.registration_number},
                )
                return redirect("frontend:queue")
            return redirect("frontend:request_detail", pk=obj.pk)
    return render_request_detail(request, obj, bound=(action, form))


WITHDRAW_CONSEQUENCES = [
    gettext_lazy(
        "Permohonan berhenti diproses: badan publik tidak lagi wajib memberi pemberitahuan tertulis atas "
        "permohonan ini."
    ),
    gettext_lazy(
        "Pencabutan tidak dapat dibatalkan. Bila Anda masih memerlukan informasinya, ajukan permohonan baru; "
        "batas waktunya dihitung lagi dari awal."
    ),
    gettext_lazy("Keberatan atas permohonan yang dicabut tidak dapat diajukan."),
]


@login_required
def request_withdraw(request, pk: int):
    obj = _visible_or_404(request, pk)
    if not rules.is_requester(obj, request.user):
        raise Http404
    back_url = reverse("frontend:request_detail", args=[obj.pk])
    spec = ACTIONS["withdraw"]
    return confirm_withdrawal(
        request,
        case=obj,
        form=spec.form(request.POST or None, prefix="withdraw"),
        run=lambda data: services.information_request_withdraw(
            request_id=obj.pk, actor=request.user, reason=data["reason"]
        ),
        page={
            "title": _("Cabut permohonan %(number)s?") % {"number": obj.registration_number},
            "consequences": WITHDRAW_CONSEQUENCES,
            "button": _("Ya, cabut permohonan"),
            "back_url": back_url,
            "back_label": _("Batal, kembali ke permohonan"),
            "done": spec.done,
        },
    )


@login_required
@require_POST
def request_reveal_nik(request, pk: int):
    obj = _visible_or_404(request, pk)
    form = f.RevealNikForm(request.POST, prefix="nik")
    revealed = ""
    if form.is_valid():
        try:
            revealed = services.information_request_reveal_nik(
                request_id=obj.pk, viewer=request.user, purpose=form.cleaned_data["purpose"]
            )
        except NotFound as exc:
            raise Http404 from exc
        except ValidationError as exc:
            form_errors_to(form, exc)
    # Shown on this response only: never stored in the session, never cached.
    return render_request_detail(request, obj, nik_form=form, revealed_nik=revealed)


def _preview_letter(name: str, obj: InformationRequest, user, form) -> tuple[bytes, str]:
    from ppid import previews  # WeasyPrint only when a letter is asked for

    ids = {"request_id": obj.pk, "actor": user}
    if name == "extend":
        return previews.preview_extension_letter(
            **ids, reason=form.cleaned_data["reason"]
        ), "surat-perpanjangan"
    return previews.preview_notice(**ids, **form.notice()), "pemberitahuan-tertulis"


LETTERS = {
    "tanda-terima": ("render_receipt", "tanda-terima"),
    "perpanjangan": ("render_extension_letter", "surat-perpanjangan"),
    "pemberitahuan": ("render_notice", "pemberitahuan-tertulis"),
    "penyerahan": ("render_handover", "tanda-bukti-penyerahan"),
}
# The issued letters' kinds (letters.kinds) and their download above.
LETTER_SLUGS = {
    "receipt": "tanda-terima",
    "extension": "perpanjangan",
    "notice": "pemberitahuan",
    "handover": "penyerahan",
}


def request_issued_letters(user, obj: InformationRequest) -> list[dict]:
    return issued_letter_rows(
        user,
        obj,
        {
            kind: reverse("frontend:request_letter", args=[obj.pk, slug])
            for kind, slug in LETTER_SLUGS.items()
        },
        lambda letter: reverse("frontend:request_letter_package", args=[obj.pk, letter.pk]),
    )


@login_required
@require_GET
def request_letter(request, pk: int, kind: str):
    obj = _visible_or_404(request, pk)
    if kind not in LETTERS:
        raise Http404
    from ppid import letters  # only needed when a letter is asked for

    renderer_name, stem = LETTERS[kind]
    try:
        pdf = getattr(letters, renderer_name)(obj, viewer=request.user)
    except ValueError as exc:  # no extension / no response yet: that letter does not exist
        raise Http404 from exc
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=pdf_filename(stem, obj.registration_number)
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_GET
def request_letter_package(request, pk: int, letter_pk: int):
    """The SRIKANDI package of one of the request's letters (issue 17 point 8): staff who see it as staff only."""
    return package_response(request, _visible_or_404(request, pk), letter_pk)


@login_required
@require_GET
def request_document(request, doc_pk: int):
    try:
        document, handle = services.request_document_open(document_id=doc_pk, viewer=request.user)
    except NotFound as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


# --- Staff: queue, offline intake ------------------------------------------------------------------------
def _staff_or_404(request) -> None:
    if not (request.user.is_superuser or memberships_of(request.user)):
        raise Http404


# The queue's sortable columns: the sort each link asks for, and the one it turns into when already active.
QUEUE_SORTS = {
    "registration_number": ("registration_number", "-registration_number"),
    "received_at": ("received_at", "-received_at"),
    "due_date": ("due_date", "-due_date"),
}


def _sort_links(current: str, *, searching: bool) -> dict[str, dict]:
    """Per column: the link's sort, and `aria-sort` for the column the queue is sorted by."""
    links = {}
    for column, (up, down) in QUEUE_SORTS.items():
        active = current in (up, down) or (not current and not searching and column == "due_date")
        ascending = current != down
        links[column] = {
            "ordering": down if active and ascending else up,
            "aria": ("ascending" if ascending else "descending") if active else "",
        }
    return links


@login_required
def queue(request):
    _staff_or_404(request)
    user = request.user
    # Only units whose cases the queue can show: a Pelaksana officer is offered their own.
    units = units_in_reach(user).filter(is_active=True).order_by("agency", "kind", "name")
    form = f.QueueFilterForm(request.GET or None, units=units, officers=f.queue_officers(user, units))
    if form.is_bound:
        form.is_valid()  # a bad field is reported by the form and left out; the others apply
    filters = form.filters()
    qs = filter_request_queue(
        officer_queue(user).select_related("assigned_to"),
        filters,
        viewer=user,
        as_staff=True,
        default_ordering=OPEN_FIRST,
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("halaman"))
    can_bulk = any(m.role in rules.OFFICER_ROLES for m in memberships_of(user)) or user.is_superuser
    return render(
        request,
        "frontend/requests/queue.html",
        {
            "form": form,
            "page": page,
            "rows": deadline_badges(page.object_list),
            "sorts": _sort_links(filters.ordering, searching=bool(filters.q)),
            "can_register": any(m.role in rules.OFFICER_ROLES for m in memberships_of(user)),
            "bulk_form": bulk.BulkForm(user=user, units=units, auto_id="bulk_%s") if can_bulk else None,
            "bulk_max": bulk.MAX_SELECTION,
        },
    )


@login_required
def offline_intake(request):
    agency_ids = {m.unit.agency_id for m in memberships_of(request.user) if m.role in rules.OFFICER_ROLES}
    agencies = Agency.objects.filter(pk__in=agency_ids, is_active=True)
    if not agencies.exists():
        raise Http404
    form = f.OfflineIntakeForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            obj = services.information_request_register_offline(
                officer=request.user,
                agency=data["agency"],
                channel=data["channel"],
                received_at=data["received_at"],
                requester=form.requester(),
                information_requested=data["information_requested"],
                purpose=data["purpose"],
                obtain_method=data["obtain_method"],
                delivery_method=data["delivery_method"],
                unit=data["unit"],
                documents=form.documents(),
                submission_key=data["submission_key"],
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(
                request,
                _("Permohonan tercatat dengan nomor %(number)s. Batas waktu pemberitahuan tertulis: %(due)s.")
                % {"number": obj.registration_number, "due": format_date(obj.due_date)},
            )
            # A unit officer may register a request for a unit outside their reach: back to the queue then.
            if request_for(request.user, obj.pk) is None:
                return redirect("frontend:queue")
            return redirect("frontend:request_detail", pk=obj.pk)
    return render(request, "frontend/requests/offline.html", {"form": form})


@login_required
@require_POST
def request_note(request, pk: int):
    """Add an internal note to the request (staff who see it as staff only)."""
    obj = _visible_or_404(request, pk)
    return post_note(
        request,
        obj,
        detail_url=reverse("frontend:request_detail", args=[obj.pk]),
        render_with_form=lambda form: render_request_detail(request, obj, bound=("note", form)),
    )


@login_required
@require_POST
def request_assign(request, pk: int):
    """Claim the request, or (the unit head) assign, reassign or release it."""
    obj = _visible_or_404(request, pk)
    return post_assignment(
        request,
        obj,
        assign=lambda officer_id, reason: services.information_request_assign(
            request_id=obj.pk, actor=request.user, officer_id=officer_id, reason=reason
        ),
        detail_url=reverse("frontend:request_detail", args=[obj.pk]),
        render_with_form=lambda form: render_request_detail(request, obj, bound=("assign", form)),
    )


@login_required
@require_POST
def request_contribution_ask(request, pk: int):
    """Ask other units for material (the request's handling officers only)."""
    obj = _visible_or_404(request, pk)
    return post_contribution_ask(
        request,
        obj,
        detail_url=reverse("frontend:request_detail", args=[obj.pk]),
        render_with_form=lambda form: render_request_detail(request, obj, bound=("contribution", form)),
    )


# --- approval before issue (issue 16 point 5) -------------------------------------------------------------------
@login_required
@require_GET
def request_draft_preview(request, pk: int):
    """The pending draft's letter, as approving it would issue it (officers handling the request)."""
    return approval_page.draft_preview(request, _visible_or_404(request, pk))


@login_required
@require_POST
def request_draft_decide(request, pk: int, decision: str):
    """The unit head approves (issues) or returns the pending draft."""
    decisions = {"setujui": "approve", "kembalikan": "return"}
    if decision not in decisions:
        raise Http404
    obj = _visible_or_404(request, pk)
    return approval_page.post_decision(
        request,
        obj,
        decision=decisions[decision],
        detail_url=reverse("frontend:request_detail", args=[obj.pk]),
        render_with_form=lambda form: render_request_detail(request, obj, bound=("return", form)),
    )
