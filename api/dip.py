"""The register over the API (issue 18): `GET /api/v1/dip/?agency=&category=&unit=&q=` and `GET /api/v1/dip/{id}/`
(public, published items only; staff of the agency also read its drafts through the detail), `POST /api/v1/dip/`
(a draft, by an officer of the holding unit: JSON with `links`, or multipart with `files`),
`POST /api/v1/dip/{id}/transitions/publish/` and `.../withdraw/` `{"reason"}` (the PPID Utama), and
`GET /api/v1/dik/?agency=` (the DIK: what is exempt, on what ground, until when; the consequence test's text only
for the agency's staff). Rules and validation are dip.services'; errors map as api/exceptions.py says."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from agencies.errors import NotFound
from agencies.models import Unit
from dip import rules, services
from dip.models import Agreement, Category, DikEntry, DipDocument, DipItem, ExemptionGround, Format, ItemState
from dip.search import search_items
from dip.selectors import (
    items_seen_as_staff,
    items_visible_to,
    may_read_test,
    public_dik,
    public_documents,
    public_items,
)

from .filters import query
from .resources import ERRORS


# --- serializers -------------------------------------------------------------------------------------------------
class DipDocumentOut(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField(
        help_text="An uploaded file: the absolute URL of its public download (staff reading a draft: of the staff "
        "download). A link: the link's URL."
    )
    is_link = serializers.BooleanField()


def document_url(request, item: DipItem, doc: DipDocument) -> str:
    if doc.is_link:
        return doc.url
    if item.state != ItemState.PUBLISHED:
        path = reverse("frontend:dip_work_document", args=[item.pk, doc.pk])
    else:
        # The public page's route (frontend/dip/); a URL name only, api imports nothing of frontend.
        path = reverse("frontend:dip_document", args=[item.agency.slug, item.pk, doc.pk])
    return request.build_absolute_uri(path) if request is not None else path


class DipUnitOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class DipItemOut(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="The unit that holds the information."
    )
    unit_name = serializers.CharField(source="unit.name")
    category = serializers.ChoiceField(choices=Category.choices)
    category_label = serializers.CharField(source="get_category_display")
    format = serializers.ChoiceField(choices=Format.choices)
    state = serializers.ChoiceField(
        choices=ItemState.choices, help_text="Always `published` for the public; staff may read drafts."
    )
    tags = serializers.ListField(child=serializers.CharField())
    documents = serializers.SerializerMethodField()
    next_update_due = serializers.DateField(
        allow_null=True,
        help_text="Informasi berkala: when the holding unit must have updated it; null otherwise.",
    )

    class Meta:
        model = DipItem
        fields = [
            "id",
            "agency",
            "unit",
            "unit_name",
            "title",
            "summary",
            "category",
            "category_label",
            "responsible",
            "made_on",
            "made_at",
            "format",
            "retention",
            "tags",
            "year",
            "state",
            "documents",
            "published_at",
            "updated_at",
            "next_update_due",
        ]

    @extend_schema_field(DipDocumentOut(many=True))
    def get_documents(self, obj: DipItem) -> list[dict]:
        docs = getattr(obj, "shown_documents", None)
        if docs is None:
            docs = getattr(obj, "public_documents", [])
        request = self.context.get("request")
        return [{"name": d.name, "url": document_url(request, obj, d), "is_link": d.is_link} for d in docs]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if instance.category != Category.BERKALA:
            data["next_update_due"] = None
        return data


class DipFilter(serializers.Serializer):
    agency = serializers.SlugField(required=False, help_text="The agency's slug.")
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    unit = serializers.IntegerField(required=False, min_value=1, help_text="The holding unit's id.")
    q = serializers.CharField(
        required=False, max_length=200, help_text="Words to search for in the title, summary and tags."
    )


class LinkIn(serializers.Serializer):
    name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    url = serializers.CharField(max_length=2000)


class DipItemCreateIn(serializers.Serializer):
    # Required-ness and limits are the service's checks (with its messages); the fields only parse.
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.filter(is_active=True))
    title = serializers.CharField(required=False, allow_blank=True)
    summary = serializers.CharField(required=False, allow_blank=True)
    category = serializers.CharField(
        required=False, allow_blank=True, help_text="`berkala`, `serta_merta`, `setiap_saat`."
    )
    responsible = serializers.CharField(required=False, allow_blank=True)
    made_on = serializers.DateField(required=False, allow_null=True)
    made_at = serializers.CharField(required=False, allow_blank=True)
    format = serializers.CharField(required=False, allow_blank=True, help_text="`softcopy` or `hardcopy`.")
    retention = serializers.CharField(required=False, allow_blank=True)
    tags = serializers.ListField(child=serializers.CharField(max_length=200), required=False, default=list)
    year = serializers.IntegerField(required=False, allow_null=True)
    update_interval_months = serializers.IntegerField(
        required=False, help_text="Berkala: 1 to 6 (default 6)."
    )
    links = LinkIn(many=True, required=False, default=list)
    files = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        help_text="multipart/form-data only: PDF, PNG, JPEG, XLSX or DOCX files, checked by content.",
    )


class PublishIn(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")


class WithdrawIn(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, max_length=settings.LONG_TEXT_MAX_CHARS)


class DikOut(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit = serializers.PrimaryKeyRelatedField(read_only=True)
    unit_name = serializers.CharField(source="unit.name")
    ground = serializers.ChoiceField(choices=ExemptionGround.choices, help_text="UU 14/2008 Pasal 17 huruf.")
    ground_label = serializers.CharField(source="get_ground_display")
    agreement = serializers.ChoiceField(choices=Agreement.choices, allow_null=True)

    STAFF_ONLY = (
        "document",
        "exempt_content",
        "legal_basis",
        "harm",
        "public_interest",
        "agreement",
        "agreed_by_name",
        "agreed_on",
    )

    class Meta:
        model = DikEntry
        fields = [
            "id",
            "agency",
            "unit",
            "unit_name",
            "title",
            "ground",
            "ground_label",
            "other_law",
            "period_until",
            "permanent",
            "sk_number",
            "sk_date",
            "decided_at",
            "document",
            "exempt_content",
            "legal_basis",
            "harm",
            "public_interest",
            "agreement",
            "agreed_by_name",
            "agreed_on",
        ]
        extra_kwargs = {
            name: {
                "allow_null": True,
                "help_text": "The consequence test: the agency's staff only, else null.",
            }
            for name in (
                "document",
                "exempt_content",
                "legal_basis",
                "harm",
                "public_interest",
                "agreed_by_name",
            )
        } | {"agreed_on": {"allow_null": True, "help_text": "The agency's staff only, else null."}}

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not may_read_test(request.user, instance):
            for name in self.STAFF_ONLY:
                data[name] = None
        return data


class DikFilter(serializers.Serializer):
    agency = serializers.SlugField(required=False, help_text="The agency's slug.")


# --- views -------------------------------------------------------------------------------------------------------
def _with_all_documents(qs):
    current = DipDocument.objects.filter(removed_at__isnull=True).order_by("added_at", "id")
    return qs.prefetch_related(
        Prefetch(
            "documents", queryset=public_documents().order_by("added_at", "id"), to_attr="public_documents"
        ),
        Prefetch("documents", queryset=current, to_attr="current_documents"),
    )


@extend_schema_view(
    list=extend_schema(
        description="The Daftar Informasi Publik: published items of active agencies, no login. Filters: `agency` "
        "(slug), `category`, `unit` (the holding unit's id), `q` (every word must match, best first).",
        parameters=[DipFilter],
    ),
    retrieve=extend_schema(
        description="One published item with its public documents. The agency's staff also read a draft or a "
        "withdrawn item here (with all its current documents); for anyone else those are 404.",
        responses={200: DipItemOut, 404: ERRORS[404]},
    ),
)
class DipItemViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = DipItemOut

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        return [IsAuthenticated()]

    def get_queryset(self):
        if self.action == "list":
            return public_items().order_by("agency__name", "category", "title", "id")
        return _with_all_documents(items_visible_to(self.request.user))

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        params = query(DipFilter, self.request.query_params)
        if params.get("agency"):
            queryset = queryset.filter(agency__slug=params["agency"])
        if params.get("category"):
            queryset = queryset.filter(category=params["category"])
        if params.get("unit"):
            queryset = queryset.filter(unit_id=params["unit"])
        if params.get("q"):
            queryset = search_items(queryset, params["q"])
        return queryset

    def get_object(self):
        item = super().get_object()
        item.shown_documents = item.public_documents if item.is_public else item.current_documents
        return item

    @extend_schema(
        request={"application/json": DipItemCreateIn, "multipart/form-data": DipItemCreateIn},
        responses={201: DipItemOut, 401: ERRORS[403], **ERRORS},
        description="A draft item of `unit` with the statutory fields (Perki 1/2010 Lampiran II), `tags`, and "
        "documents: `links` [{name, url}] in JSON, or `files` as multipart/form-data. By an officer or head of "
        "the holding unit or of the PPID Utama (else 403); invisible to the public until published. The "
        "permission (403) is checked before the payload (400).",
    )
    def create(self, request, *args, **kwargs):
        data = DipItemCreateIn(data=request.data)
        if not data.is_valid():
            # The caller's permission (403) comes before the payload (400), as in the service.
            unit_id = str(request.data.get("unit", ""))
            unit = Unit.objects.filter(pk=unit_id).first() if unit_id.isdigit() else None
            if unit is not None and not rules.may_draft(request.user, unit):
                raise PermissionDenied(
                    _("Hanya petugas unit ini atau PPID Utama yang dapat menyusun informasi publik.")
                )
            raise serializers.ValidationError(data.errors)
        values = dict(data.validated_data)
        unit, files, links = values.pop("unit"), values.pop("files"), values.pop("links")
        item = services.dip_item_create(
            actor=request.user,
            unit=unit,
            data=values,
            files=files,
            links=[dict(link) for link in links],
        )
        return Response(self.get_serializer(self._reload(item.pk)).data, status=status.HTTP_201_CREATED)

    def _reload(self, pk: int) -> DipItem:
        item = _with_all_documents(items_visible_to(self.request.user)).get(pk=pk)
        item.shown_documents = item.public_documents if item.is_public else item.current_documents
        return item

    @extend_schema(
        request=PublishIn,
        responses={200: DipItemOut, **ERRORS},
        summary="Transition: publish",
        description="The PPID Utama (officer or head) publishes a draft, a withdrawn item or a published item's "
        "revision with its document changes; the holding unit's head may publish a serta merta item at once. "
        "Re-publishing an unchanged berkala item records that it is still current. `note` is optional.",
    )
    @action(detail=True, methods=["post"], url_path="transitions/publish", url_name="transition-publish")
    def transition_publish(self, request, pk=None):
        item = self._visible(pk)
        data = PublishIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.dip_item_publish(item_id=item.pk, actor=request.user, note=data.validated_data["note"])
        return Response(self.get_serializer(self._reload(item.pk)).data)

    @extend_schema(
        request=WithdrawIn,
        responses={200: DipItemOut, **ERRORS},
        summary="Transition: withdraw",
        description="The PPID Utama takes a published item off the register, with a `reason` (required). Only "
        "a published item can be withdrawn (else 409).",
    )
    @action(detail=True, methods=["post"], url_path="transitions/withdraw", url_name="transition-withdraw")
    def transition_withdraw(self, request, pk=None):
        item = self._visible(pk)
        data = WithdrawIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.dip_item_withdraw(item_id=item.pk, actor=request.user, reason=data.validated_data["reason"])
        return Response(self.get_serializer(self._reload(item.pk)).data)

    def _visible(self, pk) -> DipItem:
        """The agency's staff reach the item (its service then checks the role and the state); anyone else 404."""
        item = items_seen_as_staff(self.request.user).filter(pk=pk).first() if str(pk).isdigit() else None
        if item is None:
            raise NotFound(_("Informasi publik tidak ditemukan."))
        return item


@extend_schema_view(
    list=extend_schema(
        description="The Daftar Informasi yang Dikecualikan: the in-force exemptions of active agencies, no login: "
        "what is exempt, on what Pasal 17 ground, until when (or permanent, huruf g and h only), with its SK. The "
        "consequence test's fields (`document`, `exempt_content`, `legal_basis`, `harm`, `public_interest`, the "
        "agreement) are filled only for the agency's own staff, null for everyone else. Filter: `agency` (slug).",
        parameters=[DikFilter],
    ),
)
class DikViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = DikOut
    permission_classes = [AllowAny]

    def get_queryset(self):
        return public_dik().order_by("agency__name", "period_until", "title", "id")

    def filter_queryset(self, queryset):
        params = query(DikFilter, self.request.query_params)
        if params.get("agency"):
            queryset = queryset.filter(agency__slug=params["agency"])
        return queryset
