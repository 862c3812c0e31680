"""The kinds of official letters, as agencies knows them: `letters` (below agencies in the import order, so
agencies never imports it) registers its kinds and their labels from `LettersConfig.ready`. The administrators'
classification codes per kind (`Agency.letter_classification_codes`) are checked against this list."""

from __future__ import annotations

from collections.abc import Iterable

_kinds: dict[str, object] = {}


def register_letter_kinds(choices: Iterable[tuple[str, object]]) -> None:
    """Make the kinds (code, label) known, in the order given."""
    for code, label in choices:
        _kinds[str(code)] = label


def letter_kinds() -> list[tuple[str, object]]:
    """The registered kinds as (code, label), in registration order."""
    return list(_kinds.items())
