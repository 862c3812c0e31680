"""Request body parsers whose errors speak the caller's language. DRF's own put Python's English message into
the answer ("JSON parse error - Expecting value ..."), and a JSON document nested deeper than Python's
recursion limit escaped as a RecursionError, a 500."""

import codecs
import json

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.settings import api_settings
from rest_framework.utils import json as drf_json


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        try:
            decoded = codecs.getreader(encoding)(stream)
            parse_constant = drf_json.strict_constant if api_settings.STRICT_JSON else None
            return drf_json.load(decoded, parse_constant=parse_constant)
        except json.JSONDecodeError as exc:
            raise ParseError(
                _("Isi permintaan bukan JSON yang sah (baris %(line)d, kolom %(column)d).")
                % {"line": exc.lineno, "column": exc.colno}
            ) from exc
        except RecursionError as exc:
            raise ParseError(_("Isi permintaan JSON bersarang terlalu dalam.")) from exc
        except ValueError as exc:  # not decodable in the declared encoding, or a bare NaN
            raise ParseError(_("Isi permintaan bukan JSON yang sah.")) from exc


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except ParseError as exc:
            raise ParseError(_("Isi formulir multipart tidak dapat dibaca.")) from exc
