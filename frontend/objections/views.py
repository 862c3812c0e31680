"""Pages for objections (keberatan) to the Atasan PPID and the disputes (sengketa) that may follow at the
Komisi Informasi. Thin, like the request pages: parse the form, call one ppid service or selector, render.

Domain errors map the same way: NotFound answers 404, PermissionDenied 403 (Django's own handler),
InvalidTransition re-renders the objection page with its message (409, nothing changed), ValidationError puts
its messages on the form (200, the user's input kept).
"""

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
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

from agencies.models import StaffRole
from agencies.selectors import is_staff_of, memberships_of
from ppid import rules, services
from ppid.errors import InvalidTransition, NotFound
from ppid.models import OPEN_OBJECTION_STATES, Objection, ObjectionGround, RequestState
from ppid.register import item_url
from ppid.selectors import objections_awaiting_decision, objections_visible_to, request_for
from ppid.windows import dispute_windows, objection_ground_windows

from ..common import limits
from ..common.actions import Action, confirm_withdrawal, place_action_error
from ..common.assignment import assignment_context, post_assignment
from ..common.forms import form_errors_to
from ..common.letters import issued_letter_rows, letter_preview, package_response, pdf_filename
from ..common.notes import notes_context, post_note
from ..common.orders import ANCHOR as ORDER_ANCHOR
from ..common.orders import ComplyForm, order_context
from ..common.pages import PAGE_SIZE, WINDOW_STATUS, format_date
from ..requests.views import case_timeline_rows, deadline_badges
from . import forms as f

ACTIONS: dict[str, Action] = {
    "review": Action(
        f.ReviewForm,
        gettext_lazy("Mulai pemeriksaan keberatan"),
        gettext_lazy("Mulai periksa"),
        gettext_lazy("Keberatan sedang diperiksa."),
    ),
    "decide": Action(
        f.DecideForm,
        gettext_lazy("Beri tanggapan atas keberatan"),
        gettext_lazy("Simpan tanggapan"),
        gettext_lazy("Tanggapan atas keberatan tersimpan. Surat tanggapan dapat diunduh."),
        preview=True,
    ),
    # Not a state transition: offered to the agency's officers and the Atasan once the answer is given.
    "decision_receipt": Action(
        f.DecisionReceiptForm,
        gettext_lazy("Catat tanggal tanggapan diterima pemohon"),
        gettext_lazy("Simpan tanggal diterima"),
        gettext_lazy(
            "Tanggal diterima tercatat. Batas waktu ke Komisi Informasi dihitung sejak tanggal itu."
        ),
    ),
    "withdraw": Action(
        f.WithdrawForm,
        gettext_lazy("Cabut keberatan"),
        gettext_lazy("Cabut keberatan"),
        gettext_lazy("Keberatan dicabut."),
        danger=True,
    ),
}


def _objection_or_404(request, pk) -> Objection:
    objection = (
        objections_visible_to(request.user)
        .select_related("decided_by", "request__agency", "unit", "order_obligation__complied_by")
        .filter(pk=pk)
        .first()
    )
    if objection is None:
        raise Http404
    return objection


def _detail_url(objection: Objection, anchor: str = "") -> str:
    return reverse("frontend:objection_detail", args=[objection.pk]) + (f"#{anchor}" if anchor else "")


# --- Filing: the requester online, an officer for a written objection received offline -------------------
def _no_ground_reason(request_obj, windows: dict, now: dt.datetime) -> dict:
    """Why no ground can be chosen now, with the dates that explain it."""
    if request_obj.state == RequestState.WITHDRAWN:
        return {"kind": "withdrawn"}
    if not windows:
        return {"kind": "not_yet", "due_date": request_obj.due_date, "tz": request_obj.agency.time_zone_label}
    return {"kind": "closed", "windows": [w for w in windows.values() if not w.is_open(now)]}


@login_required
def objection_file(request, pk: int):
    user = request.user
    request_obj = request_for(user, pk)
    if request_obj is None or not rules.is_requester(request_obj, user):
        raise Http404
    now = timezone.now()
    windows = objection_ground_windows(request_obj, at=now)
    # A ground past its window is still offered: a late objection is registered and the Atasan rules on it.
    fitting = dict(windows)
    pending = objections_visible_to(user).filter(request=request_obj, state__in=OPEN_OBJECTION_STATES).first()
    form = f.ObjectionFileForm(request.POST or None, windows=fitting, agency=request_obj.agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            objection = services.objection_file(
                requester=user,
                request_id=request_obj.pk,
                grounds=data["grounds"],
                reason=data["reason"],
                proxy_name=data["proxy_name"],
                submission_key=data["submission_key"],
                **(form.dip_reference() if "dip_choice" in form.fields else {}),
            )
        except NotFound as exc:
            raise Http404 from exc
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Keberatan Anda terdaftar dengan nomor %(number)s. Atasan PPID wajib menanggapi paling "
                    "lambat %(due)s."
                )
                % {"number": objection.registration_number, "due": format_date(objection.due_date)},
            )
            return redirect("frontend:objection_detail", pk=objection.pk)
    closed = [w for w in windows.values() if not w.is_open(now)]
    return render(
        request,
        "frontend/objections/file.html",
        {
            "request_obj": request_obj,
            "form": form,
            "fitting": fitting,
            "closed": closed,
            "pending": pending,
            "why_none": None if fitting else _no_ground_reason(request_obj, windows, now),
        },
    )


@login_required
def objection_file_periodic(request):
    """Ground b without a request: periodic information that is not published (Pasal 35 ayat 1 huruf b)."""
    user = request.user
    if not user.can_file:
        profile = getattr(user, "citizen_profile", None)
        return render(
            request,
            "frontend/objections/file_periodic.html",
            {
                "blocked": True,
                "needs_confirmation": user.email_confirmed_at is None,
                "needs_profile": profile is None or not profile.is_complete,
            },
        )
    form = f.PeriodicObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if limits.over_limit(request, "request_file"):
            return limits.refused(request, "frontend/objections/file_periodic.html", {"form": form}, form)
        data = form.cleaned_data
        try:
            objection = services.objection_file_periodic(
                requester=user,
                agency=data["agency"],
                unit=data["unit"],
                information=data["information"],
                reason=data["reason"],
                proxy_name=data["proxy_name"],
                submission_key=data["submission_key"],
                **form.dip_reference(),
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Keberatan Anda terdaftar dengan nomor %(number)s. Atasan PPID wajib menanggapi paling "
                    "lambat %(due)s."
                )
                % {"number": objection.registration_number, "due": format_date(objection.due_date)},
            )
            return redirect("frontend:objection_detail", pk=objection.pk)
    return render(request, "frontend/objections/file_periodic.html", {"form": form})


@login_required
def objection_offline(request, pk: int):
    user = request.user
    request_obj = request_for(user, pk)
    if request_obj is None:
        raise Http404
    if not rules.is_agency_officer(request_obj, user):
        raise PermissionDenied
    form = f.ObjectionOfflineForm(request.POST or None, agency=request_obj.agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            objection = services.objection_register_offline(
                officer=user,
                request_id=request_obj.pk,
                grounds=data["grounds"],
                reason=data["reason"],
                received_at=data["received_at"],
                channel=data["channel"],
                proxy_name=data["proxy_name"],
                submission_key=data["submission_key"],
                **form.dip_reference(),
            )
        except NotFound as exc:
            raise Http404 from exc
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(
                request,
                _("Keberatan tercatat dengan nomor %(number)s. Batas waktu tanggapan Atasan PPID: %(due)s.")
                % {"number": objection.registration_number, "due": format_date(objection.due_date)},
            )
            return redirect("frontend:objection_detail", pk=objection.pk)
    return render(request, "frontend/objections/offline.html", {"request_obj": request_obj, "form": form})


# --- Detail -------------------------------------------------------------------------------------------------
def _ground_rows(objection: Objection) -> list[dict]:
    labels = dict(ObjectionGround.choices)
    rows = []
    for ground in objection.grounds:
        window = objection.ground_windows.get(ground, {})
        closes = window.get("closes_on")
        rows.append(
            {
                "label": labels.get(ground, ground),
                "arose_because": window.get("arose_because", ""),
                "closes_on": dt.date.fromisoformat(closes) if closes else None,
            }
        )
    return rows


def _dispute_facts(dispute) -> list[tuple[str, str]]:
    """(label, text) for every field of the dispute that has a value, in the model's order."""
    if dispute is None:
        return []
    facts = []
    for name in f.DisputeUpdateForm.DISPUTE_FIELDS:
        value = getattr(dispute, name)
        if value in (None, "", False):
            continue
        field = dispute._meta.get_field(name)
        if field.choices:
            text = getattr(dispute, f"get_{name}_display")()
        elif isinstance(value, dt.date):
            text = format_date(value)
        elif value is True:
            text = _("Ya")
        else:
            text = value
        facts.append((field.verbose_name, text))
    return facts


def _window_rows(windows) -> list[dict]:
    return [{"window": w, "status_label": WINDOW_STATUS.get(w.status, w.status)} for w in windows]


def _render_detail(
    request,
    objection: Objection,
    *,
    bound: tuple[str, object] | None = None,
    action_error: str = "",
    status: int = 200,
):
    user = request.user
    request_obj = objection.request
    staff_view = user.is_superuser or is_staff_of(user, objection.agency)
    available = {t.name for t in objection.get_available_user_state_transitions(user)}
    if objection.decided_at is not None and (
        rules.is_agency_officer(objection, user) or rules.is_atasan(objection, user)
    ):
        available.add("decision_receipt")

    def form_for(name: str, make: Callable[[], object]):
        return bound[1] if bound and bound[0] == name else make()

    actions = []
    for name, spec in ACTIONS.items():
        # Withdrawing cannot be undone: the page links to its confirmation page, at the end.
        if name in available and name != "withdraw":
            form = bound[1] if bound and bound[0] == name else spec.form(prefix=name)
            actions.append({"name": name, "spec": spec, "form": form})
    dispute = getattr(objection, "dispute", None)
    windows = dispute_windows(objection, dispute)
    may_record = rules.is_agency_officer(objection, user) or rules.is_atasan(objection, user)
    dispute_forms = {}
    if may_record and dispute is None and windows:  # the KI filing window has opened
        dispute_forms["register"] = form_for("dispute_register", lambda: f.DisputeRegisterForm(prefix="ki"))
    if may_record and dispute is not None:
        dispute_forms["update"] = form_for(
            "dispute_update", lambda: f.DisputeUpdateForm(prefix="sengketa", dispute=dispute)
        )
        dispute_forms["hearing"] = form_for("dispute_hearing", lambda: f.HearingForm(prefix="sidang"))
    step = objection.deadline_log[-1] if objection.deadline_log else {}
    issued_letters = issued_letter_rows(
        user,
        objection,
        {
            "objection_receipt": reverse("frontend:objection_receipt", args=[objection.pk]),
            "objection_decision": reverse("frontend:objection_letter", args=[objection.pk]),
        },
        lambda letter: reverse("frontend:objection_letter_package", args=[objection.pk, letter.pk]),
    )
    context = {
        "objection": objection,
        "issued_letters": issued_letters,
        # Letters made before numbering (issue 17) keep their plain download links.
        "request_obj": request_obj,
        "response": getattr(request_obj, "response", None),
        "badge": deadline_badges([objection])[0][1],
        "received_local": timezone.localtime(objection.received_at, objection.agency.tzinfo),
        "due_explanation": step.get("explanation", ""),
        "grounds": _ground_rows(objection),
        "actions": actions,
        "may_withdraw": "withdraw" in available,
        "action_error": place_action_error(actions, bound, action_error),
        "dispute": dispute,
        "dispute_facts": _dispute_facts(dispute),
        "hearings": list(dispute.hearings.all()) if dispute else [],
        "windows": _window_rows(windows),
        "dispute_forms": dispute_forms,
        "staff_view": staff_view,
        "timeline": case_timeline_rows(request_obj, user, objection=objection),
        "case_notes": notes_context(user, objection, bound[1] if bound and bound[0] == "note" else None),
        "order": order_context(user, objection, bound[1] if bound and bound[0] == "comply" else None),
        "assignment": assignment_context(
            user,
            objection,
            is_open=objection.state in OPEN_OBJECTION_STATES,
            form=bound[1] if bound and bound[0] == "assign" else None,
        ),
        # Ground b and the register (issue 18): the berkala item named, linked to its public page.
        "objection_dip_url": item_url(objection.dip_item) if objection.dip_item_id else "",
    }
    result = render(request, "frontend/objections/detail.html", context, status=status)
    patch_cache_control(result, private=True, no_store=True)
    return result


@login_required
def objection_detail(request, pk: int):
    return _render_detail(request, _objection_or_404(request, pk))


def _submit(request, objection: Objection, name: str, form, call: Callable, done, anchor: str):
    """Run one service with a valid form and answer the way every page does."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            return _render_detail(
                request,
                _objection_or_404(request, objection.pk),
                bound=(name, form),
                action_error=exc.message,
                status=409,
            )
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, done)
            return redirect(_detail_url(objection, anchor))
    return _render_detail(request, objection, bound=(name, form))


@login_required
@require_POST
def objection_action(request, pk: int, action: str):
    objection = _objection_or_404(request, pk)
    if action not in ACTIONS:
        raise Http404
    form = ACTIONS[action].form(request.POST, prefix=action)
    ids = {"objection_id": objection.pk, "actor": request.user}
    if request.POST.get("pratinjau") and ACTIONS[action].preview:
        from ppid import previews  # WeasyPrint only when a letter is asked for

        def make():
            pdf = previews.preview_objection_decision(**ids, **form.cleaned_data)
            return pdf, "tanggapan-keberatan"

        return letter_preview(
            request, form, make, objection, reverse("frontend:objection_detail", args=[objection.pk])
        )
    calls = {
        "review": lambda data: services.objection_review(**ids),
        "decide": lambda data: services.objection_decide(**ids, **data),
        "withdraw": lambda data: services.objection_withdraw(**ids, reason=data["reason"]),
        "decision_receipt": lambda data: services.objection_record_decision_receipt(**ids, **data),
    }
    return _submit(request, objection, action, form, calls[action], ACTIONS[action].done, "")


WITHDRAW_CONSEQUENCES = [
    gettext_lazy("Atasan PPID tidak lagi memeriksa dan menanggapi keberatan ini."),
    gettext_lazy(
        "Pencabutan tidak dapat dibatalkan. Keberatan baru atas permohonan ini hanya dapat diajukan selama "
        "batas waktu mengajukan keberatan masih berjalan."
    ),
]


@login_required
def objection_withdraw(request, pk: int):
    objection = _objection_or_404(request, pk)
    if not rules.is_requester(objection, request.user):
        raise Http404
    back_url = _detail_url(objection)
    spec = ACTIONS["withdraw"]
    return confirm_withdrawal(
        request,
        case=objection,
        form=spec.form(request.POST or None, prefix="withdraw"),
        run=lambda data: services.objection_withdraw(
            objection_id=objection.pk, actor=request.user, reason=data["reason"]
        ),
        page={
            "title": _("Cabut keberatan %(number)s?") % {"number": objection.registration_number},
            "consequences": WITHDRAW_CONSEQUENCES,
            "button": _("Ya, cabut keberatan"),
            "back_url": back_url,
            "back_label": _("Batal, kembali ke keberatan"),
            "done": spec.done,
        },
    )


@login_required
@require_GET
def objection_letter(request, pk: int):
    objection = _objection_or_404(request, pk)
    from ppid import letters  # only needed when a letter is asked for

    try:
        pdf = letters.render_objection_decision(objection, viewer=request.user)
    except ValueError as exc:  # not decided yet: the letter does not exist
        raise Http404 from exc
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=pdf_filename("tanggapan-keberatan", objection.registration_number)
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_GET
def objection_letter_package(request, pk: int, letter_pk: int):
    """The SRIKANDI package of one of the objection's letters (issue 17 point 8): staff who see it as staff."""
    return package_response(request, _objection_or_404(request, pk), letter_pk)


@login_required
@require_GET
def objection_receipt(request, pk: int):
    """The tanda terima keberatan, for whoever sees the objection (the requester, its officers, the Atasan)."""
    objection = _objection_or_404(request, pk)
    from ppid import letters  # only needed when a letter is asked for

    response = HttpResponse(
        letters.render_objection_receipt(objection, viewer=request.user), content_type="application/pdf"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=pdf_filename("tanda-terima-keberatan", objection.registration_number)
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


# --- Disputes -----------------------------------------------------------------------------------------------
@login_required
@require_POST
def dispute_register(request, pk: int):
    objection = _objection_or_404(request, pk)
    form = f.DisputeRegisterForm(request.POST, prefix="ki")

    def call(data):
        return services.dispute_register(objection_id=objection.pk, actor=request.user, **data)

    done = _("Sengketa tercatat. Batas waktu tahap sengketa ditampilkan di bawah.")
    return _submit(request, objection, "dispute_register", form, call, done, "sengketa-h")


def _dispute_or_404(objection: Objection):
    dispute = getattr(objection, "dispute", None)
    if dispute is None:
        raise Http404
    return dispute


@login_required
@require_POST
def dispute_update(request, pk: int):
    objection = _objection_or_404(request, pk)
    dispute = _dispute_or_404(objection)
    form = f.DisputeUpdateForm(request.POST, prefix="sengketa", dispute=dispute)

    def call(data):
        return services.dispute_update(
            dispute_id=dispute.pk, actor=request.user, reason=data["reason"], **form.changes()
        )

    if form.is_valid() and not form.changes():
        messages.info(request, _("Tidak ada data sengketa yang berubah."))
        return redirect(_detail_url(objection, "sengketa-h"))
    done = _("Data sengketa diperbarui.")
    return _submit(request, objection, "dispute_update", form, call, done, "sengketa-h")


@login_required
@require_POST
def dispute_hearing(request, pk: int):
    objection = _objection_or_404(request, pk)
    dispute = _dispute_or_404(objection)
    form = f.HearingForm(request.POST, prefix="sidang")

    def call(data):
        return services.dispute_add_hearing(dispute_id=dispute.pk, actor=request.user, **data)

    done = _("Sidang tercatat.")
    return _submit(request, objection, "dispute_hearing", form, call, done, "sidang-h")


# --- The Atasan PPID's queue ----------------------------------------------------------------------------------
@login_required
def objection_queue(request):
    if not any(m.role == StaffRole.ATASAN for m in memberships_of(request.user)):
        raise Http404
    qs = objections_awaiting_decision(request.user)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("halaman"))
    return render(
        request,
        "frontend/objections/queue.html",
        {"page": page, "rows": deadline_badges(page.object_list)},
    )


@login_required
@require_POST
def objection_note(request, pk: int):
    """Add an internal note to the objection (staff who see it as staff only)."""
    objection = _objection_or_404(request, pk)
    return post_note(
        request,
        objection,
        detail_url=_detail_url(objection),
        render_with_form=lambda form: _render_detail(request, objection, bound=("note", form)),
    )


@login_required
@require_POST
def objection_assign(request, pk: int):
    """Claim the objection, or (the unit head) assign, reassign or release it."""
    objection = _objection_or_404(request, pk)
    return post_assignment(
        request,
        objection,
        assign=lambda officer_id, reason: services.objection_assign(
            objection_id=objection.pk, actor=request.user, officer_id=officer_id, reason=reason
        ),
        detail_url=_detail_url(objection),
        render_with_form=lambda form: _render_detail(request, objection, bound=("assign", form)),
    )


# --- The Atasan's order carried out (issue 16 point 6) ----------------------------------------------------------
@login_required
@require_POST
def objection_comply(request, pk: int):
    """The unit records that it carried out the Atasan's order: what it sent, with the files."""
    objection = _objection_or_404(request, pk)
    order = getattr(objection, "order_obligation", None)
    if order is None:
        raise Http404
    # Who may before what was typed: the requester gets 404, a reader 403 (the state is the service's 409).
    try:
        services.check_order_comply(order, request.user)
    except NotFound as exc:
        raise Http404 from exc
    except InvalidTransition:
        pass
    form = ComplyForm(request.POST, request.FILES, prefix="pelaksanaan")

    def call(data):
        return services.objection_order_comply(
            order_id=order.pk, actor=request.user, statement=data["statement"], files=data["files"]
        )

    done = _("Pelaksanaan putusan Atasan PPID tercatat. Pemohon diberi tahu.")
    return _submit(request, objection, "comply", form, call, done, ORDER_ANCHOR)


@login_required
@require_GET
def order_file(request, file_pk: int):
    """A file the unit sent in carrying out the order: for whoever sees the order, each download recorded."""
    try:
        stored, handle = services.objection_order_file_open(file_id=file_pk, viewer=request.user)
    except NotFound as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=stored.original_name, content_type=stored.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
