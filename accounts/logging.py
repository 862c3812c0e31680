"""A logging filter that blanks anything shaped like a NIK before a record leaves the process."""

import logging
import re

# 16 digits standing alone (optionally grouped by spaces, dots or dashes) look like a NIK.
_NIK_LIKE = re.compile(r"(?<!\d)(?:\d[\s.\-]?){15}\d(?!\d)")


def redact(text: str) -> str:
    return _NIK_LIKE.sub("[NIK disamarkan]", text)


class RedactPersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not stop logging
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True
