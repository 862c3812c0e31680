"""A logging filter that blanks anything shaped like a NIK before a record leaves the process.

A NIK is 16 digits standing alone: written whole (3273015505900001) or in groups of two or more digits split by
one kind of separator, the way people type it (3273 0155 0590 0001, 32.73.01.550590.0001, 327301-550590-0001).
Other numbers pass untouched: a decimal (0.0252807650000477, one dot or a comma), a longer or shorter digit
run, thousands groups (1.234.567.890.123.456), digits glued to letters (ids, hashes, "16s")."""

import logging
import re

# A run of digit groups joined by single separators; which part of it, if any, is a NIK is decided below.
_CHAIN = re.compile(r"\d+(?:[ .,\-]\d+)*")
_REDACTED = "[NIK disamarkan]"
_MAX_GROUPS = 5  # PP.KK.CC.DDMMYY.SSSS


def _is_nik(groups: list[str], seps: list[str], i: int, j: int, glued_left: bool, glued_right: bool) -> bool:
    """Whether groups i..j of a chain are a NIK standing alone. Only a space may separate it from the
    neighbouring groups of the chain: after a dot, comma or dash it is part of a longer number."""
    last = len(groups) - 1
    left_alone = (i == 0 and not glued_left) or (i > 0 and seps[i - 1] == " ")
    right_alone = (j == last and not glued_right) or (j < last and seps[j] == " ")
    if not (left_alone and right_alone):
        return False
    window = groups[i : j + 1]
    if len(window) == 1:
        return len(window[0]) == 16
    inner = set(seps[i:j])
    if len(inner) != 1 or "," in inner or ("." in inner and len(window) < 3):
        return False  # mixed separators, a decimal comma, or a single decimal point
    return all(len(group) >= 2 for group in window) and sum(map(len, window)) == 16


def _redact_chain(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    parts = re.split(r"([ .,\-])", match.group(0))
    groups, seps = parts[0::2], parts[1::2]
    glued_left = start > 0 and text[start - 1].isalnum()
    glued_right = end < len(text) and text[end].isalnum()
    out: list[str] = []
    i, last = 0, len(groups) - 1
    while i <= last:
        for j in range(i, min(i + _MAX_GROUPS, last + 1)):
            if _is_nik(groups, seps, i, j, glued_left, glued_right):
                out.append(_REDACTED)
                break
        else:
            j = i
            out.append(groups[i])
        if j < last:
            out.append(seps[j])
        i = j + 1
    return "".join(out)


def redact(text: str) -> str:
    return _CHAIN.sub(_redact_chain, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message through `redact` (a subclass names its own)."""

    redact = staticmethod(redact)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not stop logging
            return True
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class RedactPersonalDataFilter(RedactingFilter):
    redact = staticmethod(redact)
