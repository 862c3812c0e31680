"""Contributions across units over the API (issue 16 point 4): `GET|POST /api/v1/requests/{id}/contributions/`,
`GET /api/v1/contributions/?unit=&state=`, `GET /api/v1/contributions/{id}/` and
`POST /api/v1/contributions/{id}/transitions/{answer|decline}/`. Internal to the agency's staff: the requester,
anyone of another agency and any officer neither handling the request nor asked gets 404."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, Prefetch, Value, When
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ppid import services as ppid_services
from ppid.models import ContributionFile, ContributionState
from ppid.selectors import contributions_visible_to, requests_seen_as_staff

from .resources import ERRORS

DESCRIPTION = (
    "Contributions (permintaan bahan): the unit handling a request asks other units of the agency for material, "
    "each with instructions and an internal due date. Seen by the request's handling officers, the asked unit's "
    "officers and head, and the agency-wide roles (Atasan PPID, auditors, administrators: read only); never by "
    "the requester (404, as for anyone else outside), nor in the request's events, letters or notifications."
)


class PersonOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.SerializerMethodField()

    def get_name(self, user) -> str:
        return user.get_full_name() or user.username


class ContributionUnitOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    code = serializers.CharField()


class ContributionRequestOut(serializers.Serializer):
    id = serializers.IntegerField()
    registration_number = serializers.CharField()
    due_date = serializers.DateField(help_text="The request's statutory due date (pemberitahuan tertulis).")


class ContributionFileOut(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name")
    attached_to_response = serializers.SerializerMethodField(
        help_text="Copied into the request as a response file: the requester sees that copy."
    )

    class Meta:
        model = ContributionFile
        fields = ["id", "name", "content_type", "size", "uploaded_at", "attached_to_response"]

    def get_attached_to_response(self, obj) -> bool:
        return obj.attached_as_id is not None


class ContributionOut(serializers.Serializer):
    id = serializers.IntegerField()
    request = ContributionRequestOut()
    unit = ContributionUnitOut(help_text="The asked unit.")
    state = serializers.ChoiceField(choices=ContributionState.choices)
    instructions = serializers.CharField()
    due_date = serializers.DateField(help_text="The internal due date (never after the statutory one).")
    overdue = serializers.BooleanField(source="is_overdue", help_text="Still asked after its due date.")
    asked_by = PersonOut()
    asked_at = serializers.DateTimeField()
    message = serializers.CharField(help_text="The answer; empty until answered.")
    answered_by = PersonOut(allow_null=True)
    answered_at = serializers.DateTimeField(allow_null=True)
    answered_late = serializers.BooleanField(
        help_text="Answered after the end of the due date (agency zone)."
    )
    decline_reason = serializers.CharField()
    declined_by = PersonOut(allow_null=True)
    declined_at = serializers.DateTimeField(allow_null=True)
    files = ContributionFileOut(many=True)
    transitions = serializers.SerializerMethodField(help_text="What the caller may run now: answer, decline.")

    def get_transitions(self, obj) -> list[str]:
        user = self.context["request"].user
        return [t.name for t in obj.get_available_user_state_transitions(user)]


class ContributionAskIn(serializers.Serializer):
    unit = serializers.IntegerField(required=False, min_value=1, help_text="The unit asked (its id).")
    units = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        max_length=100,
        help_text="Several units at once; one contribution each.",
    )
    instructions = serializers.CharField(allow_blank=True, trim_whitespace=False)
    due_date = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Default: the statutory due date minus 3 working days, not before today. Never after the "
        "statutory due date, nor before today (400).",
    )


class ContributionMessageIn(serializers.Serializer):
    message = serializers.CharField(
        allow_blank=True, trim_whitespace=False, max_length=settings.LONG_TEXT_MAX_CHARS
    )
    files = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        help_text="answer only, multipart: PDF, PNG or JPEG files of the answer.",
    )


def _with_files(qs):
    return qs.select_related("answered_by", "declined_by").prefetch_related(
        Prefetch("files", queryset=ContributionFile.objects.order_by("uploaded_at", "id"))
    )


def _renamed(exc: ValidationError, renames: dict[str, str]) -> ValidationError:
    if not hasattr(exc, "error_dict"):
        return exc
    return ValidationError({renames.get(k, k): v for k, v in exc.message_dict.items()})


class RequestContributionsView(APIView):
    """`GET|POST /api/v1/requests/{id}/contributions/`."""

    # Anonymous callers get the same 404 as everyone else outside.
    permission_classes = [AllowAny]

    def _request(self, request, pk):
        obj = requests_seen_as_staff(request.user).filter(pk=pk).first()
        if obj is None:
            raise Http404
        return obj

    @extend_schema(
        responses={200: ContributionOut(many=True), 404: ERRORS[404]},
        summary="The contributions asked for this request",
        description=DESCRIPTION + " Oldest first.",
    )
    def get(self, request, pk):
        self._request(request, pk)
        rows = _with_files(contributions_visible_to(request.user).filter(request_id=pk)).order_by(
            "asked_at", "id"
        )
        return Response(ContributionOut(rows, many=True, context={"request": request}).data)

    @extend_schema(
        request=ContributionAskIn,
        responses={201: ContributionOut(many=True), **ERRORS},
        summary="Ask one or several units for material",
        description=DESCRIPTION
        + ' `{"unit": <id>}` or `{"units": [<id>, ...]}`, with `instructions` and an optional `due_date`. Only the '
        "request's handling officers (its unit's, the PPID Utama's) on an open request (403, 409); another unit of "
        "the same agency, not the request's own, without an unanswered ask (400). Answers 201 with the new "
        "contributions; the asked units' officers and heads are notified.",
    )
    def post(self, request, pk):
        info_request = self._request(request, pk)
        ppid_services.check_may_ask(info_request, request.user)
        data = ContributionAskIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        units = list(values.get("units") or [])
        if "unit" in values:
            units.insert(0, values["unit"])
        key = "units" if "units" in values else "unit"
        try:
            created = ppid_services.contribution_ask(
                request_id=info_request.pk,
                actor=request.user,
                units=units,
                instructions=values["instructions"],
                due_date=values["due_date"],
            )
        except ValidationError as exc:
            raise _renamed(exc, {"units": key}) from exc
        rows = _with_files(contributions_visible_to(request.user).filter(pk__in=[c.pk for c in created]))
        return Response(
            ContributionOut(rows.order_by("id"), many=True, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


def _transition(name: str, run, renames: dict[str, str], description: str):
    def view(self, request, pk=None):
        obj = self.get_object()
        ppid_services.check_contribution_transition(obj, name, request.user)
        data = ContributionMessageIn(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            run(obj.pk, request.user, data.validated_data)
        except ValidationError as exc:
            raise _renamed(exc, renames) from exc
        return Response(self.get_serializer(self.get_queryset().get(pk=obj.pk)).data)

    view.__name__ = view.__qualname__ = f"transition_{name}"
    view = action(
        detail=True, methods=["post"], url_path=f"transitions/{name}", url_name=f"transition-{name}"
    )(view)
    return extend_schema(
        request={"application/json": ContributionMessageIn, "multipart/form-data": ContributionMessageIn},
        responses={200: ContributionOut, **ERRORS},
        summary=f"Transition: {name}",
        description=description
        + " Officers and heads of the asked unit, and of the PPID Utama; the agency-wide roles read only (403). "
        "The caller's permission (403) and the state (409) are checked before the payload (400).",
    )(view)


@extend_schema_view(
    list=extend_schema(
        description=DESCRIPTION + " Open ones first, earliest due date first.",
        parameters=[
            OpenApiParameter("unit", int, description="The asked unit's id."),
            OpenApiParameter(
                "state",
                str,
                enum=list(ContributionState.values),
                description="\n".join(f"* `{code}` - {label}" for code, label in ContributionState.choices),
            ),
        ],
    ),
    retrieve=extend_schema(description=DESCRIPTION),
)
class ContributionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ContributionOut
    # Anonymous callers get 404 like everyone else who may not see contributions.
    permission_classes = [AllowAny]

    def get_queryset(self):
        qs = _with_files(contributions_visible_to(self.request.user))
        if self.action != "list":
            return qs
        params = self.request.query_params
        unit = params.get("unit", "")
        if unit:
            if not unit.isdigit():
                raise serializers.ValidationError({"unit": [_("Unit tidak valid.")]})
            qs = qs.filter(unit_id=int(unit))
        state = params.get("state", "")
        if state:
            if state not in ContributionState.values:
                raise serializers.ValidationError({"state": [_("Status tidak valid.")]})
            qs = qs.filter(state=state)
        is_open = Case(When(state=ContributionState.ASKED, then=Value(0)), default=Value(1))
        return qs.order_by(is_open, "due_date", "id")

    def list(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise Http404
        return super().list(request, *args, **kwargs)

    transition_answer = _transition(
        "answer",
        lambda pk, u, d: ppid_services.contribution_answer(
            contribution_id=pk, actor=u, message=d["message"], files=d["files"]
        ),
        {},
        "The asked unit answers with a `message` (and, as multipart, `files`). The officer who asked and the "
        "request's assignee are notified. The files stay internal until a handling officer attaches one to the "
        "response.",
    )
    transition_decline = _transition(
        "decline",
        lambda pk, u, d: ppid_services.contribution_decline(contribution_id=pk, actor=u, reason=d["message"]),
        {"reason": "message"},
        "The asked unit declines; `message` is the reason (required).",
    )
