"""Approval before issue on the request page (issue 16 point 5): the draft letter waiting for the unit head, or the
one last returned, for the staff who see the request as staff; a preview of its letter for the officers handling
it; the head's "approve and issue" and "return" (with a reason). The rules are `ppid.approval`'s; the writes are
`ppid.services.information_request_approve` / `information_request_return`."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from ppid import rules, services
from ppid.approval import approval_required, approval_state_of, latest_draft, may_see_drafts
from ppid.errors import InvalidTransition, NotFound
from ppid.models import Decision, DraftKind, ExemptionGround

from ..common.forms import form_errors_to
from ..common.letters import pdf_filename

ANCHOR = "persetujuan-h"
# What an officer's respond and extend cards say when their letter will wait for the head.
WAITS_FOR_HEAD = _("Dikirim ke kepala unit untuk persetujuan")
WAITS_DETAIL = _(
    "Badan publik ini mewajibkan persetujuan kepala unit (PPID) sebelum surat diterbitkan. Surat ini disimpan "
    "sebagai rancangan dan baru dikirim kepada pemohon setelah disetujui."
)
SUBMITTED = _("Dikirim ke kepala unit untuk persetujuan. Pemohon belum menerima apa pun.")


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan dikembalikan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={
            "required": _("Tuliskan alasan rancangan dikembalikan, agar petugas dapat memperbaikinya.")
        },
        help_text=_("Dibaca petugas penyusun dan staf lain; pemohon tidak melihatnya."),
    )


def waits_for_head(obj, user) -> bool:
    return approval_required(obj, user)


def _summary(draft) -> list[tuple[str, str]]:
    """The draft as lines a head reads before approving it."""
    payload = draft.payload
    if draft.kind == DraftKind.EXTEND:
        return [(str(_("Alasan perpanjangan")), payload.get("reason", ""))]
    grounds = dict(ExemptionGround.choices)
    lines = [(str(_("Keputusan")), str(dict(Decision.choices).get(payload.get("decision"), "")))]
    for key, label in (
        ("provided_information", _("Materi informasi yang diberikan")),
        ("holding_body", _("Badan publik yang menguasai informasi")),
        ("consequence_test", _("Ringkasan uji konsekuensi")),
        ("redactions", _("Bagian yang dihitamkan dan alasannya")),
        ("note", _("Catatan")),
    ):
        if payload.get(key):
            lines.append((str(label), payload[key]))
    if payload.get("exemption_grounds"):
        lines.append(
            (
                str(_("Alasan pengecualian (Pasal 17)")),
                "; ".join(str(grounds.get(g, g)) for g in payload["exemption_grounds"]),
            )
        )
    return lines


def approval_context(user, obj, *, return_form: ReturnForm | None = None) -> dict | None:
    """The approval part of the page, or None for anyone who may not see drafts or when nothing is waiting or
    returned."""
    if not may_see_drafts(obj, user):
        return None
    draft = latest_draft(obj)
    state = approval_state_of(obj, draft)
    if state is None or draft is None:
        return None
    head = state == "pending" and rules.is_unit_head(obj, user)
    return {
        "draft": draft,
        "state": state,
        "summary": _summary(draft),
        "files": list(draft.files.all()),
        "can_preview": state == "pending" and rules.is_handling_officer(obj, user),
        "can_decide": head,
        "return_form": (return_form or ReturnForm(prefix="kembali")) if head else None,
    }


def draft_preview(request, obj) -> HttpResponse:
    """The pending draft's letter as approval would issue it, marked PRATINJAU (ppid.previews)."""
    if not (may_see_drafts(obj, request.user) and rules.is_handling_officer(obj, request.user)):
        raise Http404
    from ppid import previews  # WeasyPrint only when a letter is asked for

    try:
        pdf, kind = previews.preview_draft(request_id=obj.pk, actor=request.user)
    except (NotFound, InvalidTransition, ValidationError) as exc:
        raise Http404 from exc
    stem = "surat-perpanjangan" if kind == DraftKind.EXTEND else "pemberitahuan-tertulis"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=pdf_filename(f"pratinjau-{stem}", obj.registration_number)
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


def post_decision(request, obj, *, decision: str, detail_url: str, render_with_form) -> HttpResponse:
    """Approve (issues the letter) or return (with the reason) the pending draft."""
    form = None
    try:
        if decision == "approve":
            services.information_request_approve(request_id=obj.pk, actor=request.user)
            done = _("Rancangan disetujui: surat diterbitkan dan dikirim kepada pemohon.")
        else:
            form = ReturnForm(request.POST, prefix="kembali")
            if not form.is_valid():
                return render_with_form(form)
            services.information_request_return(
                request_id=obj.pk, actor=request.user, reason=form.cleaned_data["reason"]
            )
            done = _("Rancangan dikembalikan kepada petugas penyusun.")
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
    messages.success(request, done)
    return redirect(f"{detail_url}#{ANCHOR}")
