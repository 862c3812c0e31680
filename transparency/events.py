"""The action codes of the annual report and the register books, with their page labels (registered with
`audit.actions` from `TransparencyConfig.ready`)."""

from django.utils.translation import gettext_lazy as _

ANNUAL_REPORT_SAVED = "annual_report.saved"
ANNUAL_REPORT_PUBLISHED = "annual_report.published"
ANNUAL_REPORT_REPUBLISHED = "annual_report.republished"
REGISTER_EXPORTED = "register.exported"  # a register book downloaded (it may carry addresses and contacts)

LABELS = {
    ANNUAL_REPORT_SAVED: _("Teks laporan tahunan disimpan"),
    ANNUAL_REPORT_PUBLISHED: _("Laporan tahunan diterbitkan"),
    ANNUAL_REPORT_REPUBLISHED: _("Laporan tahunan diterbitkan ulang"),
    REGISTER_EXPORTED: _("Buku register diunduh"),
}
