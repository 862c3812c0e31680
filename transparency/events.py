"""The action codes of the annual report, with their page labels (registered with `audit.actions` from
`TransparencyConfig.ready`)."""

from django.utils.translation import gettext_lazy as _

ANNUAL_REPORT_SAVED = "annual_report.saved"
ANNUAL_REPORT_PUBLISHED = "annual_report.published"
ANNUAL_REPORT_REPUBLISHED = "annual_report.republished"

LABELS = {
    ANNUAL_REPORT_SAVED: _("Teks laporan tahunan disimpan"),
    ANNUAL_REPORT_PUBLISHED: _("Laporan tahunan diterbitkan"),
    ANNUAL_REPORT_REPUBLISHED: _("Laporan tahunan diterbitkan ulang"),
}
