"""Filling the survey: once per case, by the case's own requester or reporter, anonymous by construction."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from agencies.errors import InvalidTransition, NotFound
from audit.services import audit_record

from . import events
from .models import ELEMENT_CODES, SUGGESTION_MAX_LENGTH, SurveyInvitation, SurveyResponse
from .selectors import case_period, surveyable_case

ALREADY_FILLED = gettext_lazy("Survei untuk perkara ini sudah diisi. Terima kasih.")


def clean_answers(answers: Mapping[str, object], suggestion: str) -> tuple[dict[str, int], str]:
    """The nine answers as 1-4 and the suggestion stripped, or ValidationError with each element's message."""
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, int] = {}
    for code in ELEMENT_CODES:
        raw = answers.get(code)
        try:
            value = int(str(raw))
        except (TypeError, ValueError):
            value = 0
        if value not in (1, 2, 3, 4):
            errors[code] = [_("Pilih salah satu dari empat jawaban.")]
        else:
            cleaned[code] = value
    text = " ".join((suggestion or "").split())
    if len(text) > SUGGESTION_MAX_LENGTH:
        errors["suggestion"] = [
            _("Saran paling banyak %(n)s karakter.") % {"n": SUGGESTION_MAX_LENGTH},
        ]
    if errors:
        raise ValidationError(errors)
    return cleaned, text


def survey_response_submit(
    *, user: User, kind: str, case_id: int, answers: Mapping[str, object], suggestion: str = ""
) -> None:
    """Record one anonymous response for a finished case and mark its invitation used, in one transaction."""
    case = surveyable_case(user, kind, case_id)
    if case is None:
        raise NotFound
    cleaned, text = clean_answers(answers, suggestion)
    agency, unit, year, semester = case_period(case)
    content_type = ContentType.objects.get_for_model(type(case))
    with transaction.atomic():
        invitation, _created = SurveyInvitation.objects.get_or_create(
            content_type=content_type, object_id=case.pk
        )
        invitation = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.used_at is not None:
            raise InvalidTransition(str(ALREADY_FILLED), state="used")
        SurveyResponse.objects.create(
            agency=agency,
            unit=unit,
            case_kind=kind,
            year=year,
            semester=semester,
            suggestion=text,
            **cleaned,
        )
        invitation.used_at = timezone.now()
        invitation.save(update_fields=["used_at"])
        # On the invitation, never on the response; no answers in the details.
        audit_record(actor=user, obj=invitation, action=events.SKM_SUBMITTED, agency=agency)
