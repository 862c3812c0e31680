"""The words for the action codes the trail stores. Each app declares its codes once, in its own `events.py`
(the constants its services pass to `audit_record`, with their page labels), and registers the labels here from
its `AppConfig.ready`, so pages and exports say every code in words without naming the apps that own them."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.functional import Promise

_labels: dict[str, Promise | str] = {}


def register_action_labels(labels: Mapping[str, Promise | str]) -> None:
    """An app's codes and their labels. A code registered twice must carry the same label object."""
    for code, label in labels.items():
        if _labels.get(code, label) is not label:
            raise ValueError(f"action code {code!r} is registered twice with different labels")
        _labels[code] = label


def action_label(code: str) -> str:
    """The label in the active language; an unknown code is shown as it is."""
    return str(_labels.get(code, code))


def registered_actions() -> frozenset[str]:
    return frozenset(_labels)
