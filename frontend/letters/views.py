"""/verifikasi/<code>/: anyone who holds a letter checks it. The page says what letter the code belongs to (kind,
number, date, issuing unit, signatory, SHA-256, signed or not; never the requester's data) and whether an
uploaded PDF is byte-identical to the one issued (PDF only, up to LETTER_VERIFY_MAX_BYTES, compared and not
kept; the comparisons are rate-limited per client address). Unknown or forged codes get a plain "not found"."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from letters import verification
from letters.services import letter_by_code

from ..common import limits

TEMPLATE = "frontend/letters/verify.html"


class VerifyForm(forms.Form):
    pdf = forms.FileField(
        label=_("Berkas PDF surat yang Anda pegang"),
        help_text=_("Hanya berkas PDF, seperti yang Anda terima atau unduh."),
        error_messages={
            "required": _("Pilih berkas PDF surat yang akan diperiksa."),
            "empty": _("Berkas kosong. Unggah berkas PDF surat seperti yang Anda terima."),
            "invalid": _("Berkas tidak terkirim dengan benar. Coba unggah lagi."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, letter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.letter = letter
        self.match: bool | None = None

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        try:
            self.match = verification.matches(self.letter, upload, size=upload.size)
        except verification.UploadRefused as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload


@require_http_methods(["GET", "POST"])
def verify(request, code: str):
    letter = letter_by_code(code)
    if letter is None:
        return render(request, "frontend/letters/not_found.html", status=404)
    letter = verification.rendered(letter)
    context = {
        "letter": letter,
        "unit_name": verification.unit_name(letter),
        "signatory_title": verification.signatory_title(letter),
        "demo_certificate": bool(getattr(settings, "LETTER_SIGNING_DEMO", False)) and letter.signed,
        "max_mb": max(1, verification.max_bytes() // (1024 * 1024)),
        "match": None,
    }
    if request.method != "POST":
        return render(request, TEMPLATE, {**context, "form": VerifyForm(letter=letter)})
    if limits.over_limit(request, "letter_verify"):
        # Refused before the upload is read; the message stands above an empty form.
        context.update(form=VerifyForm(letter=letter), refused=limits.MESSAGE)
        return limits.refused(request, TEMPLATE, context)
    form = VerifyForm(request.POST, request.FILES, letter=letter)
    if not form.is_valid():
        return render(request, TEMPLATE, {**context, "form": form}, status=400)
    return render(request, TEMPLATE, {**context, "form": VerifyForm(letter=letter), "match": form.match})
