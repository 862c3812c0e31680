"""The action cards of the case pages (requests, objections, complaints): what each card says, where a refused
action's message goes, and the confirmation page before an irreversible withdrawal."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from ppid.errors import InvalidTransition, NotFound

from .forms import form_errors_to


@dataclass(frozen=True)
class Action:
    """One action a case page offers: its form, the card's title and button, the message once done."""

    form: type
    title: Any
    button: Any
    done: Any
    danger: bool = False
    multipart: bool = False
    # The transition issues a letter, which the officer may preview before issuing it.
    preview: bool = False


def place_action_error(actions: list[dict], bound: tuple[str, Any] | None, action_error: str) -> str:
    """Put a refused action's message in that action's card, above its button: the card's form posts to the
    card's anchor, so the browser opens the page there. Returns what is left for the top of the page (the card
    is gone when the case has moved on; the page then opens at its top)."""
    if action_error and bound:
        for action in actions:
            if action["name"] == bound[0]:
                action["error"] = action_error
                return ""
    return action_error


def confirm_withdrawal(request, *, case, form, run: Callable[[dict], Any], page: dict, status: int = 200):
    """The step before an irreversible withdrawal, one page that works without JavaScript: what withdrawing
    means, the optional reason, a confirming button and a way back. `run(cleaned_data)` calls the service on a
    confirmed POST; `page` holds the texts and URLs (title, consequences, button, back_url, back_label, done).
    A case that can no longer be withdrawn has nothing to confirm: a GET goes back to it."""
    if request.method != "POST" and "withdraw" not in {
        t.name for t in case.get_available_user_state_transitions(request.user)
    }:
        return redirect(page["back_url"])
    if request.method == "POST" and form.is_valid():
        try:
            run(form.cleaned_data)
        except NotFound as exc:
            raise Http404 from exc
        except InvalidTransition as exc:
            form.add_error(None, exc.message)
            status = 409
        except ValidationError as exc:
            form_errors_to(form, exc)
        else:
            messages.success(request, page["done"])
            return redirect(page["back_url"])
    result = render(
        request, "frontend/confirm_withdraw.html", {"case": case, "form": form, **page}, status=status
    )
    patch_cache_control(result, private=True, no_store=True)
    return result
