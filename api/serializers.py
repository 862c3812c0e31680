"""Input serializers validate; output serializers render. No business rule lives here: services decide."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import RequesterType
from agencies.models import Agency, Unit
from audit.models import Event
from audit.selectors import event_reason
from complaints.models import ArchiveReason, Complaint, ComplaintCategory
from complaints.selectors import reporter_display
from ppid import register
from ppid import rules as ppid_rules
from ppid.models import (
    Channel,
    Court,
    Decision,
    DeliveryMethod,
    Dispute,
    DisputeHearing,
    DisputeResult,
    ExemptionGround,
    InformationRequest,
    MediationResult,
    Objection,
    ObjectionGround,
    ObjectionOrder,
    ObjectionOrderFile,
    ObjectionOutcome,
    ObtainMethod,
    OrderState,
    PaymentStatus,
)
from workcalendar.models import Holiday
from workcalendar.validators import incident_date, planned_date, received_date

from .approval import ApprovalStateField, DraftField, decisions_open_to
from .assignment import AssignedToField
from .issued_letters import LettersField, WithLettersList


def _transitions(obj, user) -> list[str]:
    return sorted(t.name for t in obj.get_available_user_state_transitions(user))


class LabelledChoiceField(serializers.ChoiceField):
    """A choice rendered as its code; the label is in a sibling `<field>_label` field."""


# --- reference data ---------------------------------------------------------------------------------------
class AgencySerializer(serializers.ModelSerializer):
    time_zone_label = serializers.CharField(read_only=True)

    class Meta:
        model = Agency
        fields = [
            "id",
            "slug",
            "name",
            "time_zone",
            "time_zone_label",
            "province_code",
            "address",
            "city",
            "phone",
            "email",
            "website",
            "cuti_bersama_is_working_day",
            "cuti_bersama_agency_working_day",
            "cuti_bersama_requester_working_day",
            "pause_on_clarification",
            "approval_before_issue",
        ]


class UnitSerializer(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "agency", "name", "code", "kind", "parent", "is_active"]


class HolidaySerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Holiday
        fields = ["id", "date", "name", "kind", "kind_label", "decree", "province_code", "agency"]


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField()

    reason = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = ["id", "created_at", "action", "from_state", "to_state", "reason", "actor"]

    def get_reason(self, event) -> str:
        return event_reason(event, staff_view=bool(self.context.get("staff_view")))

    def get_actor(self, event) -> str | None:
        # Staff see who acted; others see the action only (and never an anonymous reporter).
        if self.context.get("staff_view") and event.actor_id:
            return event.actor.username
        return None


# --- requests ------------------------------------------------------------------------------------------------
class DipItemRefOut(serializers.Serializer):
    """The published DIP item an `already_published` notice points at (issue 18)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="The item's public page, absolute.")


class DikEntryRefOut(serializers.Serializer):
    """The in-force DIK entry a refusal or partial grant cites (issue 18); its test's text stays staff's."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    ground = serializers.CharField()
    sk_number = serializers.CharField()
    sk_date = serializers.DateField(allow_null=True)


class FeeItemSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    unit = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    amount = serializers.IntegerField(min_value=1)
    quantity = serializers.IntegerField(min_value=1)


class ResponseOut(serializers.Serializer):
    decision = serializers.CharField()
    decision_label = serializers.CharField(source="get_decision_display")
    information_held = serializers.BooleanField()
    holding_body = serializers.CharField()
    exemption_grounds = serializers.ListField(child=serializers.CharField())
    consequence_test = serializers.CharField()
    provided_information = serializers.CharField()
    redactions = serializers.CharField()
    obtain_method = serializers.CharField()
    delivery_method = serializers.CharField()
    fee_amount = serializers.DecimalField(max_digits=12, decimal_places=0)
    fee_details = serializers.CharField()
    note = serializers.CharField()
    provision_on = serializers.DateField(allow_null=True)
    documented_by = serializers.DateField(allow_null=True)
    other_law = serializers.CharField()
    exemption_period = serializers.CharField()
    responded_at = serializers.DateTimeField()
    dip_item = serializers.SerializerMethodField()
    dik_entry = serializers.SerializerMethodField()
    # Fees and handover (issue 19 point 3).
    fee_items = serializers.ListField(child=FeeItemSerializer())
    payment_status = serializers.CharField()
    paid_on = serializers.DateField(allow_null=True)
    has_payment_proof = serializers.SerializerMethodField()
    waived_reason = serializers.CharField()
    handed_over_on = serializers.DateField(allow_null=True)
    handover_method = serializers.CharField()
    handover_received_by = serializers.CharField()

    def get_has_payment_proof(self, response) -> bool:
        return bool(response.payment_proof)

    @extend_schema_field(DipItemRefOut(allow_null=True))
    def get_dip_item(self, response) -> dict | None:
        item = response.dip_item
        if item is None:
            return None
        return {"id": item.pk, "title": item.title, "url": register.item_url(item, absolute=True)}

    @extend_schema_field(DikEntryRefOut(allow_null=True))
    def get_dik_entry(self, response) -> dict | None:
        entry = response.dik_entry
        if entry is None:
            return None
        return {
            "id": entry.pk,
            "title": entry.title,
            "ground": entry.ground,
            "sk_number": entry.sk_number,
            "sk_date": entry.sk_date,
        }


class RequesterContactOut(serializers.Serializer):
    address = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()


class RequestOut(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    state_label = serializers.CharField(source="get_state_display")
    unit_name = serializers.CharField(source="unit.name")
    is_overdue = serializers.BooleanField()
    extended = serializers.BooleanField()
    requester_nik_masked = serializers.CharField()
    requester_contact = serializers.SerializerMethodField(
        help_text="The requester's address, phone and e-mail: for the requester, the handling officers and "
        "the Atasan PPID (ppid.rules.may_see_requester_contact); null for everyone else."
    )
    available_transitions = serializers.SerializerMethodField()
    response = serializers.SerializerMethodField()
    deadline = serializers.SerializerMethodField()
    assigned_to = AssignedToField()
    approval_state = ApprovalStateField()
    draft = DraftField()
    letters = LettersField()

    class Meta:
        model = InformationRequest
        list_serializer_class = WithLettersList
        fields = [
            "id",
            "registration_number",
            "agency",
            "unit",
            "unit_name",
            "state",
            "state_label",
            "channel",
            "received_at",
            "due_date",
            "original_due_date",
            "is_overdue",
            "extended",
            "extension_reason",
            "information_requested",
            "purpose",
            "obtain_method",
            "delivery_method",
            "requester_type",
            "requester_name",
            "requester_nik_masked",
            "requester_contact",
            "responded_at",
            "notice_received_by_requester_on",
            "completed_at",
            "available_transitions",
            "response",
            "deadline",
            "assigned_to",
            "approval_state",
            "draft",
            "letters",
        ]

    @extend_schema_field(
        serializers.ListField(
            child=serializers.CharField(),
            help_text="The transitions the caller may run now; with approval before issue, `approve` and `return` "
            "for the unit head while a draft waits (they are not state transitions).",
        )
    )
    def get_available_transitions(self, obj) -> list[str]:
        user = self.context["request"].user
        return sorted([*_transitions(obj, user), *decisions_open_to(obj, user)])

    @extend_schema_field(RequesterContactOut(allow_null=True))
    def get_requester_contact(self, obj) -> dict | None:
        if not ppid_rules.may_see_requester_contact(obj, self.context["request"].user):
            return None
        return {"address": obj.requester_address, "phone": obj.requester_phone, "email": obj.requester_email}

    def get_response(self, obj) -> dict | None:
        response = getattr(obj, "response", None)
        return ResponseOut(response).data if response is not None else None

    def get_deadline(self, obj) -> list[dict]:
        return [
            {"step": s["step"], "due_date": s["due_date"], "explanation": s["explanation"]}
            for s in obj.deadline_log
        ]


class RequesterIn(serializers.Serializer):
    requester_type = serializers.ChoiceField(choices=RequesterType.choices)
    name = serializers.CharField(max_length=200)
    nik = serializers.CharField(max_length=24, required=False, allow_blank=True)
    entity_number = serializers.CharField(max_length=100, required=False, allow_blank=True)
    address = serializers.CharField(max_length=settings.LONG_TEXT_MAX_CHARS)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    occupation = serializers.CharField(max_length=100, required=False, allow_blank=True)


class RequestCreateIn(serializers.Serializer):
    agency = serializers.SlugRelatedField(slug_field="slug", queryset=Agency.objects.filter(is_active=True))
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.filter(is_active=True), required=False, allow_null=True
    )
    information_requested = serializers.CharField(max_length=settings.LONG_TEXT_MAX_CHARS)
    purpose = serializers.CharField(max_length=settings.LONG_TEXT_MAX_CHARS)
    obtain_method = serializers.ChoiceField(choices=ObtainMethod.choices)
    delivery_method = serializers.ChoiceField(choices=DeliveryMethod.choices)
    # Offline intake by officers only:
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    received_at = serializers.DateTimeField(required=False, validators=[received_date])
    requester = RequesterIn(required=False)


class ForwardIn(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReasonIn(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class MessageIn(serializers.Serializer):
    message = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=settings.LONG_TEXT_MAX_CHARS
    )


class RespondIn(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    exemption_grounds = serializers.ListField(
        child=serializers.ChoiceField(choices=ExemptionGround.choices), required=False, default=list
    )
    consequence_test = serializers.CharField(required=False, allow_blank=True, default="")
    holding_body = serializers.CharField(required=False, allow_blank=True, default="", max_length=255)
    provided_information = serializers.CharField(required=False, allow_blank=True, default="")
    redactions = serializers.CharField(required=False, allow_blank=True, default="")
    obtain_method = serializers.ChoiceField(choices=ObtainMethod.choices, required=False, allow_blank=True)
    delivery_method = serializers.ChoiceField(
        choices=DeliveryMethod.choices, required=False, allow_blank=True
    )
    fee_amount = serializers.DecimalField(
        max_digits=12, decimal_places=0, required=False, default=0, min_value=0
    )
    fee_details = serializers.CharField(required=False, allow_blank=True, default="")
    fee_items = serializers.ListField(
        child=FeeItemSerializer(),
        required=False,
        default=list,
        max_length=50,
        help_text="Items from the fee schedule; amount*quantity must sum to fee_amount (0 or omitted: computed).",
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")
    provision_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Granted or partly granted: by when it is provided.",
    )
    documented_by = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="not_documented: by when it will be documented.",
    )
    other_law = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Required with ground j: the other law and article.",
    )
    exemption_period = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Refusal or partial grant: how long the exemption runs.",
    )
    dip_item = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="already_published: the id of the agency's published DIP item that answers the request.",
    )
    dik_entry = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Refusal or partial grant: the id of an in-force DIK entry of the agency to cite; its ground, "
        "consequence test, other law and period fill those left empty.",
    )


class EmptyIn(serializers.Serializer):
    pass


class NoticeReceiptIn(serializers.Serializer):
    received_on = serializers.DateField(
        help_text="The day the requester received the written notice (by post or by hand).",
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
    )
    reason = serializers.CharField(
        max_length=500, help_text="What the date rests on, e.g. the postal receipt."
    )


class PaymentIn(serializers.Serializer):
    status = serializers.ChoiceField(choices=[c for c in PaymentStatus.choices if c[0] != PaymentStatus.NONE])
    paid_on = serializers.DateField(required=False, allow_null=True, default=None)
    proof = serializers.FileField(required=False, allow_null=True, default=None)
    waived_reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class HandoverIn(serializers.Serializer):
    handed_over_on = serializers.DateField()
    method = serializers.ChoiceField(choices=DeliveryMethod.choices)
    received_by = serializers.CharField(max_length=255)


class DecisionReceiptIn(NoticeReceiptIn):
    received_on = serializers.DateField(
        help_text="The day the requester received the Atasan's answer (by post or by hand).",
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
    )


# --- the Atasan's orders carried out (issue 16 point 6) ------------------------------------------------------
class OrderFileOut(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name")
    download = serializers.SerializerMethodField(
        help_text="GET it with the same credentials (each download is recorded)."
    )

    class Meta:
        model = ObjectionOrderFile
        fields = ["id", "name", "content_type", "size", "uploaded_at", "download"]

    def get_download(self, obj) -> str:
        return reverse("api:order-file", args=[obj.order_id, obj.pk])


class OrderObligationOut(serializers.ModelSerializer):
    """The order as its objection carries it."""

    state = serializers.ChoiceField(choices=OrderState.choices)
    files = OrderFileOut(many=True, help_text="What the unit sent; for whoever sees the order.")

    class Meta:
        model = ObjectionOrder
        fields = ["id", "what", "due_date", "state", "complied_at", "statement", "files"]


class OrderOut(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    objection_number = serializers.CharField(source="objection.registration_number")
    request_number = serializers.CharField(
        source="request.registration_number",
        allow_null=True,
        help_text="Null for an objection without a request (ground b).",
    )
    unit = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="The unit that must carry out the order."
    )
    state = serializers.ChoiceField(choices=OrderState.choices)
    state_label = serializers.CharField(source="get_state_display")
    is_overdue = serializers.BooleanField(
        help_text="Open and past the end of its due date in the agency's zone."
    )
    complied_late = serializers.BooleanField(
        allow_null=True, help_text="Null while open; whether it was carried out after its due date."
    )
    files = OrderFileOut(many=True)
    available_transitions = serializers.SerializerMethodField()

    class Meta:
        model = ObjectionOrder
        fields = [
            "id",
            "objection",
            "objection_number",
            "agency",
            "request",
            "request_number",
            "unit",
            "what",
            "due_date",
            "state",
            "state_label",
            "is_overdue",
            "opened_at",
            "complied_at",
            "complied_late",
            "statement",
            "files",
            "available_transitions",
        ]

    def get_available_transitions(self, obj) -> list[str]:
        return _transitions(obj, self.context["request"].user)


class ComplyIn(serializers.Serializer):
    # Required is the service's check (with its message); the field only parses.
    statement = serializers.CharField(
        allow_blank=True,
        max_length=settings.LONG_TEXT_MAX_CHARS,
        help_text="What was provided to the requester (required). The requester reads it.",
    )
    files = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        help_text="multipart/form-data only: PDF, PNG or JPEG files sent to the requester (optional).",
    )


class OrderFilter(serializers.Serializer):
    state = serializers.ChoiceField(choices=OrderState.choices, required=False)
    unit = serializers.IntegerField(required=False, min_value=1, help_text="The unit that must comply.")


# --- objections and disputes ----------------------------------------------------------------------------------
class ObjectionOut(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    request_number = serializers.CharField(
        source="request.registration_number",
        allow_null=True,
        help_text="Null for a ground-b objection without a request (see `information`).",
    )
    unit = serializers.PrimaryKeyRelatedField(read_only=True)
    information = serializers.CharField(
        read_only=True,
        help_text="Ground b without a request (UU 14/2008 Pasal 35(1)b): the periodic information that is not "
        "published. Empty when the objection is to a request.",
    )
    dip_item = serializers.SerializerMethodField(
        help_text="Ground b: the berkala DIP item the objection names (id, title, url), or null."
    )
    dip_item_absent = serializers.BooleanField(
        read_only=True, help_text="Ground b: the objector says the information is not listed in the DIP."
    )
    state_label = serializers.CharField(source="get_state_display")
    is_overdue = serializers.BooleanField()
    outcome_label = serializers.CharField(source="get_outcome_display")
    available_transitions = serializers.SerializerMethodField()
    assigned_to = AssignedToField()
    order_obligation = OrderObligationOut(
        read_only=True,
        allow_null=True,
        help_text="What the Atasan's decision obliges the unit to provide, by when, and whether it was done "
        "(issue 16 point 6); null when the decision opened no order.",
    )
    letters = LettersField()

    class Meta:
        model = Objection
        list_serializer_class = WithLettersList
        fields = [
            "id",
            "registration_number",
            "agency",
            "request",
            "request_number",
            "unit",
            "information",
            "dip_item",
            "dip_item_absent",
            "state",
            "state_label",
            "channel",
            "received_at",
            "grounds",
            "ground_windows",
            "filed_after_window",
            "working_days_late",
            "reason",
            "due_date",
            "is_overdue",
            "outcome",
            "outcome_label",
            "reasons",
            "order",
            "upheld_part",
            "comply_by",
            "settled_by_agreement",
            "decided_at",
            "decision_received_by_requester_on",
            "available_transitions",
            "assigned_to",
            "order_obligation",
            "letters",
        ]

    @extend_schema_field(DipItemRefOut(allow_null=True))
    def get_dip_item(self, obj) -> dict | None:
        item = obj.dip_item
        if item is None:
            return None
        return {"id": item.pk, "title": item.title, "url": register.item_url(item, absolute=True)}

    def get_available_transitions(self, obj) -> list[str]:
        return _transitions(obj, self.context["request"].user)


class ObjectionCreateIn(serializers.Serializer):
    request = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="The request objected to. Leave it out for ground b without a request: give `agency` and "
        "`information` instead.",
    )
    grounds = serializers.ListField(
        child=serializers.ChoiceField(choices=ObjectionGround.choices),
        min_length=1,
        required=False,
        help_text="Required with `request`. Without a request the ground is b.",
    )
    agency = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Agency.objects.filter(is_active=True),
        required=False,
        help_text="Without a request: the agency that does not publish the information.",
    )
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text="Without a request: the unit that should publish it (default: the PPID Utama).",
    )
    information = serializers.CharField(
        max_length=settings.LONG_TEXT_MAX_CHARS,
        required=False,
        help_text="Without a request (ground b, Pasal 35(1)b): the periodic information that is not published.",
    )
    requester = RequesterIn(
        required=False, help_text="Officers, a ground-b objection received offline: the objector's identity."
    )
    reason = serializers.CharField(max_length=settings.LONG_TEXT_MAX_CHARS)
    proxy_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    received_at = serializers.DateTimeField(
        required=False, validators=[received_date], help_text=_("Hanya petugas: keberatan luring.")
    )
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    dip_item = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="Ground b: the published berkala DIP item of the agency the objection is about (`GET /dip/`).",
    )
    dip_item_absent = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Ground b: the information is not listed in the agency's DIP.",
    )

    def validate(self, attrs):
        if attrs.get("request") is not None:
            if not attrs.get("grounds"):
                raise serializers.ValidationError({"grounds": [_("Pilih sedikitnya satu alasan keberatan.")]})
            return attrs
        errors = {}
        if attrs.get("agency") is None:
            errors["agency"] = [
                _(
                    "Sebutkan permohonan yang dikeberatankan, atau badan publiknya untuk keberatan atas "
                    "informasi berkala (alasan b)."
                )
            ]
        if not (attrs.get("information") or "").strip() and attrs.get("dip_item") is None:
            errors["information"] = [_("Sebutkan informasi berkala yang tidak diumumkan.")]
        if set(attrs.get("grounds") or ["b"]) != {"b"}:
            errors["grounds"] = [
                _("Tanpa permohonan, keberatan hanya dapat diajukan atas alasan b (Pasal 35 ayat 1).")
            ]
        if "received_at" in attrs and not attrs.get("requester"):
            errors["requester"] = [_("Isi identitas pemohon keberatan yang diterima luring.")]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class DecideIn(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=ObjectionOutcome.choices)
    reasons = serializers.CharField(required=False, allow_blank=True, default="")
    order = serializers.CharField(required=False, allow_blank=True, default="")
    comply_by = serializers.DateField(
        required=False, allow_null=True, default=None, validators=[planned_date]
    )
    settled_by_agreement = serializers.BooleanField(required=False, default=False)
    upheld_part = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="partially_granted: what of the PPID's decision stands (`order` is what is granted).",
    )


class HearingOut(serializers.ModelSerializer):
    class Meta:
        model = DisputeHearing
        fields = ["id", "held_on", "kind", "notes"]


class DisputeOut(serializers.ModelSerializer):
    hearings = HearingOut(many=True, read_only=True)
    windows = serializers.SerializerMethodField()

    class Meta:
        model = Dispute
        fields = [
            "id",
            "objection",
            "commission",
            "ki_register_number",
            "filed_on",
            "notice_received_on",
            "first_hearing_on",
            "mediation_started_on",
            "mediation_extended",
            "mediation_result",
            "adjudication_started_on",
            "decision_on",
            "decision_received_on",
            "result",
            "obligations",
            "complied_on",
            "compliance_note",
            "appeal_court",
            "appeal_filed_on",
            "appeal_filed_by",
            "court_decision_received_on",
            "court_decision",
            "kasasi_filed_on",
            "kasasi_decision",
            "hearings",
            "windows",
        ]

    def get_windows(self, obj) -> list[dict]:
        from ppid.windows import dispute_windows

        return [
            {
                "key": w.key,
                "label": w.label,
                "start": w.start,
                "due_date": w.due_date,
                "status": w.status,
                "explanation": w.explanation,
            }
            for w in dispute_windows(obj.objection, obj)
        ]


class DisputeCreateIn(serializers.Serializer):
    objection = serializers.IntegerField()
    commission = serializers.CharField(max_length=200)
    ki_register_number = serializers.CharField(max_length=100)
    filed_on = serializers.DateField(validators=[planned_date])
    notice_received_on = serializers.DateField(
        required=False, allow_null=True, default=None, validators=[planned_date]
    )


class DisputeProgressIn(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    notice_received_on = serializers.DateField(required=False, allow_null=True, validators=[planned_date])
    first_hearing_on = serializers.DateField(required=False, allow_null=True, validators=[planned_date])
    mediation_started_on = serializers.DateField(required=False, allow_null=True, validators=[planned_date])
    mediation_extended = serializers.BooleanField(required=False)
    mediation_result = serializers.ChoiceField(
        choices=MediationResult.choices, required=False, allow_blank=True
    )
    adjudication_started_on = serializers.DateField(
        required=False, allow_null=True, validators=[planned_date]
    )
    decision_on = serializers.DateField(required=False, allow_null=True, validators=[planned_date])
    decision_received_on = serializers.DateField(required=False, allow_null=True, validators=[planned_date])
    result = serializers.ChoiceField(choices=DisputeResult.choices, required=False, allow_blank=True)
    obligations = serializers.CharField(required=False, allow_blank=True)
    complied_on = serializers.DateField(required=False, allow_null=True, validators=[planned_date])
    compliance_note = serializers.CharField(required=False, allow_blank=True)
    appeal_court = serializers.ChoiceField(choices=Court.choices, required=False, allow_blank=True)
    appeal_filed_on = serializers.DateField(required=False, allow_null=True, validators=[planned_date])
    appeal_filed_by = serializers.CharField(required=False, allow_blank=True, max_length=100)
    court_decision_received_on = serializers.DateField(
        required=False, allow_null=True, validators=[planned_date]
    )
    court_decision = serializers.CharField(required=False, allow_blank=True)
    kasasi_filed_on = serializers.DateField(required=False, allow_null=True, validators=[planned_date])
    kasasi_decision = serializers.CharField(required=False, allow_blank=True)


# --- complaints ---------------------------------------------------------------------------------------------
class ComplaintOut(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    state_label = serializers.CharField(source="get_state_display")
    category_label = serializers.CharField(source="get_category_display")
    reporter = serializers.SerializerMethodField()
    is_overdue = serializers.BooleanField()
    current_due = serializers.DateField(allow_null=True)
    filed_after_incident_window = serializers.BooleanField(
        read_only=True,
        help_text="Filed more than 30 days after the incident (UU 25/2009 Pasal 42): accepted, flagged.",
    )
    available_transitions = serializers.SerializerMethodField()
    assigned_to = AssignedToField()
    letters = LettersField()

    class Meta:
        model = Complaint
        list_serializer_class = WithLettersList
        fields = [
            "id",
            "tracking_number",
            "agency",
            "unit",
            "state",
            "state_label",
            "title",
            "description",
            "category",
            "category_label",
            "occurred_on",
            "location",
            "latitude",
            "longitude",
            "service",
            "anonymous",
            "confidential",
            "reporter",
            "received_at",
            "verify_due",
            "followup_due",
            "auto_close_on",
            "resolution_due",
            "current_due",
            "is_overdue",
            "filed_after_incident_window",
            "archive_reason",
            "archive_note",
            "rating",
            "rating_comment",
            "ombudsman_reference",
            "lapor_tracking_number",
            "converted_request",
            "from_request",
            "available_transitions",
            "assigned_to",
            "letters",
        ]

    def get_reporter(self, obj) -> str:
        return reporter_display(obj, self.context["request"].user)

    def get_available_transitions(self, obj) -> list[str]:
        return _transitions(obj, self.context["request"].user)


class ComplaintCreateIn(serializers.Serializer):
    agency = serializers.SlugRelatedField(slug_field="slug", queryset=Agency.objects.filter(is_active=True))
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=settings.LONG_TEXT_MAX_CHARS)
    category = serializers.ChoiceField(choices=ComplaintCategory.choices)
    occurred_on = serializers.DateField(
        required=False, allow_null=True, default=None, validators=[incident_date]
    )
    location = serializers.CharField(required=False, allow_blank=True, default="", max_length=255)
    latitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        required=False,
        allow_null=True,
        default=None,
        min_value=-90,
        max_value=90,
    )
    longitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        required=False,
        allow_null=True,
        default=None,
        min_value=-180,
        max_value=180,
    )
    service = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    anonymous = serializers.BooleanField(required=False, default=False)
    confidential = serializers.BooleanField(required=False, default=False)


class VerifyIn(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())


class ArchiveIn(serializers.Serializer):
    reason = serializers.ChoiceField(
        choices=[c for c in ArchiveReason.choices if c[0] != ArchiveReason.CONVERTED]
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ConfirmIn(serializers.Serializer):
    rating = serializers.IntegerField(
        min_value=1,
        max_value=5,
        error_messages={
            "max_value": _("Penilaian harus angka 1 sampai 5."),
            "min_value": _("Penilaian harus angka 1 sampai 5."),
        },
    )
    comment = serializers.CharField(required=False, allow_blank=True, default="")
