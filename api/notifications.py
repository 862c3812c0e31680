"""The notification center over the API: the caller's own notifications, unread count, mark read."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from notifications.models import Notification
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

    @extend_schema(request=MarkReadIn, responses=_marked)
    @action(detail=False, methods=["post"], url_path="mark-read")
    def mark_read(self, request):
        """Mark the given ids read, or all of the caller's when no ids are given."""
        data = MarkReadIn(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(
            {"marked": notification_mark_read(user=request.user, ids=data.validated_data.get("ids"))}
        )
