"""The log filter blanks a NIK, a 16-digit number standing alone, and leaves every other number as it is."""

import logging

import pytest

from accounts.logging import RedactPersonalDataFilter, redact

NIK = "3273015505900001"
BLANK = "[NIK disamarkan]"


@pytest.mark.parametrize(
    "text",
    [
        f"NIK {NIK} ditolak",
        f"/api/v1/pemohon/?nik={NIK}&x=1",
        f"nik:{NIK}",
        f'{{"nik": "{NIK}"}}',
        f"({NIK})",
        f"ktp_{NIK}.jpg",
        f"NIK {NIK}.",
        f"NIK {NIK}, alamat",
        "NIK 3273 0155 0590 0001",
        "NIK 32.73.01.550590.0001",
        "NIK 3273-0155-0590-0001",
        "NIK 327301-550590-0001",
        f"berkas 12 {NIK} 3 lembar",
    ],
)
def test_a_nik_is_blanked_written_whole_or_in_groups(text):
    redacted = redact(text)
    assert BLANK in redacted
    assert "550590" not in redacted and "5505900001" not in redacted


@pytest.mark.parametrize(
    "text",
    [
        # Celery's task timings, the case reported: "succeeded in 0.[NIK disamarkan]s".
        "Task notifications.tasks.send_notification_email[a0] succeeded in 0.0252807650000477s: True",
        "succeeded in 0.0252807650000477 s",
        "took 1.234567890123456 s",
        "12.3456789012345678",
        "ratio 0,1234567890123456",
        # Longer and shorter digit runs.
        "12345678901234567",
        "id 123456789012345",
        "trace 32730155059000011234",
        # Thousands separators, dates, times, ids glued to letters.
        "Rp 1.234.567.890.123.456",
        "2026-12-02 20:52:43,823 INFO",
        "ids 10 20 30 40 50 60 70 80",
        "a05777a4-cd29-4a9e-812d-cb8181d44760",
        f"x{NIK}",
        f"{NIK}s",
    ],
)
def test_other_numbers_pass_untouched(text):
    assert redact(text) == text


def test_the_filter_rewrites_the_record_only_when_it_held_a_nik():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "pemohon NIK %s gagal", (NIK,), None)
    RedactPersonalDataFilter().filter(record)
    assert record.getMessage() == f"pemohon NIK {BLANK} gagal"
    timing = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "succeeded in %ss", (0.0252807650000477,), None
    )
    RedactPersonalDataFilter().filter(timing)
    assert timing.getMessage() == "succeeded in 0.0252807650000477s"
