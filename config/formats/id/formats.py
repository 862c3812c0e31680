# One way to write dates and times in Indonesian pages: "6 Juli 2026", "6 Juli 2026, 10.05" (templates ask for
# DATE_FORMAT, DATETIME_FORMAT and TIME_FORMAT instead of spelling a format out). Input formats stay Django's.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H.i"
TIME_FORMAT = "H.i"
