"""The PDF letters of the case pages: their file names, and the answer to "preview the letter"."""

import re
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

from ppid.errors import InvalidTransition, NotFound

from .forms import error_lines, form_errors_to


def pdf_filename(stem: str, number: str) -> str:
    """`<stem>-<registration number>.pdf`, with the number's separators turned into dashes."""
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", number).strip("-") or "permohonan"
    return f"{stem}-{cleaned}.pdf"


def letter_preview(request, form, make: Callable[[], tuple[bytes, str]], case, back_url: str) -> HttpResponse:
    """Answer a "preview the letter" press: the PDF as it would be issued, marked as a preview, shown in the
    browser (the form stays filled in the page it came from); or a short page saying what must be fixed.
    Nothing is saved either way (ppid.previews)."""
    status, errors = 400, []
    if form.is_valid():
        try:
            pdf, stem = make()
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            status, errors = 409, [exc.message]
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = content_disposition_header(
                as_attachment=False, filename=pdf_filename(f"pratinjau-{stem}", case.registration_number)
            )
            response["X-Content-Type-Options"] = "nosniff"
            patch_cache_control(response, private=True, no_store=True)
            return response
    errors += error_lines(form)
    result = render(
        request,
        "frontend/letter_preview_error.html",
        {"case": case, "errors": errors, "back_url": back_url},
        status=status,
    )
    patch_cache_control(result, private=True, no_store=True)
    return result
