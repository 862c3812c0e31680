"""Rendering an issued letter: the case app that owns a letter kind registers how its HTML is made
(`register_letter_renderer`); letters turns it into a PDF (WeasyPrint, which fetches nothing but data: URIs) and
gives every letter the same shared parts: the kop, the number block, the signature block, the QR code and the
verification line (`letter_context`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import segno
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .letterhead import prepared_by_line, printable_kop

if TYPE_CHECKING:
    from .models import IssuedLetter

# kind -> fn(letter, *, viewer, preview, signing) -> HTML string
Renderer = Callable[..., str]
_renderers: dict[str, Renderer] = {}


def register_letter_renderer(kind: str, renderer: Renderer) -> None:
    _renderers[kind] = renderer


def renderer_for(kind: str) -> Renderer:
    try:
        return _renderers[kind]
    except KeyError:
        raise LookupError(f"no letter renderer for {kind!r}") from None


def html_to_pdf(html: str) -> bytes:
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


def qr_data_uri(text: str) -> str:
    """The QR code of `text` as an SVG data URI: crisp at any size, no image library."""
    return segno.make(text, error="m").svg_data_uri(scale=4, border=0)


def letter_context(
    letter: IssuedLetter | None, *, preview: bool = False, signing: bool = False
) -> dict[str, object]:
    """What the shared base template prints of an issued letter. Without one (a letter issued before
    numbering, or a preview of one that would be issued) the base template falls back to the agency's kop."""
    if letter is None:
        return {"letter": None}
    return {
        "letter": letter,
        "kop": printable_kop(letter.letterhead, letter.unit),
        "signatory": letter.signatory,
        "verification_url": letter.absolute_verification_url,
        "qr": "" if preview else qr_data_uri(letter.absolute_verification_url),
        "signing": signing and not preview,
        "prepared_initials": prepared_by_line(letter.prepared_by)
        if letter.prepared_by_id and letter.prepared_by_id != letter.signatory.get("user_id")
        else "",
    }
