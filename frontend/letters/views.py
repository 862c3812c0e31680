"""/verifikasi/<code>/: anyone who holds a letter checks it. The page says what letter the code belongs to (kind,
number, date, issuing unit, signatory, SHA-256; never the requester's data) and whether an uploaded PDF is
byte-identical to the one issued. Unknown or forged codes get a plain "not found" page."""

from __future__ import annotations

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from letters.services import letter_by_code, letter_matches, letter_render

# A letter is a few hundred kilobytes; anything far larger is not one of ours.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class VerifyForm(forms.Form):
    pdf = forms.FileField(label=_("Berkas PDF surat yang Anda pegang"))

    def clean_pdf(self):
        f = self.cleaned_data["pdf"]
        if f.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar untuk sebuah surat (paling besar 20 MB)."))
        return f


@require_http_methods(["GET", "POST"])
def verify(request, code: str):
    letter = letter_by_code(code)
    if letter is None:
        return render(request, "frontend/letters/not_found.html", {"code": code[:32]}, status=404)
    if not letter.sha256:
        letter = letter_render(letter.pk)
    match = None
    form = VerifyForm()
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            match = letter_matches(letter, form.cleaned_data["pdf"].read())
    return render(
        request,
        "frontend/letters/verify.html",
        {"letter": letter, "form": form, "match": match},
        status=200 if request.method == "GET" or form.is_valid() else 400,
    )
