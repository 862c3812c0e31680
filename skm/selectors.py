"""Which finished case the survey is offered for, to whom, and whether it was filled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models

from accounts.models import User
from agencies.models import Agency, Unit
from complaints.models import Complaint, ComplaintState
from ppid.models import InformationRequest, Objection, ObjectionState, RequestState

from .models import CaseKind, SurveyInvitation

AnyCase = InformationRequest | Objection | Complaint


@dataclass(frozen=True)
class SurveyOffer:
    """The survey offered for one finished case to its own requester or reporter."""

    kind: str
    case_id: int
    filled: bool


def _finished(kind: str) -> tuple[type[models.Model], models.Q, str]:
    """The model of a case kind, the filter of its finished cases owned by a user (`owner`), its finish field."""
    if kind == CaseKind.REQUEST:
        return InformationRequest, models.Q(state=RequestState.COMPLETED), "completed_at"
    if kind == CaseKind.OBJECTION:
        return Objection, models.Q(state=ObjectionState.DECIDED), "decided_at"
    if kind == CaseKind.COMPLAINT:
        return Complaint, models.Q(state=ComplaintState.COMPLETED, unit__isnull=False), "completed_at"
    raise LookupError(kind)


def _owner_field(kind: str) -> str:
    return "reporter" if kind == CaseKind.COMPLAINT else "requester"


def kind_of(case: AnyCase) -> str:
    if isinstance(case, InformationRequest):
        return CaseKind.REQUEST
    if isinstance(case, Objection):
        return CaseKind.OBJECTION
    return CaseKind.COMPLAINT


def surveyable_case(user: User, kind: str, case_id: int) -> AnyCase | None:
    """The finished case of this kind and id if `user` is its own requester or reporter, else None."""
    if not user.is_authenticated or kind not in CaseKind.values:
        return None
    model, finished, _field = _finished(kind)
    case = (
        model._default_manager.filter(finished, pk=case_id, **{_owner_field(kind): user})
        .select_related("agency", "unit")
        .first()
    )
    return case  # type: ignore[return-value]


def case_period(case: AnyCase) -> tuple[Agency, Unit, int, int]:
    """The case's agency, unit and the semester (year, 1 or 2) of its completion in the agency's zone."""
    _model, _q, field = _finished(kind_of(case))
    finished: datetime | None = getattr(case, field)
    agency: Agency = case.agency
    unit: Unit | None = case.unit
    if unit is None:  # a complaint never routed to a unit: surveyable_case does not offer it
        raise LookupError("a finished case without a unit")
    local = (finished or datetime.now(tz=agency.tzinfo)).astimezone(agency.tzinfo)
    return agency, unit, local.year, 1 if local.month <= 6 else 2


def invitation_used(kind: str, case_id: int) -> bool:
    model, _q, _f = _finished(kind)
    return SurveyInvitation.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=case_id, used_at__isnull=False
    ).exists()


def survey_offer(case: AnyCase, user: User) -> SurveyOffer | None:
    """What the case page shows its requester or reporter once the case is finished; None for anyone else."""
    kind = kind_of(case)
    if surveyable_case(user, kind, case.pk) is None:
        return None
    return SurveyOffer(kind=kind, case_id=case.pk, filled=invitation_used(kind, case.pk))
