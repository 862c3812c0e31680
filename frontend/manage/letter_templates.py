"""The agency's letter texts (/kelola/<agency>/surat/, issue 17 point 6): each kind with the version in force,
and a kind's page to reword its opening, rights paragraph and closing, with the placeholders it may use, a
"Pratinjau" that shows a sample letter with the unsaved texts, and the version history. Staff of the agency
read; its administrators save and preview (anyone else who posts gets 403); outside the user's agencies 404."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.selectors import administers
from letters.kinds import LetterKind
from letters.services import (
    REASON_MAX_LENGTH,
    current_template,
    letter_template_save,
    template_texts_in_force,
    template_versions,
)
from letters.templates_text import KINDS, LABELS, TEXT_MAX_LENGTH, clean_texts, default_texts
from ppid.letter_samples import render_template_preview

from ..common.forms import form_errors_to
from .access import staff_agency_or_404


class LetterTextsForm(forms.Form):
    """One textarea per editable text of the kind, and the reason of the change (not needed for a preview)."""

    def __init__(self, *args, kind: str, preview: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        spec = KINDS[kind]
        for text in spec.texts:
            required = bool(text.required_phrases or text.required_placeholders)
            self.fields[text.key] = forms.CharField(
                label=LABELS[text.key],
                required=required,
                strip=False,
                max_length=TEXT_MAX_LENGTH,
                help_text=text.help,
                widget=forms.Textarea(attrs={"rows": 8 if text.key == "rights" else 4}),
                error_messages={"required": _("Teks ini wajib diisi: isinya diwajibkan undang-undang.")},
            )
        self.fields["reason"] = forms.CharField(
            label=gettext_lazy("Alasan perubahan"),
            required=not preview,
            max_length=REASON_MAX_LENGTH,
            help_text=gettext_lazy("Dicatat dalam riwayat versi dan jejak audit."),
            error_messages={"required": _("Tuliskan alasan perubahan.")},
        )
        self.kind = kind

    def clean(self):
        # Every text's problems at once (the service checks again): a required text left empty is not the
        # only thing said when another text has an unknown placeholder.
        data = super().clean()
        texts = {key: str(self.data.get(key, "")) for key in KINDS[self.kind].keys}
        try:
            clean_texts(self.kind, texts)
        except ValidationError as exc:
            for key, problems in exc.message_dict.items():
                if key in self.fields and key not in self.errors:
                    self.add_error(key, problems)
        return data


def _kind_or_404(kind: str) -> str:
    if kind not in LetterKind.values:
        raise Http404
    return kind


@login_required
def letter_template_list(request, agency: str):
    agency_obj = staff_agency_or_404(request, agency)
    rows = []
    for kind, label in LetterKind.choices:
        version = current_template(agency_obj, kind)
        rows.append({"kind": kind, "label": label, "version": version})
    return render(
        request,
        "frontend/letter_templates.html",
        {"agency": agency_obj, "rows": rows, "is_admin": administers(request.user, agency_obj)},
    )


@login_required
def letter_template_edit(request, agency: str, kind: str):
    agency_obj = staff_agency_or_404(request, agency)
    kind = _kind_or_404(kind)
    is_admin = administers(request.user, agency_obj)
    if request.method == "POST" and not is_admin:
        raise PermissionDenied
    preview = request.method == "POST" and "pratinjau" in request.POST
    form = LetterTextsForm(
        request.POST if request.method == "POST" else None,
        kind=kind,
        preview=preview,
        initial=template_texts_in_force(agency_obj, kind),
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            texts = {key: form.cleaned_data[key] for key in KINDS[kind].keys}
            try:
                if preview:
                    return _pdf(
                        render_template_preview(
                            agency=agency_obj, kind=kind, texts=texts, actor=request.user
                        ),
                        kind,
                    )
                saved = letter_template_save(
                    agency=agency_obj,
                    kind=kind,
                    texts=texts,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                form_errors_to(form, exc)
            else:
                messages.success(
                    request,
                    _("Teks %(kind)s tersimpan sebagai versi %(version)d; surat berikutnya memakainya.")
                    % {"kind": LetterKind(kind).label, "version": saved.version},
                )
                return redirect("frontend:letter_template_edit", agency=agency_obj.slug, kind=kind)
    spec = KINDS[kind]
    versions = template_versions(agency_obj, kind)
    history = []
    for i, version in enumerate(versions):
        before = versions[i + 1].texts if i + 1 < len(versions) else default_texts(kind)
        history.append(
            {
                "version": version,
                "texts": [
                    {
                        "label": LABELS[key],
                        "text": version.texts.get(key, ""),
                        "changed": version.texts.get(key, "") != before.get(key, ""),
                    }
                    for key in spec.keys
                ],
            }
        )
    response = render(
        request,
        "frontend/letter_template_edit.html",
        {
            "agency": agency_obj,
            "kind": kind,
            "kind_label": LetterKind(kind).label,
            "form": form,
            "is_admin": is_admin,
            "placeholders": [(f"{{{name}}}", label) for name, label in spec.placeholders.items()],
            "requirements": [
                {
                    "label": LABELS[text.key],
                    "phrases": text.required_phrases,
                    "placeholders": [f"{{{name}}}" for name in text.required_placeholders],
                }
                for text in spec.texts
                if text.required_phrases or text.required_placeholders
            ],
            "current": versions[0] if versions else None,
            "history": history,
            "defaults": [{"label": LABELS[k], "text": v} for k, v in default_texts(kind).items()],
        },
        status=status,
    )
    return response


def _pdf(pdf: bytes, kind: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"pratinjau-{kind.replace('_', '-')}.pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
