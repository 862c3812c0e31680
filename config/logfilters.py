"""A logging filter that blanks websocket credentials (`token=` and `ticket=` values in a query string, the
`token.`/`ticket.` subprotocols) before a record leaves the process: daphne's runserver logs every path."""

import logging
import re

_QUERY_SECRET = re.compile(r"(?i)(?<![\w-])(token|ticket)=[^&\s\"';,\]]+")
_SUBPROTOCOL_SECRET = re.compile(r"(?<![\w.-])(token|ticket)\.[\w-]{8,}")


def redact_secrets(text: str) -> str:
    return _SUBPROTOCOL_SECRET.sub(r"\1.[disamarkan]", _QUERY_SECRET.sub(r"\1=[disamarkan]", text))


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not stop logging
            return True
        redacted = redact_secrets(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True
