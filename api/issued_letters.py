"""Issued letters over the API (issue 17, API contract): the `letters` of request, objection and complaint
outputs, `{"kind", "number", "issued_at", "signed", "sha256", "verification_url", "pdf_url"}`, read in one query
for a case or for a whole page of cases; and `GET /api/v1/letters/{id}/pdf/`, the letter for whoever sees its
case, by the same contact rule as the case pages (`ppid.letters`): the stored original, byte for byte, to those
who may see the requester's contacts, a copy marked SALINAN with them left out to the others."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated

from letters.kinds import LetterKind
from letters.models import IssuedLetter
from letters.services import letter_file_name, letter_of, letter_pdf
from ppid import rules as ppid_rules
from ppid.models import InformationRequest, Objection
from ppid.selectors import objections_visible_to, requests_visible_to

_ATTR = "_issued_letters"


def _letters_by_case(objs: list[Any]) -> None:
    """One query for the letters of a list of cases of one model."""
    if not objs:
        return
    content_type = ContentType.objects.get_for_model(type(objs[0]))
    found: dict[int, list[IssuedLetter]] = defaultdict(list)
    letters = IssuedLetter.objects.filter(
        content_type=content_type, object_id__in=[o.pk for o in objs]
    ).order_by("issued_at", "pk")
    for letter in letters:
        found[letter.object_id].append(letter)
    for obj in objs:
        setattr(obj, _ATTR, found.get(obj.pk, []))


class WithLettersList(serializers.ListSerializer):
    """A page of cases reads its letters in one query."""

    def to_representation(self, data):
        items = list(data.all() if isinstance(data, models.manager.BaseManager) else data)
        _letters_by_case(items)
        return super().to_representation(items)


class LetterOut(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LetterKind.choices)
    number = serializers.CharField(help_text="The nomor surat, from the issuing unit's series.")
    issued_at = serializers.DateTimeField()
    signed = serializers.BooleanField(
        help_text="Signed electronically (PAdES); false for an unsigned deployment, and until the PDF is rendered "
        "(by the worker within about a minute of issue, or at the first PDF download)."
    )
    sha256 = serializers.CharField(
        help_text="SHA-256 of the issued PDF; empty until it is rendered (the PDF download renders it)."
    )
    verification_url = serializers.CharField(
        help_text="The public verification page the letter's QR code opens."
    )
    pdf_url = serializers.CharField(
        help_text="The letter's PDF for the caller: the original, or a SALINAN copy without the requester's "
        "contacts for those who may not see them."
    )


def letter_out(letter: IssuedLetter) -> dict[str, Any]:
    return {
        "kind": letter.kind,
        "number": letter.number,
        "issued_at": serializers.DateTimeField().to_representation(letter.issued_at),
        "signed": letter.signed,
        "sha256": letter.sha256,
        "verification_url": letter.absolute_verification_url,
        "pdf_url": reverse("api:letter-pdf", args=[letter.pk]),
    }


@extend_schema_field(
    LetterOut(many=True, help_text="The official letters issued on this case, oldest first; [] when none.")
)
class LettersField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> list[dict[str, Any]]:
        if not hasattr(value, _ATTR):  # a single case: its own query
            _letters_by_case([value])
        return [letter_out(letter) for letter in getattr(value, _ATTR)]


# --- the PDF ------------------------------------------------------------------------------------------------
def _renderer(kind: str):
    from ppid import letters  # WeasyPrint only when a letter is asked for

    return {
        LetterKind.RECEIPT: letters.render_receipt,
        LetterKind.EXTENSION: letters.render_extension_letter,
        LetterKind.NOTICE: letters.render_notice,
        LetterKind.OBJECTION_RECEIPT: letters.render_objection_receipt,
        LetterKind.OBJECTION_DECISION: letters.render_objection_decision,
    }[kind]


def _visible_case(letter: IssuedLetter, user) -> InformationRequest | Objection | None:
    model = letter.content_type.model_class()
    if model is InformationRequest:
        return requests_visible_to(user).filter(pk=letter.object_id).first()
    if model is Objection:
        return objections_visible_to(user).filter(pk=letter.object_id).first()
    return None


@extend_schema(
    responses={
        (200, "application/pdf"): OpenApiResponse(
            response=OpenApiTypes.BINARY, description="The letter (PDF)"
        ),
        404: OpenApiResponse(description="No such letter, or its case is not the caller's to see."),
    },
    description="One issued letter as PDF, for whoever sees its case: the stored original, byte for byte (its "
    "SHA-256 is `letters[].sha256`), to the requester, the handling officers and the Atasan PPID; a copy marked "
    "SALINAN, with the requester's contacts left out and unsigned, to everyone else.",
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def letter_pdf_view(request, pk: int):
    letter = IssuedLetter.objects.select_related("content_type", "agency").filter(pk=pk).first()
    case = _visible_case(letter, request.user) if letter is not None else None
    if case is None:
        raise Http404
    identity = case if isinstance(case, InformationRequest) else case.identity
    newest = letter_of(case, letter.kind)
    if newest is not None and newest.pk == letter.pk:
        pdf = _renderer(letter.kind)(case, viewer=request.user)
    elif ppid_rules.may_see_requester_contact(identity, request.user):
        pdf = letter_pdf(letter)  # an earlier letter of the same kind: its original
    else:
        raise Http404
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=letter_file_name(letter)
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
