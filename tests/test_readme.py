"""The README's "State of the work" tells a newcomer what is there: nothing built is announced as next."""

from pathlib import Path

import pytest
from django.urls import reverse

README = Path(__file__).resolve().parents[1] / "README.md"

# The words the README uses for a part of the web pages, and a page of that part (it resolves: it is built).
BUILT = {
    "statistics": ("frontend:stats", {}),
    "dashboard": ("frontend:dashboard", {}),
    "annual report": ("frontend:annual_report", {"agency": "x", "year": 2026}),
    "published": ("frontend:public_report", {"agency": "x", "year": 2026}),
    "staff and roles": ("frontend:staff", {"agency": "x"}),
    "holiday calendar": ("frontend:holidays", {}),
    "audit trail": ("frontend:audit", {"agency": "x"}),
    "password reset": ("frontend:password_reset", {}),
    "pdf letters": ("frontend:request_letter", {"pk": 1, "kind": "pemberitahuan"}),
}


def _state_of_the_work() -> tuple[str, str]:
    section = README.read_text().split("### State of the work", 1)[1].split("\n## ", 1)[0]
    done, _, upcoming = section.partition("\nNext:")
    return " ".join(done.lower().split()), " ".join(upcoming.lower().split())


@pytest.mark.parametrize("words", sorted(BUILT))
def test_what_is_built_is_listed_as_done_and_not_as_next(words):
    name, kwargs = BUILT[words]
    assert reverse(name, kwargs=kwargs)
    done, upcoming = _state_of_the_work()
    assert upcoming, "the section says what comes next"
    assert words in done
    assert words not in upcoming
