"""The NIK (Nomor Induk Kependudukan): validation and masking.

Layout of the 16 digits: PP KK CC DDMMYY SSSS
  PP province code, KK regency/city, CC district (kecamatan),
  DDMMYY birth date (DD + 40 for women), SSSS serial number (never 0000).
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Kemendagri province codes, including the Papua provinces created in 2022.
PROVINCE_CODES = frozenset(
    {
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
        "31", "32", "33", "34", "35", "36",
        "51", "52", "53",
        "61", "62", "63", "64", "65",
        "71", "72", "73", "74", "75", "76",
        "81", "82",
        "91", "92", "93", "94", "95", "96",
    }
)  # fmt: skip

_NON_DIGITS = re.compile(r"[\s.\-]")


def normalize_nik(value: str) -> str:
    """Strip the spaces, dots and dashes people type between groups of digits."""
    return _NON_DIGITS.sub("", value or "")


def nik_birth_date(nik: str, today: dt.date | None = None) -> dt.date | None:
    """The birth date encoded in a normalised NIK, or None if it is not a real date."""
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    today = today or timezone.localdate()
    # Two-digit year: the latest century that does not put the birth in the future.
    year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    try:
        born = dt.date(year, month, day)
    except ValueError:
        return None
    if born > today:
        born = born.replace(year=year - 100)
    return born


def validate_nik(value: str) -> str:
    """Return the normalised NIK or raise ValidationError with a message the citizen understands."""
    nik = normalize_nik(value)
    if not re.fullmatch(r"\d{16}", nik):
        raise ValidationError(_("NIK harus terdiri dari 16 angka."), code="nik_length")
    if nik[:2] not in PROVINCE_CODES:
        raise ValidationError(
            _("Kode provinsi pada NIK (dua angka pertama: %(code)s) tidak dikenal."),
            code="nik_province",
            params={"code": nik[:2]},
        )
    if nik[2:4] == "00" or nik[4:6] == "00":
        raise ValidationError(
            _("Kode kabupaten/kota atau kecamatan pada NIK tidak valid."), code="nik_region"
        )
    if nik_birth_date(nik) is None:
        raise ValidationError(
            _("Tanggal lahir pada NIK (angka ke-7 sampai ke-12) tidak valid."), code="nik_birth"
        )
    if nik[12:] == "0000":
        raise ValidationError(_("Nomor urut pada NIK (empat angka terakhir) tidak valid."), code="nik_serial")
    return nik


def mask_nik(last4: str) -> str:
    """How a NIK appears everywhere except to staff who need the full number."""
    return ("•" * 12 + last4) if last4 else ""
