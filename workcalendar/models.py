"""The editable holiday calendar. Holidays change every year by decree: they are data, not code."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .validators import date_window_error


class HolidayKind(models.TextChoices):
    NATIONAL = "national", _("Libur nasional")
    CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
    REGIONAL = "regional", _("Libur daerah")
    AGENCY = "agency", _("Libur khusus badan publik")


class HolidayQuerySet(models.QuerySet):
    def applicable_to(self, agency) -> "HolidayQuerySet":
        """National holidays and cuti bersama for everyone; regional ones for the agency's province;
        agency-specific ones for that agency alone."""
        scope = Q(kind__in=[HolidayKind.NATIONAL, HolidayKind.CUTI_BERSAMA])
        if agency is not None:
            scope |= Q(kind=HolidayKind.AGENCY, agency=agency)
            if agency.province_code:
                scope |= Q(kind=HolidayKind.REGIONAL, province_code=agency.province_code)
        return self.filter(scope)


class Holiday(models.Model):
    date = models.DateField(
        _("tanggal"),
        db_index=True,
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")},
    )
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=16, choices=HolidayKind.choices)
    decree = models.CharField(
        _("dasar hukum"),
        max_length=255,
        blank=True,
        help_text=_("Mis. SKB 3 Menteri tentang hari libur nasional."),
    )
    source = models.CharField(_("sumber data"), max_length=100, blank=True)
    province_code = models.CharField(_("kode provinsi"), max_length=2, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("badan publik"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="holidays",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = HolidayQuerySet.as_manager()

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["date", "kind"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="agency", agency__isnull=False)
                | (~Q(kind="agency") & Q(agency__isnull=True)),
                name="holiday_agency_only_for_agency_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind="regional", province_code__regex=r"^\d{2}$")
                | (~Q(kind="regional") & Q(province_code="")),
                name="holiday_province_only_for_regional_kind",
            ),
            models.UniqueConstraint(
                fields=["date", "kind", "name"],
                condition=Q(agency__isnull=True),
                name="holiday_unique_shared",
            ),
            models.UniqueConstraint(
                fields=["date", "agency", "name"],
                condition=Q(agency__isnull=False),
                name="holiday_unique_agency",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"

    @property
    def is_estimate(self) -> bool:
        """Still the library's estimate (2027 Idul Fitri, Idul Adha), to be confirmed against the SKB: its decree
        says so until an administrator enters the SKB."""
        from .seed import ESTIMATE_DECREE_PREFIX

        return self.decree.startswith(ESTIMATE_DECREE_PREFIX)

    def clean(self) -> None:
        if error := date_window_error(self.date, planned=True):  # planned ahead, never before 2008
            raise ValidationError({"date": error})
        if self.kind == HolidayKind.AGENCY and not self.agency_id:
            raise ValidationError({"agency": _("Libur khusus harus untuk satu badan publik.")})
        if self.kind != HolidayKind.AGENCY:
            self.agency = None
        if self.kind == HolidayKind.REGIONAL and not (
            len(self.province_code) == 2 and self.province_code.isdigit()
        ):
            raise ValidationError({"province_code": _("Libur daerah memerlukan kode provinsi 2 angka.")})
        if self.kind != HolidayKind.REGIONAL:
            self.province_code = ""
