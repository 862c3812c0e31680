"""The public service standards of an agency: the latest published version only (drafts and an agency with
none answer 404), the maklumat, its large-print page and its audio."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from agencies.models import Agency
from standards.audio import audio_available, maklumat_audio
from standards.models import StandardVersion
from standards.selectors import (
    cuti_bersama_rule,
    fee_display,
    latest_version,
    maklumat_deadlines,
    public_file,
    signed_on_display,
    sop_label,
)


def _published(slug: str) -> tuple[Agency, StandardVersion]:
    agency = get_object_or_404(Agency, slug=slug, is_active=True)
    version = latest_version(agency)
    if version is None:
        raise Http404
    return agency, version


def _context(agency: Agency, version: StandardVersion) -> dict[str, Any]:
    content = version.content
    file_url = lambda file_id: reverse("frontend:standard_file", args=[agency.slug, file_id])  # noqa: E731
    return {
        "agency": agency,
        "version": version,
        "c": content,
        "deadlines": maklumat_deadlines(agency),
        "cuti_bersama": cuti_bersama_rule(agency),
        "signed_on": signed_on_display(content),
        "fees": [{**fee, "display": fee_display(fee["amount"])} for fee in content.get("fees", [])],
        "sops": [
            {**sop, "label": sop_label(sop["kind"]), "url": file_url(sop["file_id"])}
            for sop in content.get("sops", [])
        ],
        "channels": [
            line.strip() for line in content.get("online_channels", "").splitlines() if line.strip()
        ],
        "structure_chart_url": file_url(content["structure_chart_id"])
        if content.get("structure_chart_id")
        else "",
        "ppid_sk_url": file_url(content["ppid_sk_file_id"]) if content.get("ppid_sk_file_id") else "",
        "audio_available": audio_available(),
    }


@require_GET
def standard_page(request, agency: str):
    path_agency, version = _published(agency)
    return render(request, "frontend/standards/standard.html", _context(path_agency, version))


@require_GET
def maklumat_page(request, agency: str):
    path_agency, version = _published(agency)
    return render(request, "frontend/standards/maklumat.html", _context(path_agency, version))


@require_GET
def maklumat_large_print(request, agency: str):
    path_agency, version = _published(agency)
    return render(request, "frontend/standards/maklumat_large.html", _context(path_agency, version))


@require_GET
def maklumat_audio_page(request, agency: str):
    path_agency, version = _published(agency)
    return render(request, "frontend/standards/maklumat_audio.html", _context(path_agency, version))


@require_GET
def maklumat_audio_file(request, agency: str):
    """The WAV, made on first request of the version (and again when the settings change its text)."""
    _agency, version = _published(agency)
    with_audio = maklumat_audio(version)
    if with_audio is None:
        raise Http404
    response = FileResponse(with_audio.audio.open("rb"), content_type="audio/wav")
    response["Content-Disposition"] = 'inline; filename="maklumat.wav"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def standard_file(request, agency: str, file_id: int):
    """An SOP, the structure chart or the PPID's SK of the published version; anything else 404."""
    path_agency = get_object_or_404(Agency, slug=agency, is_active=True)
    row = public_file(path_agency, file_id)
    if row is None:
        raise Http404
    try:
        handle = row.file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=False, filename=row.name, content_type=row.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
