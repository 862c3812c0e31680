"""The notification center over the API: the caller's own notifications, unread count, mark read."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from notifications.models import Notification
from notifications.realtime import TICKET_SECONDS, TicketUnavailable, credential_group, ws_ticket_issue
from notifications.services import notification_mark_read


class NotificationOut(serializers.ModelSerializer):
    case_type = serializers.CharField(source="content_type.model")
    case_id = serializers.CharField(source="object_id")

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "case_type",
            "case_id",
            "case_label",
            "state",
            "message",
            "url",
            "is_read",
            "created_at",
        ]


class MarkReadIn(serializers.Serializer):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False, max_length=500)


_count = inline_serializer("UnreadCount", {"unread": serializers.IntegerField()})
_marked = inline_serializer("Marked", {"marked": serializers.IntegerField()})
_ticket = inline_serializer(
    "WebsocketTicket", {"ticket": serializers.CharField(), "expires_in": serializers.IntegerField()}
)

WS_TICKET_DESCRIPTION = f"""A single-use ticket for opening the notifications websocket `/ws/notifications/`
without putting the API token in the URL. It is valid for {TICKET_SECONDS} seconds (`expires_in`) and opens one
socket; a used or expired ticket gets close code 4401.

How a client authenticates the websocket (any one of these):

- `Sec-WebSocket-Protocol: ppid.notifications, token.<token>`: the API token as a subprotocol;
- `Sec-WebSocket-Protocol: ppid.notifications, ticket.<ticket>`: a ticket from this endpoint;
- `?ticket=<ticket>`, or `?token=<token>` (kept for existing clients; a URL lands in proxies' access logs).

Offer `ppid.notifications` alongside the credential: the server selects it (browsers require a selected
subprotocol when they offer any) and never echoes the credential. Token and ticket sockets need no `Origin`
header. Browsers use the session cookie instead; those sockets must come from the site's own origin.

An unauthenticated socket is accepted and closed with code 4401 (authenticate again). Logout, deleting the
token (`DELETE /api/v1/auth/token/`) or deactivating the account closes open sockets with 4401; a revoked
membership stops that unit's `queue.changed` hints at once (a membership change sends `{{"type":
"access.changed"}}`: refresh what the queue shows). Binary frames and any message other than
`{{"type": "ping"}}` are answered with `{{"type": "error", "code": "unsupported_message"}}`. Messages carry ids
and states only; after a reconnect, `GET /api/v1/notifications/unread-count/` is the truth."""


@extend_schema_view(
    list=extend_schema(
        description="The caller's own notifications, newest first. They are the truth; websocket messages are "
        "only hints to fetch them.",
        parameters=[
            OpenApiParameter("unread", OpenApiTypes.BOOL, description="`true`: only those not yet read.")
        ],
    ),
    retrieve=extend_schema(description="One of the caller's notifications."),
)
class NotificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = NotificationOut
    permission_classes = [IsAuthenticated]
    queryset = Notification.objects.none()  # for the schema; get_queryset scopes to the caller

    def get_queryset(self):
        qs = Notification.objects.filter(recipient=self.request.user).select_related("content_type")
        if self.action == "list" and self.request.query_params.get("unread") == "true":
            qs = qs.filter(is_read=False)
        return qs.order_by("-created_at", "-id")

    @extend_schema(responses=_count)
    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request):
        """How many of the caller's notifications are unread: what a client asks after reconnecting."""
        return Response(
            {"unread": Notification.objects.filter(recipient=request.user, is_read=False).count()}
        )

    @extend_schema(
        request=None,
        responses={
            201: _ticket,
            503: OpenApiResponse(description="The ticket store is unreachable (`ticket_unavailable`)."),
        },
        description=WS_TICKET_DESCRIPTION,
    )
    @action(detail=False, methods=["post"], url_path="ws-ticket")
    def ws_ticket(self, request):
        try:
            ticket = ws_ticket_issue(user=request.user, group=credential_group(request))
        except TicketUnavailable:
            return Response(
                {
                    "code": "ticket_unavailable",
                    "detail": _(
                        "Tiket websocket tidak dapat dibuat saat ini. Coba lagi sebentar lagi, atau "
                        "sambungkan dengan token di Sec-WebSocket-Protocol."
                    ),
                },
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        return Response({"ticket": ticket, "expires_in": TICKET_SECONDS}, status=status.HTTP_201_CREATED)

    @extend_schema(request=MarkReadIn, responses=_marked)
    @action(detail=False, methods=["post"], url_path="mark-read")
    def mark_read(self, request):
        """Mark the given ids read, or all of the caller's when no ids are given."""
        data = MarkReadIn(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(
            {"marked": notification_mark_read(user=request.user, ids=data.validated_data.get("ids"))}
        )
