"""The resources under /api/v1/. Views are thin: a selector for reads, one service per write. Transitions are
explicit POST .../transitions/{name}/; the caller's permission (403) and the state (409) are checked before the
payload (400), using the same checks the services run under their row lock."""

import uuid

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from agencies.models import Unit
from agencies.selectors import active_agencies, is_staff_of, memberships_of
from audit.models import Event
from complaints import services as complaint_services
from complaints.selectors import complaints_visible_to
from complaints.services import check_transition as check_complaint
from ppid import rules as ppid_rules
from ppid import services as ppid_services
from ppid.models import DisputeHearing
from ppid.selectors import disputes_visible_to, objections_visible_to, requests_visible_to, staff_requests
from ppid.services.objections import check_transition as check_objection
from ppid.services.requests import check_transition as check_request
from workcalendar.selectors import holidays_visible_to

from . import serializers as s
from .filters import filter_requests

ERRORS = {
    400: OpenApiResponse(description="Invalid payload: {code, detail, errors}"),
    403: OpenApiResponse(description="Not allowed for this caller"),
    404: OpenApiResponse(description="Not found, or not visible to the caller"),
    409: OpenApiResponse(description="Not allowed from the current state"),
}


def idempotency_key(request) -> uuid.UUID | None:
    """`Idempotency-Key` header → the submission key: a retry with the same key returns the first result."""
    raw = (request.headers.get("Idempotency-Key") or "").strip()
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"idempotency:{raw[:200]}")


def is_staff_user(user) -> bool:
    return user.is_superuser or bool(memberships_of(user))


def _is_staff_view(request, agency) -> bool:
    return request.user.is_superuser or is_staff_of(request.user, agency)


def transition_action(name: str, payload, run, check, out):
    """An explicit endpoint POST {id}/transitions/{name}/ with its own request schema."""

    def view(self, request, pk=None):
        obj = self.get_object()
        check(obj, name, request.user)
        data = payload(data=request.data)
        data.is_valid(raise_exception=True)
        result = run(obj.pk, request.user, data.validated_data)
        result = self.get_queryset().get(pk=result.pk)
        return Response(self.get_serializer(result).data)

    # Named before decorating: DRF routes the POST to the method of this name.
    view.__name__ = view.__qualname__ = f"transition_{name}"
    view = action(
        detail=True, methods=["post"], url_path=f"transitions/{name}", url_name=f"transition-{name}"
    )(view)
    return extend_schema(
        request=payload if payload is not s.EmptyIn else None,
        responses={200: out, **ERRORS},
        summary=f"Transition: {name}",
    )(view)


class EventsMixin:
    @extend_schema(responses=s.EventSerializer(many=True))
    @action(detail=True, methods=["get"])
    def events(self, request, pk=None):
        """The audit timeline of this case that the caller may see."""
        obj = self.get_object()
        events = Event.objects.for_object(obj).select_related("actor")
        # An anonymous reporter is never an event's actor (complaints.services), so staff may see actors.
        context = {"staff_view": _is_staff_view(request, obj.agency)}
        return Response(s.EventSerializer(events, many=True, context=context).data)


# --- reference data ---------------------------------------------------------------------------------------------
class AgencyViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    serializer_class = s.AgencySerializer
    lookup_field = "slug"

    def get_queryset(self):
        return active_agencies().order_by("name")


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    serializer_class = s.UnitSerializer

    def get_queryset(self):
        qs = Unit.objects.select_related("agency").filter(is_active=True, agency__is_active=True)
        agency = self.request.query_params.get("agency")
        return (qs.filter(agency__slug=agency) if agency else qs).order_by("agency__name", "kind", "name")


class HolidayViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    serializer_class = s.HolidaySerializer

    def get_queryset(self):
        qs = holidays_visible_to(self.request.user).select_related("agency")
        year = self.request.query_params.get("year", "")
        if year.isdigit():
            qs = qs.filter(date__year=int(year))
        return qs.order_by("date", "id")


# --- requests --------------------------------------------------------------------------------------------------
def _offline_or_online(user, data, key):
    offline = "requester" in data or "received_at" in data or data.get("channel") not in (None, "online")
    common = {
        k: data[k] for k in ("agency", "information_requested", "purpose", "obtain_method", "delivery_method")
    }
    common["unit"] = data.get("unit")
    if not offline:
        return ppid_services.information_request_file(requester=user, submission_key=key, **common)
    return ppid_services.information_request_register_offline(
        officer=user,
        channel=data.get("channel") or "",
        received_at=data.get("received_at"),
        requester=dict(data.get("requester") or {}),
        submission_key=key,
        **common,
    )


class RequestViewSet(EventsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.RequestOut
    permission_classes = [IsAuthenticated]

    def get_throttles(self):
        self.throttle_scope = "filing" if self.action == "create" else None
        return super().get_throttles()

    def get_queryset(self):
        user = self.request.user
        if self.action == "list" and is_staff_user(user) and self.request.query_params.get("mine") != "true":
            # The work queue: the staff scope alone, which the (agency, unit, state, due_date) index serves.
            return staff_requests(user).select_related("response")
        if self.action == "list":
            return requests_visible_to(user).filter(requester=user).select_related("response")
        return requests_visible_to(user).select_related("response")

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        staff = is_staff_user(self.request.user) and self.request.query_params.get("mine") != "true"
        return filter_requests(queryset, self.request.query_params, staff=staff)

    @extend_schema(request=s.RequestCreateIn, responses={201: s.RequestOut, **ERRORS})
    def create(self, request):
        data = s.RequestCreateIn(data=request.data)
        data.is_valid(raise_exception=True)
        obj = _offline_or_online(request.user, data.validated_data, idempotency_key(request))
        return Response(
            self.get_serializer(self.get_queryset().get(pk=obj.pk)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=s.NoticeReceiptIn, responses={200: s.RequestOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="notice-receipt")
    def notice_receipt(self, request, pk=None):
        """Record the day the requester received the written notice (by post or by hand): the objection window
        (UU 14/2008 Pasal 36(1)) counts from it. Agency officers only."""
        obj = self.get_object()
        if not ppid_rules.is_agency_officer(obj, request.user):
            raise PermissionDenied(
                _("Hanya petugas badan publik ini yang dapat mencatat penerimaan pemberitahuan.")
            )
        data = s.NoticeReceiptIn(data=request.data)
        data.is_valid(raise_exception=True)
        ppid_services.information_request_record_notice_receipt(
            request_id=obj.pk, actor=request.user, **data.validated_data
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=obj.pk)).data)

    transition_process = transition_action(
        "process",
        s.EmptyIn,
        lambda pk, u, d: ppid_services.information_request_process(request_id=pk, actor=u),
        check_request,
        s.RequestOut,
    )
    transition_forward = transition_action(
        "forward",
        s.ForwardIn,
        lambda pk, u, d: ppid_services.information_request_forward(
            request_id=pk, actor=u, unit=d["unit"], note=d["note"]
        ),
        check_request,
        s.RequestOut,
    )
    transition_ask_clarification = transition_action(
        "ask_clarification",
        s.MessageIn,
        lambda pk, u, d: ppid_services.information_request_ask_clarification(
            request_id=pk, actor=u, message=d["message"]
        ),
        check_request,
        s.RequestOut,
    )
    transition_clarify = transition_action(
        "clarify",
        s.MessageIn,
        lambda pk, u, d: ppid_services.information_request_clarify(
            request_id=pk, actor=u, message=d["message"]
        ),
        check_request,
        s.RequestOut,
    )
    transition_extend = transition_action(
        "extend",
        s.ReasonIn,
        lambda pk, u, d: ppid_services.information_request_extend(request_id=pk, actor=u, reason=d["reason"]),
        check_request,
        s.RequestOut,
    )
    transition_respond = transition_action(
        "respond",
        s.RespondIn,
        lambda pk, u, d: ppid_services.information_request_respond(request_id=pk, actor=u, **d),
        check_request,
        s.RequestOut,
    )
    transition_complete = transition_action(
        "complete",
        s.EmptyIn,
        lambda pk, u, d: ppid_services.information_request_complete(request_id=pk, actor=u),
        check_request,
        s.RequestOut,
    )
    transition_withdraw = transition_action(
        "withdraw",
        s.ReasonIn,
        lambda pk, u, d: ppid_services.information_request_withdraw(
            request_id=pk, actor=u, reason=d["reason"]
        ),
        check_request,
        s.RequestOut,
    )


# --- objections and disputes ------------------------------------------------------------------------------------
class ObjectionViewSet(EventsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.ObjectionOut
    permission_classes = [IsAuthenticated]

    def get_throttles(self):
        self.throttle_scope = "filing" if self.action == "create" else None
        return super().get_throttles()

    def get_queryset(self):
        return objections_visible_to(self.request.user).order_by("due_date", "id")

    @extend_schema(request=s.ObjectionCreateIn, responses={201: s.ObjectionOut, **ERRORS})
    def create(self, request):
        data = s.ObjectionCreateIn(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        common = {
            "request_id": d["request"],
            "grounds": d["grounds"],
            "reason": d["reason"],
            "proxy_name": d["proxy_name"],
            "submission_key": idempotency_key(request),
        }
        if "received_at" in d:
            obj = ppid_services.objection_register_offline(
                officer=request.user,
                received_at=d["received_at"],
                channel=d.get("channel") or "walk_in",
                **common,
            )
        else:
            obj = ppid_services.objection_file(requester=request.user, **common)
        return Response(
            self.get_serializer(self.get_queryset().get(pk=obj.pk)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=s.DecisionReceiptIn, responses={200: s.ObjectionOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="decision-receipt")
    def decision_receipt(self, request, pk=None):
        """Record the day the requester received the Atasan's answer (by post or by hand): the 14 working days to
        the Komisi Informasi (UU 14/2008 Pasal 37(2)) count from it. Agency officers and the Atasan only."""
        obj = self.get_object()
        if not (ppid_rules.is_agency_officer(obj, request.user) or ppid_rules.is_atasan(obj, request.user)):
            raise PermissionDenied(
                _("Hanya petugas badan publik ini yang dapat mencatat penerimaan tanggapan.")
            )
        data = s.DecisionReceiptIn(data=request.data)
        data.is_valid(raise_exception=True)
        ppid_services.objection_record_decision_receipt(
            objection_id=obj.pk, actor=request.user, **data.validated_data
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=obj.pk)).data)

    transition_review = transition_action(
        "review",
        s.EmptyIn,
        lambda pk, u, d: ppid_services.objection_review(objection_id=pk, actor=u),
        check_objection,
        s.ObjectionOut,
    )
    transition_decide = transition_action(
        "decide",
        s.DecideIn,
        lambda pk, u, d: ppid_services.objection_decide(objection_id=pk, actor=u, **d),
        check_objection,
        s.ObjectionOut,
    )
    transition_withdraw = transition_action(
        "withdraw",
        s.ReasonIn,
        lambda pk, u, d: ppid_services.objection_withdraw(objection_id=pk, actor=u, reason=d["reason"]),
        check_objection,
        s.ObjectionOut,
    )


class DisputeViewSet(EventsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.DisputeOut
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return (
            disputes_visible_to(self.request.user)
            .prefetch_related(Prefetch("hearings", queryset=DisputeHearing.objects.order_by("held_on", "id")))
            .order_by("-filed_on", "id")
        )

    @extend_schema(request=s.DisputeCreateIn, responses={201: s.DisputeOut, **ERRORS})
    def create(self, request):
        data = s.DisputeCreateIn(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        obj = ppid_services.dispute_register(
            objection_id=d["objection"],
            actor=request.user,
            commission=d["commission"],
            ki_register_number=d["ki_register_number"],
            filed_on=d["filed_on"],
            notice_received_on=d["notice_received_on"],
        )
        return Response(
            self.get_serializer(self.get_queryset().get(pk=obj.pk)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=s.DisputeProgressIn, responses={200: s.DisputeOut, **ERRORS})
    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None):
        """Record the dispute's progress: dates, mediation, decision, compliance, appeals."""
        obj = self.get_object()
        data = s.DisputeProgressIn(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        reason = changes.pop("reason", "")
        ppid_services.dispute_update(dispute_id=obj.pk, actor=request.user, reason=reason, **changes)
        return Response(self.get_serializer(self.get_queryset().get(pk=obj.pk)).data)


# --- complaints -------------------------------------------------------------------------------------------------
class ComplaintViewSet(EventsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.ComplaintOut

    def get_permissions(self):
        return [AllowAny()] if self.action == "create" else [IsAuthenticated()]

    def get_throttles(self):
        self.throttle_scope = "filing" if self.action == "create" else None
        return super().get_throttles()

    def get_queryset(self):
        return (
            complaints_visible_to(self.request.user)
            .select_related("reporter__citizen_profile")
            .order_by("received_at", "id")
        )

    @extend_schema(
        request=s.ComplaintCreateIn,
        responses={
            201: inline_serializer(
                "ComplaintCreated",
                {
                    "complaint": s.ComplaintOut(),
                    "tracking_code": serializers.CharField(
                        help_text="Only for anonymous filings without an account: shown once, never stored in clear."
                    ),
                },
            ),
            **ERRORS,
        },
    )
    def create(self, request):
        data = s.ComplaintCreateIn(data=request.data)
        data.is_valid(raise_exception=True)
        reporter = request.user if request.user.is_authenticated else None
        obj, code = complaint_services.complaint_file(
            reporter=reporter,
            submission_key=idempotency_key(request) if reporter else None,
            **data.validated_data,
        )
        if reporter is None:
            body = {
                "complaint": {"id": obj.pk, "tracking_number": obj.tracking_number, "state": obj.state},
                "tracking_code": code,
            }
        else:
            body = {
                "complaint": self.get_serializer(self.get_queryset().get(pk=obj.pk)).data,
                "tracking_code": "",
            }
        response = Response(body, status=status.HTTP_201_CREATED)
        response["Cache-Control"] = "no-store"
        return response

    transition_verify = transition_action(
        "verify",
        s.VerifyIn,
        lambda pk, u, d: complaint_services.complaint_verify(complaint_id=pk, actor=u, unit=d["unit"]),
        check_complaint,
        s.ComplaintOut,
    )
    transition_archive = transition_action(
        "archive",
        s.ArchiveIn,
        lambda pk, u, d: complaint_services.complaint_archive(
            complaint_id=pk, actor=u, reason=d["reason"], note=d["note"]
        ),
        check_complaint,
        s.ComplaintOut,
    )
    transition_respond = transition_action(
        "respond",
        s.MessageIn,
        lambda pk, u, d: complaint_services.complaint_respond(complaint_id=pk, actor=u, message=d["message"]),
        check_complaint,
        s.ComplaintOut,
    )
    transition_reopen = transition_action(
        "reopen",
        s.MessageIn,
        lambda pk, u, d: complaint_services.complaint_reopen(complaint_id=pk, actor=u, message=d["message"]),
        check_complaint,
        s.ComplaintOut,
    )
    transition_confirm = transition_action(
        "confirm",
        s.ConfirmIn,
        lambda pk, u, d: complaint_services.complaint_confirm(
            complaint_id=pk, actor=u, rating=d["rating"], comment=d["comment"]
        ),
        check_complaint,
        s.ComplaintOut,
    )
