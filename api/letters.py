"""Public letter verification (issue 17 point 5): `GET /api/v1/letters/verify/<code>/` says what letter a
verification code belongs to; `POST` a PDF (the raw `application/pdf` body, or a multipart field `file`) and it
answers whether the PDF is byte-identical to the issued one. No authentication; anonymous throttles, and a
scope of its own (`letter_verify`) on the comparisons. The answer carries no personal data of the requester."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import parsers, serializers
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from letters import verification
from letters.kinds import LetterKind
from letters.services import letter_by_code

from .parsers import MultiPartParser


class LetterNotFound(Exception):
    """No letter has this code (or it is forged)."""


class PdfParser(parsers.BaseParser):
    """A raw PDF body, read up to the verification size limit (a larger body is refused, not read on)."""

    media_type = "application/pdf"

    def parse(self, stream, media_type=None, parser_context=None):
        limit = verification.max_bytes()
        data = stream.read(limit + 1) if stream is not None else b""
        if len(data) > limit:
            raise ParseError(verification.too_large_message())
        return data


class LetterUnitOut(serializers.Serializer):
    name = serializers.CharField(help_text="The issuing unit as the letter names it.")
    agency = serializers.CharField(help_text="The public body (badan publik) the unit belongs to.")


class LetterSignatoryOut(serializers.Serializer):
    title = serializers.CharField(help_text="The signing position, with `Plt.` for an acting official.")
    name = serializers.CharField(help_text="The official who signs (empty when no one holds the position).")


class LetterVerificationOut(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LetterKind.choices)
    number = serializers.CharField(help_text="The letter number (nomor surat).")
    issued_at = serializers.DateTimeField()
    unit = LetterUnitOut()
    signatory = LetterSignatoryOut()
    sha256 = serializers.CharField(help_text="SHA-256 of the issued PDF, hexadecimal.")
    signed = serializers.BooleanField(help_text="Whether the PDF carries an electronic signature (PAdES).")


_code = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The verification code printed on the letter.",
)
_upload = inline_serializer("LetterVerifyUpload", {"file": serializers.FileField(help_text="The PDF.")})
_match = inline_serializer(
    "LetterMatch",
    {"match": serializers.BooleanField(help_text="The PDF is byte-identical to the issued one.")},
)


class LetterVerifyView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    parser_classes = [PdfParser, MultiPartParser]

    def get_throttles(self):
        self.throttle_scope = "letter_verify" if self.request.method == "POST" else None
        return super().get_throttles()

    def _letter(self, code: str):
        letter = letter_by_code(code)
        if letter is None:
            raise LetterNotFound
        return letter

    def handle_exception(self, exc):
        if isinstance(exc, LetterNotFound):
            return Response({"code": "not_found", "detail": _("Surat tidak ditemukan.")}, status=404)
        return super().handle_exception(exc)

    @extend_schema(
        operation_id="letters_verify_retrieve",
        parameters=[_code],
        responses=LetterVerificationOut,
        description="What letter a verification code belongs to: kind, number, date, issuing unit, signatory, "
        "the SHA-256 of the issued PDF and whether it is electronically signed. Public; unknown codes 404. "
        "No personal data of the requester.",
    )
    def get(self, request, code: str):
        return Response(LetterVerificationOut(verification.public_summary(self._letter(code))).data)

    @extend_schema(
        operation_id="letters_verify_create",
        parameters=[_code],
        request={"application/pdf": OpenApiTypes.BINARY, "multipart/form-data": _upload},
        responses=_match,
        description="Whether a PDF is byte-identical to the issued letter: send the PDF as the raw "
        "`application/pdf` body or as the multipart field `file`. A body that is not a PDF is a 400. "
        "Public, throttled per client address (`letter_verify`).",
    )
    def post(self, request, code: str):
        letter = self._letter(code)
        data = request.data
        if isinstance(data, bytes):
            stream, size = io.BytesIO(data), len(data)
        else:
            upload = request.FILES.get("file")
            if upload is None or not hasattr(upload, "read"):
                raise ValidationError({"file": [_("Kirim berkas PDF surat di bidang file.")]})
            stream, size = upload, upload.size
        try:
            match = verification.matches(letter, stream, size=size)
        except verification.UploadRefused as exc:
            field = "file" if not isinstance(data, bytes) else "non_field_errors"
            raise ValidationError({field: [str(exc)]}) from None
        return Response({"match": match})
