"""Internal notes on a case page (issue 16 point 3): the list and the form, for the staff who see the case as
staff (`casenotes.selectors.may_see_notes`); the requester or reporter never gets this part of the page. The
writing is `casenotes.services.note_add`; each case area's view posts to it through `post_note`."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from casenotes.selectors import may_see_notes, notes_for
from casenotes.services import note_add

from .forms import form_errors_to

ANCHOR = "catatan-h"


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Catatan internal baru"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.LONG_TEXT_MAX_CHARS,
        error_messages={"required": _("Tuliskan isi catatan internal.")},
        help_text=_(
            "Hanya staf yang menangani perkara ini yang dapat membacanya; pemohon tidak pernah melihatnya."
        ),
    )


def notes_context(user, case, form: NoteForm | None = None) -> dict | None:
    """The notes part of a case page, or None for anyone who may not see the notes."""
    if not may_see_notes(user, case):
        return None
    return {
        "notes": list(notes_for(case).select_related("author")),
        "form": form or NoteForm(prefix="catatan"),
    }


def post_note(request, case, *, detail_url: str, render_with_form: Callable[[NoteForm], HttpResponse]):
    """Add the posted note and go back to the case page; bad input re-renders the page with the text kept."""
    if not may_see_notes(request.user, case):
        raise Http404
    form = NoteForm(request.POST, prefix="catatan")
    if form.is_valid():
        try:
            note_add(case=case, author=request.user, text=form.cleaned_data["text"])
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, _("Catatan internal tersimpan."))
            return redirect(f"{detail_url}#{ANCHOR}")
    return render_with_form(form)
