"""Every API error is JSON with a stable `code`, a readable `detail` in the caller's language and, for invalid
input, the `errors` per field. Domain errors map to HTTP: NotFound 404, PermissionDenied 403,
InvalidTransition 409, ValidationError 400."""

import logging
import math

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from ppid.errors import InvalidTransition, NotFound

logger = logging.getLogger(__name__)
# What a client is told to wait before retrying while the database is unreachable.
RETRY_AFTER_SECONDS = 30


def _field_errors(exc: DjangoValidationError) -> dict:
    if hasattr(exc, "error_dict"):
        return {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
    return {"non_field_errors": [str(m) for m in exc.messages]}


def is_database_unreachable(exc: BaseException | None) -> bool:
    """The database is down or the connection broke: a 503 the client may retry, not a bug (500). Integrity
    and data errors are DatabaseErrors too, and remain 500s."""
    return isinstance(exc, OperationalError | InterfaceError)


def database_unavailable_body() -> dict:
    return {
        "code": "service_unavailable",
        "detail": _("Layanan sementara tidak tersedia. Coba lagi sebentar lagi."),
    }


def exception_handler(exc, context):
    from axes.exceptions import AxesBackendPermissionDenied

    if is_database_unreachable(exc):
        logger.error("Database unreachable while answering %s", context["request"].path, exc_info=exc)
        return Response(
            database_unavailable_body(),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )

    if isinstance(exc, AxesBackendPermissionDenied):
        return Response(
            {"code": "locked_out", "detail": _("Terlalu banyak percobaan masuk. Coba lagi nanti.")},
            status=status.HTTP_429_TOO_MANY_REQUESTS,
        )
    if isinstance(exc, InvalidTransition):
        return Response(
            {"code": "invalid_transition", "detail": exc.message, "state": exc.state},
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, NotFound | Http404 | exceptions.NotFound):
        return Response(
            {"code": "not_found", "detail": _("Tidak ditemukan.")}, status=status.HTTP_404_NOT_FOUND
        )
    if isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF Failed"):
        # SessionAuthentication's message carries Django's English reason; keep the code, speak the language.
        return Response(
            {
                "code": "permission_denied",
                "detail": _(
                    "Pemeriksaan CSRF gagal: kirim token CSRF sesi Anda di header X-CSRFToken, "
                    "atau masuk dengan token API."
                ),
            },
            status=status.HTTP_403_FORBIDDEN,
        )
    if isinstance(exc, DjangoPermissionDenied):
        return Response(
            {"code": "permission_denied", "detail": str(exc) or _("Anda tidak berwenang.")},
            status=status.HTTP_403_FORBIDDEN,
        )
    if isinstance(exc, DjangoValidationError):
        return Response(
            {"code": "invalid", "detail": _("Data tidak valid."), "errors": _field_errors(exc)},
            status=status.HTTP_400_BAD_REQUEST,
        )
    response = drf_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"code": "invalid", "detail": _("Data tidak valid."), "errors": response.data}
    elif isinstance(exc, exceptions.Throttled):
        # DRF formats the wait into its English sentence before translating it, so no catalogue can.
        wait = math.ceil(exc.wait) if exc.wait is not None else None
        if wait:
            detail = ngettext(
                "Terlalu banyak permintaan. Coba lagi dalam %(wait)d detik.",
                "Terlalu banyak permintaan. Coba lagi dalam %(wait)d detik.",
                wait,
            ) % {"wait": wait}
        else:
            detail = _("Terlalu banyak permintaan. Coba lagi nanti.")
        response.data = {"code": "throttled", "detail": detail}
    else:
        codes = exc.get_codes() if hasattr(exc, "get_codes") else "error"
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else response.data
        response.data = {"code": codes if isinstance(codes, str) else "error", "detail": str(detail)}
    return response


def api_server_error(request, exc: BaseException | None) -> JsonResponse:
    """Anything the views did not handle (Django has logged it): JSON, never the HTML error page, and nothing
    of the exception in the answer."""
    with translation.override(translation.get_language_from_request(request)):
        if is_database_unreachable(exc):
            body = database_unavailable_body()
            return _json_error(503, body["code"], body["detail"], **{"Retry-After": str(RETRY_AFTER_SECONDS)})
        return _json_error(
            500, "server_error", _("Terjadi kesalahan di server. Kesalahan ini tercatat; coba lagi nanti.")
        )


def api_bad_request(request) -> JsonResponse:
    with translation.override(translation.get_language_from_request(request)):
        return _json_error(400, "bad_request", _("Permintaan tidak dapat diproses."))


def _json_error(status_code: int, code: str, detail: str, **headers) -> JsonResponse:
    response = JsonResponse({"code": code, "detail": detail}, status=status_code)
    for name, value in headers.items():
        response[name] = value
    return response


def api_not_found(request) -> JsonResponse:
    """A path under /api/ that no view serves: the same JSON error as an object that does not exist."""
    return _json_error(404, "not_found", _("Tidak ditemukan."))
