"""Approval before issue over the API (issue 16 point 5): the request output's `approval_state` and, for the staff
who see the request as staff, its `draft`; `respond` and `extend` answer 202 when an officer's letter waits for the
unit head; `POST .../transitions/approve/` and `.../transitions/return/` `{"reason"}` decide it. The rules are
`ppid.approval`'s."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agencies.selectors import is_staff_of
from ppid.approval import approval_state_of
from ppid.models import DraftKind, DraftState, ResponseDraft
from ppid.rules import is_unit_head

# The drafts of a request, newest first, as `RequestOut` reads them (`with_drafts`).
_ATTR = "drafts_newest_first"


def with_drafts(qs: QuerySet[Any]) -> QuerySet[Any]:
    """One query for the drafts of a page of requests, whatever its size."""
    return qs.prefetch_related(
        Prefetch(
            "drafts",
            queryset=ResponseDraft.objects.select_related("drafted_by", "decided_by")
            .prefetch_related("files")
            .order_by("-drafted_at", "-id"),
            to_attr=_ATTR,
        )
    )


def latest_draft_for(obj: Any) -> ResponseDraft | None:
    drafts = getattr(obj, _ATTR, None)
    if drafts is None:  # not prefetched (a single case): ask
        return (
            ResponseDraft.objects.filter(request=obj)
            .select_related("drafted_by", "decided_by")
            .order_by("-drafted_at", "-id")
            .first()
        )
    return drafts[0] if drafts else None


def drafts_visible(obj: Any, user: Any) -> bool:
    """Staff of the agency who see the request as staff (never its requester): `ppid.approval.may_see_drafts`
    for a request the caller already sees, without a query per row."""
    if not getattr(user, "is_authenticated", False) or obj.requester_id == user.pk:
        return False
    return bool(user.is_superuser or is_staff_of(user, obj.agency))


def approval_state(obj: Any, user: Any) -> str | None:
    if not drafts_visible(obj, user):
        return None
    return approval_state_of(obj, latest_draft_for(obj))


def decisions_open_to(obj: Any, user: Any) -> list[str]:
    """`approve` and `return` for the unit head while a draft waits (listed with the transitions)."""
    if approval_state(obj, user) == "pending" and is_unit_head(obj, user):
        return ["approve", "return"]
    return []


class PersonOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class DraftOut(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DraftKind.choices)
    kind_label = serializers.CharField()
    state = serializers.ChoiceField(choices=DraftState.choices)
    drafted_by = PersonOut()
    drafted_at = serializers.DateTimeField()
    summary = serializers.DictField(
        help_text="respond: decision, decision_label, exemption_grounds, provided_information; extend: reason."
    )
    files = serializers.ListField(child=serializers.CharField(), help_text="The staged files' names.")
    decided_by = PersonOut(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    return_reason = serializers.CharField(help_text="Why the head returned it; empty while it waits.")


def _person(user: Any) -> dict[str, Any] | None:
    return None if user is None else {"id": user.pk, "name": user.get_full_name() or user.username}


def summary_of(draft: ResponseDraft) -> dict[str, Any]:
    from ppid.models import Decision

    payload = draft.payload
    if draft.kind == DraftKind.EXTEND:
        return {"reason": payload.get("reason", "")}
    return {
        "decision": payload.get("decision", ""),
        "decision_label": str(dict(Decision.choices).get(payload.get("decision"), "")),
        "exemption_grounds": payload.get("exemption_grounds") or [],
        "provided_information": payload.get("provided_information") or "",
    }


@extend_schema_field(
    DraftOut(
        allow_null=True,
        help_text="For the staff who see the request as staff: the draft letter waiting for the unit head, or the "
        "one last returned to its drafter (approval_state pending or returned); null otherwise, and always null "
        "for the requester.",
    )
)
class DraftField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> dict[str, Any] | None:
        if approval_state(value, self.context["request"].user) is None:
            return None
        draft = latest_draft_for(value)
        if draft is None:
            return None
        return {
            "kind": draft.kind,
            "kind_label": draft.get_kind_display(),
            "state": draft.state,
            "drafted_by": _person(draft.drafted_by),
            "drafted_at": serializers.DateTimeField().to_representation(draft.drafted_at),
            "summary": summary_of(draft),
            "files": [f.original_name for f in draft.files.all()],
            "decided_by": _person(draft.decided_by),
            "decided_at": serializers.DateTimeField().to_representation(draft.decided_at)
            if draft.decided_at
            else None,
            "return_reason": draft.return_reason,
        }


@extend_schema_field(
    serializers.ChoiceField(
        choices=[(c, DraftState(c).label) for c in (DraftState.PENDING, DraftState.RETURNED)],
        allow_null=True,
        help_text='"pending" while a draft letter waits for the unit head (approval before issue), "returned" '
        "while the last one came back to its officer and nothing was issued since; null otherwise, and always "
        "null for the requester.",
    )
)
class ApprovalStateField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> str | None:
        return approval_state(value, self.context["request"].user)


class ReturnIn(serializers.Serializer):
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text="Required: why the draft goes back to its officer (staff only).",
    )
