"""The resources under /api/v1/. Views are thin: a selector for reads, one service per write. Transitions are
explicit POST .../transitions/{name}/; the caller's permission (403) and the state (409) are checked before the
payload (400), using the same checks the services run under their row lock."""

import uuid

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from agencies.models import Unit
from agencies.selectors import active_agencies, is_staff_of, memberships_of
from audit.models import Event
from complaints import services as complaint_services
from complaints.selectors import COMPLAINT_SEARCH, complaints_visible_to
from complaints.services import check_transition as check_complaint
from ppid import rules as ppid_rules
from ppid import services as ppid_services
from ppid.approval import check_may_decide
from ppid.models import DisputeHearing
from ppid.selectors import (
    OBJECTION_SEARCH,
    disputes_visible_to,
    objections_visible_to,
    requests_visible_to,
    staff_requests,
)
from ppid.services.objections import check_transition as check_objection
from ppid.services.requests import check_transition as check_request
from workcalendar.selectors import holidays_visible_to

from . import serializers as s
from .approval import ReturnIn, approval_state, latest_draft_for, with_drafts
from .assignment import AssignedFilterMixin, assign_action
from .filters import (
    CaseSearchFilter,
    HolidayFilter,
    RequestFilter,
    UnitFilter,
    filter_requests,
    query,
    search_list,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid payload: {code, detail, errors}"),
    403: OpenApiResponse(description="Not allowed for this caller"),
    404: OpenApiResponse(description="Not found, or not visible to the caller"),
    409: OpenApiResponse(description="Not allowed from the current state"),
}
OUT_OF_REACH = OpenApiResponse(
    description="Done, and the case is now out of the caller's reach (e.g. forwarded to another unit): no body"
)


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


def transition_action(name: str, payload, run, check, out, description: str = "", accepted=None):
    """An explicit endpoint POST {id}/transitions/{name}/ with its own request schema. `accepted(result, user)`
    true answers 202: the change waits for someone else (an officer's letter for the unit head's approval)."""

    def view(self, request, pk=None):
        obj = self.get_object()
        check(obj, name, request.user)
        data = payload(data=request.data)
        data.is_valid(raise_exception=True)
        result = run(obj.pk, request.user, data.validated_data)
        # A change can take the case out of the caller's reach (a PPID Pelaksana officer forwarding it to
        # another unit): it is done, and there is nothing left that the caller may see.
        result = self.get_queryset().filter(pk=result.pk).first()
        if result is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        code = (
            status.HTTP_202_ACCEPTED
            if accepted is not None and accepted(result, request.user)
            else status.HTTP_200_OK
        )
        return Response(self.get_serializer(result).data, status=code)

    # Named before decorating: DRF routes the POST to the method of this name.
    view.__name__ = view.__qualname__ = f"transition_{name}"
    view = action(
        detail=True, methods=["post"], url_path=f"transitions/{name}", url_name=f"transition-{name}"
    )(view)
    accepted_response = (
        {
            202: OpenApiResponse(
                out, description="Kept as a draft for the unit head: `approval_state` is pending"
            )
        }
        if accepted is not None
        else {}
    )
    return extend_schema(
        request=payload if payload is not s.EmptyIn else None,
        responses={200: out, **accepted_response, 204: OUT_OF_REACH, **ERRORS},
        summary=f"Transition: {name}",
        description=description
        + " The caller's permission (403) and the current state (409) are checked before the payload (400).",
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
@extend_schema_view(
    list=extend_schema(description="The active agencies (Badan Publik), by name. No login."),
    retrieve=extend_schema(
        description="One active agency by its slug: time zone, contacts, policy settings."
    ),
)
class AgencyViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    serializer_class = s.AgencySerializer
    lookup_field = "slug"

    def get_queryset(self):
        return active_agencies().order_by("name")


@extend_schema_view(
    list=extend_schema(
        description="The active PPID units (PPID Utama, PPID Pelaksana) of the active agencies. No login.",
        parameters=[UnitFilter],
    ),
    retrieve=extend_schema(description="One active PPID unit."),
)
class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    serializer_class = s.UnitSerializer

    def get_queryset(self):
        qs = Unit.objects.select_related("agency").filter(is_active=True, agency__is_active=True)
        agency = query(UnitFilter, self.request.query_params).get("agency") if self.action == "list" else None
        return (qs.filter(agency__slug=agency) if agency else qs).order_by("agency__name", "kind", "name")


@extend_schema_view(
    list=extend_schema(
        description="The holidays and cuti bersama the caller's deadlines skip: national ones for everyone, "
        "regional and agency ones for that agency's staff. No login.",
        parameters=[HolidayFilter],
    ),
    retrieve=extend_schema(description="One holiday with its decree."),
)
class HolidayViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    serializer_class = s.HolidaySerializer

    def get_queryset(self):
        qs = holidays_visible_to(self.request.user).select_related("agency")
        year = query(HolidayFilter, self.request.query_params).get("year") if self.action == "list" else None
        if year:
            qs = qs.filter(date__year=year)
        return qs.order_by("date", "id")


# --- requests --------------------------------------------------------------------------------------------------
def _is_offline_intake(data) -> bool:
    """A filing that registers what reached the agency offline (only officers may)."""
    if not hasattr(data, "get"):
        return False
    return "requester" in data or "received_at" in data or data.get("channel") not in (None, "online")


def _filing_scope(request, *, offline: bool) -> str:
    """Citizens' filings share the `filing` limit; officers entering offline intake have their own, higher
    `intake` limit. A citizen who sends an offline payload stays on `filing` (and is refused by the service)."""
    return "intake" if offline and is_staff_user(request.user) else "filing"


def _offline_or_online(user, data, key):
    offline = _is_offline_intake(data)
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


def _waits_for_approval(result, user) -> bool:
    """The caller's letter was kept as the pending draft (a head's issue answers 200)."""
    draft = latest_draft_for(result)
    return approval_state(result, user) == "pending" and draft is not None and draft.drafted_by_id == user.pk


# The notice and what it points at in the register (issue 18), one join each, whatever the page size.
RESPONSE_JOINS = ("response__dip_item__agency", "response__dik_entry", "assigned_to")


def _check_decision(obj, name, user) -> None:
    check_may_decide(obj, user)


@extend_schema_view(
    list=extend_schema(
        description="Staff: the work queue of the units they reach, due date first (or their own filings as a "
        "citizen with `mine=true`). Citizens: their own requests, newest first.",
        parameters=[RequestFilter],
    ),
    retrieve=extend_schema(
        description="One information request the caller may see, with its written notice, its deadline steps "
        "and the transitions the caller may run now."
    ),
)
class RequestViewSet(
    AssignedFilterMixin, EventsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = s.RequestOut
    permission_classes = [IsAuthenticated]

    def get_throttles(self):
        self.throttle_scope = None
        if self.action == "create":
            self.throttle_scope = _filing_scope(self.request, offline=_is_offline_intake(self.request.data))
        return super().get_throttles()

    def get_queryset(self):
        qs = self._scoped_queryset()
        # The drafts waiting for approval (issue 16 point 5) are read by staff only.
        return with_drafts(qs) if is_staff_user(self.request.user) else qs

    def _scoped_queryset(self):
        user = self.request.user
        if self.action == "list" and is_staff_user(user) and self.request.query_params.get("mine") != "true":
            # The work queue: the staff scope alone, which the (agency, unit, state, due_date) index serves.
            return staff_requests(user).select_related(*RESPONSE_JOINS)
        if self.action == "list":
            return requests_visible_to(user).filter(requester=user).select_related(*RESPONSE_JOINS)
        return requests_visible_to(user).select_related(*RESPONSE_JOINS)

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        # The work queue, not the staff member's own filings: its assignee filter, names and notes searched.
        staff = is_staff_user(self.request.user) and self.request.query_params.get("mine") != "true"
        return filter_requests(queryset, self.request.query_params, staff=staff, viewer=self.request.user)

    @extend_schema(
        request=s.RequestCreateIn,
        responses={201: s.RequestOut, **ERRORS},
        description="A citizen files a request online (throttle scope `filing`). An officer registers one received "
        "offline, with `channel`, `received_at` and `requester` (throttle scope `intake`). An `Idempotency-Key` "
        "header makes a retry return the first result.",
    )
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

    @extend_schema(request=s.PaymentIn, responses={200: s.RequestOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="payment")
    def payment(self, request, pk=None):
        """Record the payment of the notice's fee: paid (date, optional proof as multipart), waived (reason) or
        unpaid. Handling officers only."""
        obj = self.get_object()
        data = s.PaymentIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        ppid_services.information_request_record_payment(
            request_id=obj.pk,
            actor=request.user,
            status=v["status"],
            paid_on=v["paid_on"],
            proof=v["proof"],
            waived_reason=v["waived_reason"],
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=obj.pk)).data)

    @extend_schema(request=s.HandoverIn, responses={200: s.RequestOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="handover")
    def handover(self, request, pk=None):
        """Record the handover of the granted information and issue its receipt (letter kind `handover`).
        Refused (409) while the fee is unpaid. Handling officers only."""
        obj = self.get_object()
        data = s.HandoverIn(data=request.data)
        data.is_valid(raise_exception=True)
        ppid_services.information_request_record_handover(
            request_id=obj.pk, actor=request.user, **data.validated_data
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=obj.pk)).data)

    transition_process = transition_action(
        "process",
        s.EmptyIn,
        lambda pk, u, d: ppid_services.information_request_process(request_id=pk, actor=u),
        check_request,
        s.RequestOut,
        description="An officer takes a registered request into process.",
    )
    transition_forward = transition_action(
        "forward",
        s.ForwardIn,
        lambda pk, u, d: ppid_services.information_request_forward(
            request_id=pk, actor=u, unit=d["unit"], note=d["note"]
        ),
        check_request,
        s.RequestOut,
        description=(
            "An officer hands the request to another unit of the same agency; the deadline does not move. "
            "When the request leaves the caller's reach (a PPID Pelaksana officer forwarding out of their "
            "unit), the answer is 204."
        ),
    )
    transition_ask_clarification = transition_action(
        "ask_clarification",
        s.MessageIn,
        lambda pk, u, d: ppid_services.information_request_ask_clarification(
            request_id=pk, actor=u, message=d["message"]
        ),
        check_request,
        s.RequestOut,
        description=(
            "An officer asks the requester to clarify the request; the agency's policy decides whether the "
            "clock pauses."
        ),
    )
    transition_clarify = transition_action(
        "clarify",
        s.MessageIn,
        lambda pk, u, d: ppid_services.information_request_clarify(
            request_id=pk, actor=u, message=d["message"]
        ),
        check_request,
        s.RequestOut,
        description=(
            "The requester answers the clarification; a paused clock resumes and the due date moves by the "
            "days waited."
        ),
    )
    transition_extend = transition_action(
        "extend",
        s.ReasonIn,
        lambda pk, u, d: ppid_services.information_request_extend(request_id=pk, actor=u, reason=d["reason"]),
        check_request,
        s.RequestOut,
        description="An officer extends the deadline once by 7 working days, before it passes, with the reason. "
        "With the agency's approval before issue on, an officer's extension is kept as a draft for the unit head: "
        "202, `approval_state` pending, nothing changes until `approve`; the unit head extends at once (200).",
        accepted=_waits_for_approval,
    )
    transition_respond = transition_action(
        "respond",
        s.RespondIn,
        lambda pk, u, d: ppid_services.information_request_respond(request_id=pk, actor=u, **d),
        check_request,
        s.RequestOut,
        description=(
            "An officer issues the written notice (pemberitahuan tertulis): the decision and, for a refusal, "
            "the exemption grounds and the consequence test. With the agency's approval before issue on, an "
            "officer's notice is validated the same way and kept as a draft for the unit head: 202, "
            "`approval_state` pending, the state unchanged until `approve`; the unit head issues at once (200)."
        ),
        accepted=_waits_for_approval,
    )
    # Approval before issue (issue 16 point 5): decisions on the pending draft, not state transitions of their own.
    transition_approve = transition_action(
        "approve",
        s.EmptyIn,
        lambda pk, u, d: ppid_services.information_request_approve(request_id=pk, actor=u),
        _check_decision,
        s.RequestOut,
        description="The unit head (role `ppid` of the request's unit, or of the PPID Utama) approves the pending "
        "draft: the notice or extension is issued and sent, with who drafted and who approved recorded. 404 for "
        "anyone who does not see the request as staff (its requester included), 403 for other staff, 409 "
        "without a pending draft or when the request's state no longer allows the letter.",
    )
    transition_return = transition_action(
        "return",
        ReturnIn,
        lambda pk, u, d: ppid_services.information_request_return(request_id=pk, actor=u, reason=d["reason"]),
        _check_decision,
        s.RequestOut,
        description="The unit head sends the pending draft back to its officer with a `reason` (required); the "
        "request's state does not change (`approval_state` returned). Codes as for `approve`.",
    )
    transition_complete = transition_action(
        "complete",
        s.EmptyIn,
        lambda pk, u, d: ppid_services.information_request_complete(request_id=pk, actor=u),
        check_request,
        s.RequestOut,
        description="The requester or an officer marks a responded request completed.",
    )
    transition_withdraw = transition_action(
        "withdraw",
        s.ReasonIn,
        lambda pk, u, d: ppid_services.information_request_withdraw(
            request_id=pk, actor=u, reason=d["reason"]
        ),
        check_request,
        s.RequestOut,
        description="The requester withdraws an open request.",
    )

    # Assignment (issue 16 point 2).
    assign = assign_action(
        lambda pk, u, officer, reason: ppid_services.information_request_assign(
            request_id=pk, actor=u, officer_id=officer, reason=reason
        ),
        s.RequestOut,
        ERRORS,
    )


# --- objections and disputes ------------------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(
        description="The objections (keberatan) the caller may see, by due date (by relevance first with `q`).",
        parameters=[CaseSearchFilter],
    ),
    retrieve=extend_schema(description="One objection with its grounds, their windows and the decision."),
)
class ObjectionViewSet(
    AssignedFilterMixin, EventsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = s.ObjectionOut
    permission_classes = [IsAuthenticated]

    def get_throttles(self):
        self.throttle_scope = None
        if self.action == "create":
            data = self.request.data
            offline = hasattr(data, "get") and "received_at" in data
            self.throttle_scope = _filing_scope(self.request, offline=offline)
        return super().get_throttles()

    def get_queryset(self):
        return (
            objections_visible_to(self.request.user)
            .select_related("assigned_to", "order_obligation", "dip_item__agency")
            .prefetch_related("order_obligation__files")
            .order_by("due_date", "id")
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)  # the assignee filter
        if self.action != "list":
            return queryset
        user = self.request.user
        return search_list(
            queryset,
            self.request.query_params,
            fields=OBJECTION_SEARCH,
            viewer=user,
            staff=is_staff_user(user),
        )

    @extend_schema(
        request=s.ObjectionCreateIn,
        responses={201: s.ObjectionOut, **ERRORS},
        description="The requester files an objection to the Atasan PPID (throttle scope `filing`); an officer "
        "registers one received offline with `received_at` (scope `intake`). Each ground must fit the "
        "request's history (a ground past its window is registered and marked late). Ground b (periodic "
        "information not published, Pasal 35(1)b) needs no request: give `agency`, `information` and "
        "optionally `unit` instead of `request` (officers add `received_at` and `requester`).",
    )
    def create(self, request):
        data = s.ObjectionCreateIn(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        if d.get("request") is None:
            obj = self._create_periodic(request, d)
            return Response(
                self.get_serializer(self.get_queryset().get(pk=obj.pk)).data, status=status.HTTP_201_CREATED
            )
        common = {
            "request_id": d["request"],
            "grounds": d["grounds"],
            "reason": d["reason"],
            "proxy_name": d["proxy_name"],
            "submission_key": idempotency_key(request),
            "dip_item": d.get("dip_item"),
            "dip_item_absent": d["dip_item_absent"],
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

    def _create_periodic(self, request, d):
        """Ground b without a request (UU 14/2008 Pasal 35(1)b)."""
        common = {
            "agency": d["agency"],
            "unit": d.get("unit"),
            "information": d.get("information", ""),
            "reason": d["reason"],
            "proxy_name": d["proxy_name"],
            "submission_key": idempotency_key(request),
            "dip_item": d.get("dip_item"),
            "dip_item_absent": d["dip_item_absent"],
        }
        if "received_at" not in d:
            return ppid_services.objection_file_periodic(requester=request.user, **common)
        who = d["requester"]
        return ppid_services.objection_register_periodic_offline(
            officer=request.user,
            received_at=d["received_at"],
            channel=d.get("channel") or "walk_in",
            requester_type=who["requester_type"],
            requester_name=who["name"],
            requester_address=who["address"],
            requester_phone=who.get("phone", ""),
            requester_email=who.get("email", ""),
            requester_occupation=who.get("occupation", ""),
            **common,
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
        description="The Atasan PPID starts reviewing the objection.",
    )
    transition_decide = transition_action(
        "decide",
        s.DecideIn,
        lambda pk, u, d: ppid_services.objection_decide(objection_id=pk, actor=u, **d),
        check_objection,
        s.ObjectionOut,
        description="The Atasan PPID decides the objection, with the reasons and any order to the PPID.",
    )
    transition_withdraw = transition_action(
        "withdraw",
        s.ReasonIn,
        lambda pk, u, d: ppid_services.objection_withdraw(objection_id=pk, actor=u, reason=d["reason"]),
        check_objection,
        s.ObjectionOut,
        description="The objector withdraws an open objection.",
    )

    # Assignment (issue 16 point 2).
    assign = assign_action(
        lambda pk, u, officer, reason: ppid_services.objection_assign(
            objection_id=pk, actor=u, officer_id=officer, reason=reason
        ),
        s.ObjectionOut,
        ERRORS,
    )


@extend_schema_view(
    list=extend_schema(description="The disputes at the Komisi Informasi the caller may see, newest first."),
    retrieve=extend_schema(description="One dispute with its hearings and every statutory window."),
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

    @extend_schema(
        request=s.DisputeCreateIn,
        responses={201: s.DisputeOut, **ERRORS},
        description="Staff record that the requester took an objection to the Komisi Informasi.",
    )
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
@extend_schema_view(
    list=extend_schema(
        description="The service complaints the caller may see, oldest first (by relevance first with `q`).",
        parameters=[CaseSearchFilter],
    ),
    retrieve=extend_schema(description="One service complaint with its clocks and the transitions open now."),
)
class ComplaintViewSet(
    AssignedFilterMixin, EventsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = s.ComplaintOut

    def get_permissions(self):
        return [AllowAny()] if self.action == "create" else [IsAuthenticated()]

    def get_throttles(self):
        self.throttle_scope = "filing" if self.action == "create" else None
        return super().get_throttles()

    def get_queryset(self):
        return (
            complaints_visible_to(self.request.user)
            .select_related("reporter__citizen_profile", "assigned_to")
            .order_by("received_at", "id")
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)  # the assignee filter
        if self.action != "list":
            return queryset
        user = self.request.user
        return search_list(
            queryset,
            self.request.query_params,
            fields=COMPLAINT_SEARCH,
            viewer=user,
            staff=is_staff_user(user),
        )

    @extend_schema(
        description="File a service complaint, signed in or anonymously (throttle scope `filing`). An anonymous "
        "filer without an account gets a tracking code, shown once.",
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
        description="An officer verifies the complaint and dispositions it to a unit.",
    )
    transition_archive = transition_action(
        "archive",
        s.ArchiveIn,
        lambda pk, u, d: complaint_services.complaint_archive(
            complaint_id=pk, actor=u, reason=d["reason"], note=d["note"]
        ),
        check_complaint,
        s.ComplaintOut,
        description="An officer archives a complaint that cannot be handled, with the reason.",
    )
    transition_respond = transition_action(
        "respond",
        s.MessageIn,
        lambda pk, u, d: complaint_services.complaint_respond(complaint_id=pk, actor=u, message=d["message"]),
        check_complaint,
        s.ComplaintOut,
        description="The unit answers the complaint.",
    )
    transition_reopen = transition_action(
        "reopen",
        s.MessageIn,
        lambda pk, u, d: complaint_services.complaint_reopen(complaint_id=pk, actor=u, message=d["message"]),
        check_complaint,
        s.ComplaintOut,
        description="The reporter reopens an answered complaint that was not resolved.",
    )
    transition_confirm = transition_action(
        "confirm",
        s.ConfirmIn,
        lambda pk, u, d: complaint_services.complaint_confirm(
            complaint_id=pk, actor=u, rating=d["rating"], comment=d["comment"]
        ),
        check_complaint,
        s.ComplaintOut,
        description="The reporter confirms the resolution and rates it (1 to 5).",
    )

    # Assignment (issue 16 point 2).
    assign = assign_action(
        lambda pk, u, officer, reason: complaint_services.complaint_assign(
            complaint_id=pk, actor=u, officer_id=officer, reason=reason
        ),
        s.ComplaintOut,
        ERRORS,
    )
