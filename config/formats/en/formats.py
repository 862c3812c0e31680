# One way to write dates and times in English pages: "6 July 2026", "6 July 2026, 10:05" (the same order as the
# Indonesian pages, with the English clock). Input formats stay Django's.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
