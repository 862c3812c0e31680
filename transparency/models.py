"""The transparency app's own tables. It reads every other app's tables and writes only these:

- `AnnualReport`: the free-text sections of the Laporan Layanan Informasi Publik (Perki 1/2021 Pasal 56)
  that the PPID writes; the figures are computed live for the draft. Once the PPID publishes the report, the
  figures and texts of that moment are frozen in `published_data`, which is all the public ever reads.
- `SummaryRow` and `SummaryRefresh`: counts by day and by month of receipt, per unit and per agency,
  materialised by `manage.py refresh_transparency_summary` so that the public statistics of a large agency
  read a few dozen rows instead of hundreds of thousands of cases. Only codes and counts: no personal data can
  be stored.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class AnnualReport(models.Model):
    """What the PPID writes for the annual report of one agency and year (sections a, b, e and f), and the
    version last published (transparency.services.annual_report_publish)."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("badan publik"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    policy_text = models.TextField(_("kebijakan pelayanan informasi publik"), blank=True)
    implementation_text = models.TextField(_("pelaksanaan pelayanan informasi publik"), blank=True)
    obstacles_text = models.TextField(_("kendala"), blank=True)
    recommendations_text = models.TextField(_("rekomendasi dan rencana tindak lanjut"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("diperbarui pada"))
    published_at = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # What the public reads: annual_report_data (figures and texts) as it was when last published. Later
    # changes to the cases or to the texts above reach the public only by publishing again.
    published_data = models.JSONField(
        _("versi yang diterbitkan"), null=True, blank=True, encoder=DjangoJSONEncoder
    )

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("laporan tahunan layanan informasi publik")
        verbose_name_plural = _("laporan tahunan layanan informasi publik")
        ordering = ["agency", "-year"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="annual_report_once_a_year")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class SummaryRow(models.Model):
    """The additive counts of one day of receipt, or (monthly) of a whole month with `day` its first day: for
    one unit, or (unit empty) for the whole agency.

    `counts` maps a code key such as ``req|state|completed`` or ``req|wd|4`` to a number (see
    transparency.statistics). Derived data: rebuilt from the cases by each refresh."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        "agencies.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    monthly = models.BooleanField(default=False)
    counts = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "monthly", "day"],
                condition=Q(unit__isnull=True),
                name="summary_row_agency_day",
            ),
            models.UniqueConstraint(
                fields=["agency", "unit", "monthly", "day"],
                condition=Q(unit__isnull=False),
                name="summary_row_unit_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.unit_id or '*'}/{self.day}{'/month' if self.monthly else ''}"


class SummaryRefresh(models.Model):
    """When an agency's SummaryRow rows were last rebuilt: the moment the public figures are 'as of'."""

    agency = models.OneToOneField("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    refreshed_at = models.DateTimeField()
    first_day = models.DateField(null=True, blank=True)
    last_day = models.DateField(null=True, blank=True)
    rows = models.PositiveIntegerField(default=0)
    duration_ms = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.agency_id} @ {self.refreshed_at:%Y-%m-%d %H:%M}"
