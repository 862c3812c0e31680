"""The satisfaction survey (SKM, PermenPANRB 14/2017).

`SurveyInvitation` is one per finished case (by content type and id) and only says whether it was used.
`SurveyResponse` holds the answers with nothing that leads back to the case or the person: no case, no
invitation, no user, no timestamp (only the semester), and a random UUID key, so not even the order of rows
joins a response to the invitation used at the same moment. Both are written in one transaction.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# The nine elements (unsur) of PermenPANRB 14/2017, in order: code, the element's name, the question.
ELEMENTS: tuple[tuple[str, str, str], ...] = (
    (
        "u1",
        _("Persyaratan"),
        _("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"),
    ),
    (
        "u2",
        _("Sistem, mekanisme, dan prosedur"),
        _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
    ),
    (
        "u3",
        _("Waktu penyelesaian"),
        _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
    ),
    (
        "u4",
        _("Biaya/tarif"),
        _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
    ),
    (
        "u5",
        _("Produk spesifikasi jenis pelayanan"),
        _(
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
            "standar pelayanan dengan hasil yang diberikan?"
        ),
    ),
    (
        "u6",
        _("Kompetensi pelaksana"),
        _("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
    ),
    (
        "u7",
        _("Perilaku pelaksana"),
        _(
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?"
        ),
    ),
    (
        "u8",
        _("Penanganan pengaduan, saran, dan masukan"),
        _("Bagaimana pendapat Saudara tentang penanganan pengaduan, saran, dan masukan?"),
    ),
    (
        "u9",
        _("Sarana dan prasarana"),
        _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
    ),
)
ELEMENT_CODES: tuple[str, ...] = tuple(code for code, _name, _question in ELEMENTS)

SCALE: tuple[tuple[int, str], ...] = (
    (1, _("Tidak sesuai")),
    (2, _("Kurang sesuai")),
    (3, _("Sesuai")),
    (4, _("Sangat sesuai")),
)

SUGGESTION_MAX_LENGTH = 1000


class CaseKind(models.TextChoices):
    REQUEST = "request", _("Permohonan informasi")
    OBJECTION = "objection", _("Keberatan")
    COMPLAINT = "complaint", _("Pengaduan")


class SurveyInvitation(models.Model):
    """The offer of the survey for one finished case; `used_at` makes it once per case."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="skm_one_invitation_per_case"),
        ]

    def __str__(self) -> str:
        return f"SKM {self.content_type_id}:{self.object_id}"


def _answer() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])


class SurveyResponse(models.Model):
    """One anonymous answer sheet: agency, unit, the case kind, the semester, nine answers, a suggestion."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("agencies.Unit", on_delete=models.PROTECT, related_name="+")
    case_kind = models.CharField(max_length=16, choices=CaseKind.choices)
    year = models.PositiveSmallIntegerField()
    semester = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(2)])
    u1 = _answer()
    u2 = _answer()
    u3 = _answer()
    u4 = _answer()
    u5 = _answer()
    u6 = _answer()
    u7 = _answer()
    u8 = _answer()
    u9 = _answer()
    suggestion = models.TextField(blank=True, max_length=SUGGESTION_MAX_LENGTH)

    class Meta:
        indexes = [models.Index(fields=["agency", "year", "semester"], name="skm_resp_agency_period")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(semester__in=(1, 2)),
                name="skm_response_semester_1_or_2",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{code}__gte": 1, f"{code}__lte": 4}),
                    name=f"skm_response_{code}_1_to_4",
                )
                for code in ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
            ),
        ]

    def __str__(self) -> str:
        return f"SKM {self.year}-{self.semester}"
