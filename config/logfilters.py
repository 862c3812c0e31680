"""A logging filter that blanks websocket credentials (`token=` and `ticket=` values in a query string, the
`token.`/`ticket.` subprotocols) before a record leaves the process: daphne's runserver logs every path."""

import re

from accounts.logging import RedactingFilter

_QUERY_SECRET = re.compile(r"(?i)(?<![\w-])(token|ticket)=[^&\s\"';,\]]+")
_SUBPROTOCOL_SECRET = re.compile(r"(?<![\w.-])(token|ticket)\.[\w-]{8,}")


def redact_secrets(text: str) -> str:
    return _SUBPROTOCOL_SECRET.sub(r"\1.[disamarkan]", _QUERY_SECRET.sub(r"\1=[disamarkan]", text))


class RedactSecretsFilter(RedactingFilter):
    redact = staticmethod(redact_secrets)
