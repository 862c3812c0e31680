"""The action codes of the holiday calendar, with their page labels (registered with `audit.actions` from
`WorkCalendarConfig.ready`)."""

from django.utils.translation import gettext_lazy as _

HOLIDAY_CREATED = "holiday.created"
HOLIDAY_UPDATED = "holiday.updated"
HOLIDAY_DELETED = "holiday.deleted"

LABELS = {
    HOLIDAY_CREATED: _("Hari libur ditambahkan"),
    HOLIDAY_UPDATED: _("Hari libur diubah"),
    HOLIDAY_DELETED: _("Hari libur dihapus"),
}
