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


# --- Issued letters on the case pages (issue 17): the "Surat" list and the SRIKANDI package -------------------
def issued_letter_rows(
    user, case, pdf_urls: dict[str, str], package_url: Callable[[object], str]
) -> list[dict]:
    """The case's issued letters, oldest first, for whoever sees the case: kind, number, date, signed or not,
    the verification link, the PDF (`pdf_urls` by kind: the case page's download, which gives each viewer the
    original or the copy the contact rule allows) and, for the staff who see the case as staff, the SRIKANDI
    package."""
    from letters.services import letters_of
    from letters.srikandi import may_download_package

    rows = []
    letters = letters_of(case)
    staff = bool(letters) and may_download_package(user, letters[0])
    for letter in letters:
        rows.append(
            {
                "letter": letter,
                "kind_label": letter.get_kind_display(),
                "pdf_url": pdf_urls.get(letter.kind, ""),
                "verification_url": letter.get_verification_url(),
                "package": staff,
                "package_url": package_url(letter) if staff else "",
            }
        )
    return rows


def package_response(request, case, letter_pk: int) -> HttpResponse:
    """The SRIKANDI package of one of `case`'s letters, for the staff who see it as staff; 404 for anyone else."""
    from letters.models import IssuedLetter
    from letters.srikandi import letter_package_download

    try:
        data, name = letter_package_download(letter_id=letter_pk, viewer=request.user, case=case)
    except IssuedLetter.DoesNotExist as exc:
        raise Http404 from exc
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
