"""The staff's pages of the register (issue 18): `/kerja/informasi/` (the DIP items the user works on, for the PPID
Utama the whole agency and what waits to be published), a new draft, an item's staff view with its pending revision,
documents, version history and the actions the rules allow, the withdrawal's confirmation page, the staff download
of a document (drafts too), the SK penetapan; `/kerja/dik/` (the DIK with its consequence tests); and the legal list
as PDF and XLSX for anyone. Thin: one dip service or selector each; outside the viewer's reach, 404."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agencies.errors import InvalidTransition, NotFound
from agencies.models import Agency, Unit
from agencies.selectors import memberships_of
from dip import rules, services
from dip.exports import consequence_sheet_pdf, legal_list_filename, legal_list_pdf, legal_list_xlsx
from dip.models import CONTENT_FIELDS, Category, DipEstablishment, DipItem, ItemState
from dip.selectors import (
    awaiting_publication,
    dik_due_for_review,
    dik_seen_as_staff,
    items_seen_as_staff,
    items_workable_by,
    staff_agency_ids,
)

from ..common.forms import form_errors_to
from ..common.pages import PAGE_SIZE
from .dip_forms import (
    DikDecideForm,
    DikEditForm,
    DikEntryForm,
    DipDocumentForm,
    DipFilterForm,
    DipItemCreateForm,
    DipItemEditForm,
    EstablishmentForm,
    NoteForm,
    ReasonForm,
    parse_links,
)


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def _register_agencies(user) -> list[Agency]:
    if user.is_superuser:
        return list(Agency.objects.filter(is_active=True).order_by("name"))
    ids = staff_agency_ids(user)
    if not ids:
        raise Http404
    return list(Agency.objects.filter(pk__in=ids).order_by("name"))


def _draftable_units(user, agencies) -> list[Unit]:
    units = Unit.objects.filter(agency__in=agencies, is_active=True).select_related("agency")
    return [u for u in units.order_by("kind", "name") if user.is_superuser or rules.may_draft(user, u)]


def _is_officer(user) -> bool:
    return user.is_superuser or any(m.role in rules.OFFICER_ROLES for m in memberships_of(user))


def _is_utama(user, agency) -> bool:
    return user.is_superuser or rules.may_publish(user, agency)


def _service_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict") and "documents" in exc.error_dict and "files" in form.fields:
        errors = dict(exc.error_dict)
        errors["files"] = errors.pop("documents")
        exc = ValidationError(errors)
    form_errors_to(form, exc)


def _field_label(name: str) -> str:
    label = str(DipItem._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


# --- the list --------------------------------------------------------------------------------------------------
@login_required
@require_GET
def dip_work_list(request):
    """Officers see the items they may work on (the PPID Utama's the whole agency); the agency-wide roles read the
    whole agency's. Filters `unit`, `category`, `state` (`menunggu`: waiting for the PPID Utama) in the URL."""
    user = request.user
    agencies = _register_agencies(user)
    qs = items_workable_by(user) if _is_officer(user) and not user.is_superuser else items_seen_as_staff(user)
    units = list(Unit.objects.filter(agency__in=agencies).order_by("kind", "name"))
    form = DipFilterForm(request.GET or None, units=units)
    if form.is_valid():
        data = form.cleaned_data
        if data["unit"]:
            qs = qs.filter(unit=data["unit"])
        if data["category"]:
            qs = qs.filter(category=data["category"])
        if data["state"] == "menunggu":
            qs = awaiting_publication(qs)
        elif data["state"]:
            qs = qs.filter(state=data["state"])
    qs = qs.order_by("state", "category", "title", "id")
    total = qs.count()
    waiting = {
        a.pk: awaiting_publication(items_seen_as_staff(user).filter(agency=a)).count()
        for a in agencies
        if _is_utama(user, a)
    }
    context = {
        "form": form,
        "items": list(qs[:PAGE_SIZE]),
        "total": total,
        "page_size": PAGE_SIZE,
        "waiting": sum(waiting.values()) if waiting else None,
        "can_create": bool(_draftable_units(user, agencies)),
        "agencies": [
            (
                a,
                DipEstablishment.objects.filter(agency=a).order_by("-decided_on", "-id").first(),
            )
            for a in agencies
        ],
    }
    return _private(render(request, "frontend/work/dip/list.html", context))


# --- a new draft -----------------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def dip_work_create(request):
    user = request.user
    units = _draftable_units(user, _register_agencies(user))
    if not units:
        raise Http404
    form = DipItemCreateForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.dip_item_create(
                actor=user,
                unit=form.cleaned_data["unit"],
                data=form.service_data(),
                files=form.cleaned_data["files"],
                links=parse_links(form.cleaned_data["links"]),
            )
        except PermissionDenied as exc:
            form.add_error("unit", str(exc))
        except ValidationError as exc:
            _service_errors(form, exc)
        else:
            messages.success(request, _("Draf tersimpan. Publik belum dapat melihatnya sampai diumumkan."))
            return redirect("frontend:dip_work_item", pk=item.pk)
    status = 400 if request.method == "POST" else 200
    return _private(
        render(request, "frontend/work/dip/form.html", {"form": form, "item": None}, status=status)
    )


# --- one item --------------------------------------------------------------------------------------------------
def _item_or_404(request, pk: int) -> DipItem:
    item = (
        items_seen_as_staff(request.user)
        .prefetch_related("documents", "versions__actor")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    return item


def _actions(user, item: DipItem) -> dict:
    content = {**item.content(), **(item.pending or {})}
    serta_merta = content.get("category") == Category.SERTA_MERTA
    may_draft = user.is_superuser or rules.may_draft(user, item.unit)
    may_publish = user.is_superuser or (
        rules.may_publish_at_once(user, item.unit) if serta_merta else rules.may_publish(user, item.agency)
    )
    pending = services.has_something_to_publish(item)
    renewal = item.state == ItemState.PUBLISHED and content.get("category") == Category.BERKALA
    return {
        "edit": may_draft,
        "documents": may_draft,
        "review": may_draft and pending,
        "publish": may_publish and (pending or renewal),
        "renewal": not pending and renewal,
        "withdraw": item.state == ItemState.PUBLISHED
        and (user.is_superuser or rules.may_publish(user, item.agency)),
    }


def _comparison(item: DipItem) -> list[dict]:
    """Each content field as the public reads it and as the revision would make it."""
    if not item.pending:
        return []
    current = item.content()
    rows = []
    for name in CONTENT_FIELDS:
        before, after = current.get(name), item.pending.get(name, current.get(name))
        rows.append(
            {
                "label": _field_label(name),
                "before": _display(name, before),
                "after": _display(name, after),
                "changed": before != after,
            }
        )
    return rows


def _display(name: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if name == "tags":
        return ", ".join(value)
    field = DipItem._meta.get_field(name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if name == "made_on":
        return date_format(dt.date.fromisoformat(value) if isinstance(value, str) else value, "DATE_FORMAT")
    return str(value)


def render_item(request, item: DipItem, *, document_form=None, edit_form=None, status: int = 200):
    user = request.user
    actions = _actions(user, item)
    documents = [d for d in item.documents.all() if d.removed_at is None]
    versions = list(item.versions.all())
    for version in versions:
        version.changed_labels = [_field_label(n) for n in version.changed if n in CONTENT_FIELDS]
    context = {
        "item": item,
        "actions": actions,
        "comparison": _comparison(item),
        "documents": documents,
        "versions": reversed(versions),
        "document_form": (document_form or DipDocumentForm()) if actions["documents"] else None,
        "note_form": NoteForm(),
        "overdue": item.next_update_due is not None and item.next_update_due < timezone.localdate(),
    }
    return _private(render(request, "frontend/work/dip/item.html", context, status=status))


@login_required
@require_GET
def dip_work_item(request, pk: int):
    return render_item(request, _item_or_404(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def dip_work_edit(request, pk: int):
    """A draft changes at once; a published item keeps what the public reads and holds this as its revision."""
    item = _item_or_404(request, pk)
    if not _actions(request.user, item)["edit"]:
        raise PermissionDenied
    initial = DipItemEditForm.initial_from({**item.content(), **(item.pending or {})})
    form = DipItemEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.dip_item_update(
                item_id=item.pk, actor=request.user, data=form.service_data(), note=form.cleaned_data["note"]
            )
        except NotFound as exc:
            raise Http404 from exc
        except ValidationError as exc:
            _service_errors(form, exc)
        else:
            if item.state == ItemState.PUBLISHED:
                messages.success(
                    request,
                    _("Perubahan tersimpan sebagai usulan. Publik melihatnya setelah diumumkan PPID Utama."),
                )
            else:
                messages.success(request, _("Perubahan tersimpan."))
            return redirect("frontend:dip_work_item", pk=item.pk)
    status = 400 if request.method == "POST" else 200
    return _private(
        render(request, "frontend/work/dip/form.html", {"form": form, "item": item}, status=status)
    )


@login_required
@require_POST
def dip_work_documents(request, pk: int):
    item = _item_or_404(request, pk)
    form = DipDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.dip_document_add(
                item_id=item.pk,
                actor=request.user,
                files=form.cleaned_data["files"],
                links=parse_links(form.cleaned_data["links"]),
            )
        except NotFound as exc:
            raise Http404 from exc
        except ValidationError as exc:
            _service_errors(form, exc)
        else:
            messages.success(request, _("Dokumen ditambahkan."))
            return redirect("frontend:dip_work_item", pk=item.pk)
    return render_item(request, _item_or_404(request, pk), document_form=form, status=400)


@login_required
@require_POST
def dip_work_document_remove(request, pk: int, doc_pk: int):
    item = _item_or_404(request, pk)
    if not item.documents.filter(pk=doc_pk, removed_at__isnull=True).exists():
        raise Http404
    try:
        doc = services.dip_document_remove(document_id=doc_pk, actor=request.user)
    except NotFound as exc:
        raise Http404 from exc
    if doc.remove_pending:
        messages.success(
            request, _("Dokumen akan dihapus dari halaman publik saat informasi diumumkan lagi.")
        )
    else:
        messages.success(request, _("Dokumen dihapus."))
    return redirect("frontend:dip_work_item", pk=item.pk)


@login_required
@require_GET
def dip_work_document(request, pk: int, doc_pk: int):
    """Staff download of any document of an item in their reach, drafts included; a link redirects."""
    item = _item_or_404(request, pk)
    doc = next((d for d in item.documents.all() if d.pk == doc_pk), None)
    if doc is None:
        raise Http404
    if doc.is_link:
        return redirect(doc.url)
    try:
        handle = doc.file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=doc.name, content_type=doc.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return _private(response)


def _transition(request, pk: int, run, success: str):
    item = _item_or_404(request, pk)
    try:
        run(item)
    except NotFound as exc:
        raise Http404 from exc
    except InvalidTransition as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)
    return redirect("frontend:dip_work_item", pk=item.pk)


@login_required
@require_POST
def dip_work_request_review(request, pk: int):
    return _transition(
        request,
        pk,
        lambda item: services.dip_item_request_review(item_id=item.pk, actor=request.user),
        _("Diajukan ke PPID Utama untuk diumumkan."),
    )


@login_required
@require_POST
def dip_work_publish(request, pk: int):
    note = NoteForm(request.POST)
    text = note.cleaned_data["note"] if note.is_valid() else ""
    return _transition(
        request,
        pk,
        lambda item: services.dip_item_publish(item_id=item.pk, actor=request.user, note=text),
        _("Informasi diumumkan: publik dapat melihatnya sekarang."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def dip_work_withdraw(request, pk: int):
    """A confirmation page that says what withdrawing means; the reason is recorded."""
    item = _item_or_404(request, pk)
    if not _actions(request.user, item)["withdraw"]:
        raise PermissionDenied
    return _confirm_with_reason(
        request,
        lambda reason: services.dip_item_withdraw(item_id=item.pk, actor=request.user, reason=reason),
        template="frontend/work/dip/withdraw.html",
        context={"item": item},
        done=_("Informasi ditarik dari daftar informasi publik."),
        then=("frontend:dip_work_item", item.pk),
    )


def _confirm_with_reason(request, run, *, template: str, context: dict, done: str, then: tuple[str, int]):
    """A confirmation page with a reason (withdrawing an item, revoking an exemption): the service's refusals are
    shown on the form, and nothing changes until it accepts."""
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            run(form.cleaned_data["reason"])
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, done)
            return redirect(then[0], pk=then[1])
    status = 400 if request.method == "POST" else 200
    return _private(render(request, template, {**context, "form": form}, status=status))


# --- the SK penetapan ------------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def dip_establishments(request):
    user = request.user
    agencies = _register_agencies(user)
    allowed = [a for a in agencies if user.is_superuser or rules.may_establish(user, a)]
    form = EstablishmentForm(request.POST or None, request.FILES or None) if allowed else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.dip_establishment_add(
                    agency=allowed[0],
                    actor=user,
                    number=form.cleaned_data["number"],
                    decided_on=form.cleaned_data["decided_on"],
                    file=form.cleaned_data["file"],
                )
            except ValidationError as exc:
                form_errors_to(form, exc)
            else:
                messages.success(request, _("SK penetapan DIP tersimpan."))
                return redirect("frontend:dip_establishments")
        status = 400
    context = {
        "form": form,
        "establishments": DipEstablishment.objects.filter(agency__in=agencies).select_related(
            "agency", "uploaded_by"
        ),
        "agencies": agencies,
    }
    return _private(render(request, "frontend/work/dip/establishments.html", context, status=status))


@login_required
@require_GET
def dip_establishment_file(request, pk: int):
    agencies = _register_agencies(request.user)
    row = get_object_or_404(DipEstablishment, pk=pk, agency__in=agencies)
    response = FileResponse(
        row.file.open("rb"),
        as_attachment=True,
        filename=f"sk-dip-{row.agency.slug}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return _private(response)


# --- the legal list, for anyone --------------------------------------------------------------------------------
def _public_agency(slug: str) -> Agency:
    return get_object_or_404(Agency, slug=slug, is_active=True)


@require_GET
def dip_legal_pdf(request, slug: str):
    agency = _public_agency(slug)
    response = HttpResponse(legal_list_pdf(agency), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{legal_list_filename(agency, "pdf")}"'
    return response


@require_GET
def dip_legal_xlsx(request, slug: str):
    agency = _public_agency(slug)
    response = HttpResponse(
        legal_list_xlsx(agency),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{legal_list_filename(agency, "xlsx")}"'
    return response


# --- DIK -------------------------------------------------------------------------------------------------------
@login_required
@require_GET
def dik_work_list(request):
    """Every entry of the user's agencies with its state, ground and period; those whose period ends within
    `DIK_REVIEW_LEAD_DAYS` are flagged (Pasal 20)."""
    from django.conf import settings

    user = request.user
    agencies = _register_agencies(user)
    qs = dik_seen_as_staff(user).order_by("state", "period_until", "title", "id")
    state = request.GET.get("status", "")
    if state in ("draft", "in_force", "revoked"):
        qs = qs.filter(state=state)
    due = set(
        dik_due_for_review(today=timezone.localdate(), lead_days=settings.DIK_REVIEW_LEAD_DAYS)
        .filter(agency__in=agencies)
        .values_list("pk", flat=True)
    )
    entries = list(qs[:PAGE_SIZE])
    for entry in entries:
        entry.ends_soon = entry.pk in due
    context = {
        "entries": entries,
        "status": state,
        "can_create": bool(_draftable_units(user, agencies)),
        "lead_days": settings.DIK_REVIEW_LEAD_DAYS,
        "due_count": len(due),
    }
    return _private(render(request, "frontend/work/dip/dik_list.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def dik_work_create(request):
    user = request.user
    units = _draftable_units(user, _register_agencies(user))
    if not units:
        raise Http404
    form = DikEntryForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.dik_entry_create(
                actor=user, unit=form.cleaned_data["unit"], data=form.service_data()
            )
        except PermissionDenied as exc:
            form.add_error("unit", str(exc))
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Uji konsekuensi tersimpan sebagai draf."))
            return redirect("frontend:dik_work_item", pk=entry.pk)
    status = 400 if request.method == "POST" else 200
    return _private(
        render(request, "frontend/work/dip/dik_form.html", {"form": form, "entry": None}, status=status)
    )


def _entry_or_404(request, pk: int):
    entry = dik_seen_as_staff(request.user).select_related("decided_by", "created_by").filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry


def _dik_actions(user, entry) -> dict:
    decide = user.is_superuser or rules.may_decide_exemption(user, entry.agency)
    return {
        "edit": entry.state == "draft" and (user.is_superuser or rules.may_draft(user, entry.unit)),
        "decide": entry.state == "draft" and decide,
        "revoke": entry.state == "in_force" and decide,
    }


def render_entry(request, entry, *, decide_form=None, status: int = 200):
    actions = _dik_actions(request.user, entry)
    context = {
        "entry": entry,
        "actions": actions,
        "decide_form": (decide_form or DikDecideForm()) if actions["decide"] else None,
    }
    return _private(render(request, "frontend/work/dip/dik_item.html", context, status=status))


@login_required
@require_GET
def dik_work_item(request, pk: int):
    return render_entry(request, _entry_or_404(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def dik_work_edit(request, pk: int):
    entry = _entry_or_404(request, pk)
    if not _dik_actions(request.user, entry)["edit"]:
        raise PermissionDenied
    initial = {name: getattr(entry, name) for name in services.DIK_FIELDS}
    form = DikEditForm(request.POST or None, initial=initial, units=[])
    if request.method == "POST" and form.is_valid():
        try:
            services.dik_entry_update(entry_id=entry.pk, actor=request.user, data=form.service_data())
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Perubahan tersimpan."))
            return redirect("frontend:dik_work_item", pk=entry.pk)
    status = 400 if request.method == "POST" else 200
    return _private(
        render(request, "frontend/work/dip/dik_form.html", {"form": form, "entry": entry}, status=status)
    )


@login_required
@require_POST
def dik_work_decide(request, pk: int):
    entry = _entry_or_404(request, pk)
    form = DikDecideForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.dik_entry_decide(
                entry_id=entry.pk,
                actor=request.user,
                sk_number=form.cleaned_data["sk_number"],
                sk_date=form.cleaned_data["sk_date"],
                sk_file=form.cleaned_data["sk_file"],
            )
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Informasi ditetapkan dikecualikan dan tercantum dalam DIK publik."))
            return redirect("frontend:dik_work_item", pk=entry.pk)
    return render_entry(request, _entry_or_404(request, pk), decide_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def dik_work_revoke(request, pk: int):
    entry = _entry_or_404(request, pk)
    if not _dik_actions(request.user, entry)["revoke"]:
        raise PermissionDenied
    return _confirm_with_reason(
        request,
        lambda reason: services.dik_entry_revoke(entry_id=entry.pk, actor=request.user, reason=reason),
        template="frontend/work/dip/dik_revoke.html",
        context={"entry": entry},
        done=_("Penetapan pengecualian dicabut."),
        then=("frontend:dik_work_item", entry.pk),
    )


@login_required
@require_GET
def dik_work_sk(request, pk: int):
    entry = _entry_or_404(request, pk)
    if not entry.sk_file:
        raise Http404
    response = FileResponse(
        entry.sk_file.open("rb"),
        as_attachment=True,
        filename=f"sk-dik-{entry.pk}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return _private(response)


@login_required
@require_GET
def dik_work_sheet(request, pk: int):
    """The printable lembar uji konsekuensi, for the agency's staff only."""
    entry = _entry_or_404(request, pk)
    response = HttpResponse(consequence_sheet_pdf(entry), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="uji-konsekuensi-{entry.pk}.pdf"'
    return _private(response)
