"""The Atasan's orders carried out over the API (issue 16 point 6): `GET /api/v1/orders/?state=&unit=`, one order,
`POST /api/v1/orders/{id}/transitions/comply/` `{"statement"}` (multipart with `files` optional) and the files'
downloads. Who sees the objection sees its order (`ppid.selectors.orders_visible_to`): the requester their own, the
staff in reach; only the officers of the unit that must comply (or of the PPID Utama) record compliance."""

from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ppid import services as ppid_services
from ppid.errors import NotFound
from ppid.models import ObjectionOrderFile
from ppid.selectors import orders_visible_to
from ppid.services import check_order_comply

from . import serializers as s
from .filters import query
from .resources import ERRORS


@extend_schema_view(
    list=extend_schema(
        description="The Atasan's orders (what a granted objection obliges the unit to provide) the caller may "
        "see, earliest due first: the requester their own, staff those of the objections in their reach. "
        "Filters: `state` (`open`, `complied`) and `unit` (the unit that must comply).",
        parameters=[s.OrderFilter],
    ),
    retrieve=extend_schema(description="One order with its state, the compliance statement and the files."),
)
class OrderViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.OrderOut
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return (
            orders_visible_to(self.request.user)
            .prefetch_related(
                Prefetch("files", queryset=ObjectionOrderFile.objects.order_by("uploaded_at", "id"))
            )
            .order_by("due_date", "id")
        )

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        params = query(s.OrderFilter, self.request.query_params)
        if params.get("state"):
            queryset = queryset.filter(state=params["state"])
        if params.get("unit"):
            queryset = queryset.filter(unit_id=params["unit"])
        return queryset

    @extend_schema(
        request={"application/json": s.ComplyIn, "multipart/form-data": s.ComplyIn},
        responses={200: s.OrderOut, **ERRORS},
        summary="Transition: comply",
        description="The unit records that it carried out the order: `statement` (what was provided, required) "
        "and, as multipart/form-data, any number of `files` (PDF, PNG, JPEG), which the requester reads. The "
        "officers and heads of the order's unit or of the PPID Utama only; the Atasan PPID, auditors and "
        "administrators get 403, the requester 404. The caller's permission (403) and the current state (409) "
        "are checked before the payload (400).",
    )
    @action(detail=True, methods=["post"], url_path="transitions/comply", url_name="transition-comply")
    def transition_comply(self, request, pk=None):
        order = self.get_object()
        check_order_comply(order, request.user)
        data = s.ComplyIn(data=request.data)
        data.is_valid(raise_exception=True)
        ppid_services.objection_order_comply(
            order_id=order.pk,
            actor=request.user,
            statement=data.validated_data["statement"],
            files=data.validated_data.get("files") or [],
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=order.pk)).data)

    @extend_schema(
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The file, as an attachment"
            ),
            404: ERRORS[404],
        },
        description="Download a file the unit sent in carrying out the order, for whoever sees the order. Each "
        "download is recorded in the audit trail.",
    )
    @action(detail=True, methods=["get"], url_path=r"files/(?P<file_id>[0-9]+)", url_name="file")
    def file(self, request, pk=None, file_id=None):
        order = self.get_object()
        if not order.files.filter(pk=file_id).exists():
            raise Http404
        try:
            stored, handle = ppid_services.objection_order_file_open(
                file_id=int(file_id), viewer=request.user
            )
        except NotFound as exc:
            raise Http404 from exc
        response = FileResponse(
            handle, as_attachment=True, filename=stored.original_name, content_type=stored.content_type
        )
        response["X-Content-Type-Options"] = "nosniff"
        patch_cache_control(response, private=True, no_store=True)
        return response
