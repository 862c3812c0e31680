"""Small pieces every case page shares: the length of a list page, the date format of the pages' messages, and
the words for a deadline window's status."""

from django.utils import formats
from django.utils.translation import gettext_lazy

# Rows on one page of a list or queue (?halaman= turns the page).
PAGE_SIZE = 50

# Deadlines: status in words as well as colour.
WINDOW_STATUS = {
    "met": gettext_lazy("Dipenuhi tepat waktu"),
    "missed": gettext_lazy("Dipenuhi terlambat"),
    "open": gettext_lazy("Berjalan"),
    "overdue": gettext_lazy("Lewat batas waktu"),
}


def format_date(value) -> str:
    """A date as the pages' messages write it: "6 Juli 2026" / "6 July 2026"."""
    return formats.date_format(value, "j F Y")
