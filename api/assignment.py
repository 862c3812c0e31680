"""Assignment over the API (issue 16 point 2): `POST .../{id}/assign/` `{"officer": <user id> | null}`, the
`assigned_to` of every case, and the lists' `assigned_to=me|none|<id>` filter. The service decides whether a call
is a claim (an officer naming themselves) or an assignment (the unit head)."""

from collections.abc import Callable

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from agencies.selectors import is_staff_of, memberships_of
from ppid.assignment import check_may_assign

from .filters import AssignedFilter, query


class AssigneeOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="The officer's full name, or the username without one.")


@extend_schema_field(
    AssigneeOut(
        allow_null=True,
        help_text="The officer who works on the case; null while nobody does, and always null for callers who "
        "are not staff of the agency (a requester or reporter never learns staff names).",
    )
)
class AssignedToField(serializers.Field):
    """Needs `assigned_to` selected with the case (`select_related`), or each row costs a query."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        user = self.context["request"].user
        if value.assigned_to_id is None or not (user.is_superuser or is_staff_of(user, value.agency)):
            return None
        officer = value.assigned_to
        return {"id": officer.pk, "name": officer.get_full_name() or officer.username}


class AssignIn(serializers.Serializer):
    officer = serializers.IntegerField(
        allow_null=True,
        min_value=1,
        help_text="The officer's user id: your own to claim an unassigned case; another's (unit head only) to "
        "assign it; null (unit head only) to leave it unassigned.",
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text="Required to move a case away from its current officer (reassigning or releasing it). Staff only.",
    )


def assign_action(run: Callable, out, errors: dict) -> Callable:
    """The `assign` endpoint of a case viewset; `run(pk, user, officer_id, reason)` calls the app's service."""

    @extend_schema(
        request=AssignIn,
        responses={
            200: out,
            204: OpenApiResponse(description="Done; the case left the caller's reach"),
            **errors,
        },
        summary="Assign, claim or release the case",
        description="An officer of the case's unit or of the PPID Utama claims an unassigned case by naming "
        "themselves; the unit head (role `ppid`, of the case's unit or of the PPID Utama) assigns it to any "
        "officer who may handle it, or releases it with `null`. Reassigning or releasing an assigned case needs a "
        "`reason`. Audited; the new and the former officer are notified. The caller's permission (403) and the "
        "case's state (409) are checked as the payload (400) is; 404 for a case the caller cannot see.",
    )
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        obj = self.get_object()
        check_may_assign(obj, request.user)
        data = AssignIn(data=request.data)
        data.is_valid(raise_exception=True)
        run(obj.pk, request.user, data.validated_data["officer"], data.validated_data["reason"])
        result = self.get_queryset().filter(pk=obj.pk).first()
        if result is None:
            return Response(status=204)
        return Response(self.get_serializer(result).data)

    return assign


class AssignedFilterMixin:
    """Applies `assigned_to=me|none|<id>` to a staff list; others' lists are their own cases and ignore it."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        user = self.request.user
        staff = user.is_superuser or bool(memberships_of(user))
        if self.action != "list" or not staff:
            return queryset
        value = query(AssignedFilter, self.request.query_params).get("assigned_to")
        if value == "none":
            return queryset.filter(assigned_to__isnull=True)
        if value == "me":
            return queryset.filter(assigned_to=user)
        if value:
            return queryset.filter(assigned_to_id=int(value))
        return queryset
