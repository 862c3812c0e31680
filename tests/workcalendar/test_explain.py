"""`explain`: a stored deadline told again when shown, in the active language with dates written out."""

import datetime as dt

import pytest
from django.utils import translation

from workcalendar.calendar import compute_due_date, explain
from workcalendar.models import Holiday
from workcalendar.seed import seed_holidays

D = dt.date


@pytest.fixture(autouse=True)
def calendar_2026(db):
    seed_holidays(Holiday, years=[2026])


def test_explain_rebuilds_the_stored_data_in_the_active_language():
    with translation.override("id"):
        stored = compute_due_date(start=D(2026, 3, 13), working_days=10, party="requester").as_record()
    nyepi = next(s for s in stored["skipped"] if s["date"] == "2026-03-19")
    assert nyepi["kind"] == "national" and nyepi["name"] and nyepi["name"] in nyepi["reason"]
    without_names = {
        **stored,
        "skipped": [{k: v for k, v in s.items() if k != "name"} for s in stored["skipped"]],
    }
    with translation.override("en"):
        text = explain(stored)
    assert text.startswith("Received 13 March 2026 (day 0).")
    assert "Cuti bersama is skipped (the requester's deadline rule)." in text
    assert f"19 March 2026 skipped: National holiday: {nyepi['name']}" in text
    assert text.endswith("Due on 6 April 2026 at 23:59 WIB.")
    with translation.override("en"):
        assert explain(without_names) == text  # the API's shape: the name is read from the stored reason


def test_explain_names_what_the_start_date_is():
    stored = compute_due_date(start=D(2026, 7, 20), working_days=7).as_dict()
    with translation.override("id"):
        extension = explain(stored, start_label="extension_from")
        pause = explain({**stored, "start_label": "pause_from"})
    assert extension.startswith("Perpanjangan 7 hari kerja dihitung sejak batas waktu semula 20 Juli 2026")
    assert pause.startswith("Batas waktu sebelumnya 20 Juli 2026 digeser 7 hari kerja")
    assert "Diterima" not in extension + pause


def test_explain_warns_about_missing_holiday_years_and_falls_back_for_old_rows():
    stored = compute_due_date(start=D(2031, 1, 1), working_days=10).as_record()
    assert stored["missing_holiday_years"] == [2031]
    with translation.override("id"):
        assert "Peringatan: belum ada data hari libur untuk tahun 2031" in explain(stored)
    old = {k: v for k, v in stored.items() if k != "missing_holiday_years"} | {"warnings": ["catatan lama"]}
    assert explain(old).endswith("catatan lama")  # older rows keep their stored warnings
    assert explain({"explanation": "Teks lama."}) == "Teks lama."
    assert explain({"start": "bukan tanggal", "explanation": "Teks lama."}) == "Teks lama."
