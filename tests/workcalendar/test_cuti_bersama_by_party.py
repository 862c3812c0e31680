"""Issue 14 point 1: cuti bersama is leave, not a holiday, and the cautious reading differs by party."""

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps

from tests.factories import AgencyFactory
from workcalendar.calendar import AGENCY, REQUESTER, WorkingCalendar, compute_due_date, explain
from workcalendar.models import Holiday
from workcalendar.seed import seed_holidays

D = dt.date
RECEIVED = D(2026, 3, 17)  # a Tuesday, just before Nyepi and Idul Fitri 2026 with their cuti bersama


@pytest.fixture(autouse=True)
def calendar_2026(db):
    seed_holidays(Holiday, years=[2026])


def test_a_new_agency_counts_cuti_bersama_on_its_own_deadlines_and_skips_it_on_the_requesters():
    agency = AgencyFactory()
    notice = compute_due_date(start=RECEIVED, working_days=10, agency=agency)
    assert notice.due_date == D(2026, 4, 1)
    objection = compute_due_date(start=RECEIVED, working_days=10, agency=agency, party=REQUESTER)
    assert objection.due_date == D(2026, 4, 8)  # what the agency's notice was due on before


def test_explanations_name_the_rule_that_applied():
    agency = AgencyFactory()
    notice = compute_due_date(start=RECEIVED, working_days=10, agency=agency)
    assert "Cuti bersama dihitung sebagai hari kerja (aturan tenggat badan publik)" in notice.explanation()
    assert notice.as_dict()["party"] == AGENCY
    window = compute_due_date(start=RECEIVED, working_days=10, agency=agency, party=REQUESTER)
    assert "Cuti bersama dilewati (aturan tenggat pemohon)" in window.explanation()
    assert "Cuti bersama dilewati (aturan tenggat pemohon)" in explain(window.as_record())


def test_each_setting_only_moves_its_own_party():
    agency = AgencyFactory(cuti_bersama_agency_working_day=False, cuti_bersama_requester_working_day=True)
    assert WorkingCalendar(agency).add_working_days(RECEIVED, 10).due_date == D(2026, 4, 8)
    assert WorkingCalendar(agency, party=REQUESTER).add_working_days(RECEIVED, 10).due_date == D(2026, 4, 1)


def test_unknown_party_is_refused():
    with pytest.raises(ValueError, match="party"):
        WorkingCalendar(None, party="court")


@pytest.mark.parametrize("old_flag", [False, True])
def test_the_data_migration_keeps_an_existing_agencys_behaviour(old_flag):
    migration = importlib.import_module("agencies.migrations.0006_cuti_bersama_by_party")

    class OldAgency:
        def __init__(self, flag):
            self.cuti_bersama_is_working_day = flag
            self.saved = None

        def save(self, update_fields):
            self.saved = update_fields

    agency = OldAgency(old_flag)

    class Manager:
        def all(self):
            return [agency]

    class Model:
        objects = Manager()

    class Apps:
        def get_model(self, app, name):
            assert (app, name) == ("agencies", "Agency")
            return Model

    migration.copy_old_flag(Apps(), None)
    assert agency.cuti_bersama_agency_working_day is old_flag
    assert agency.cuti_bersama_requester_working_day is old_flag
    assert set(agency.saved) == {"cuti_bersama_agency_working_day", "cuti_bersama_requester_working_day"}
    assert django_apps.get_model("agencies", "Agency")._meta.get_field("cuti_bersama_agency_working_day")


def test_api_due_date_takes_the_party(client):
    agency = AgencyFactory(slug="dinas-uji")
    base = {"start": "2026-03-17", "working_days": 10, "agency": "dinas-uji"}
    default = client.get("/api/v1/calendar/due-date/", base).json()
    assert default["due_date"] == "2026-04-01" and default["party"] == "agency"
    assert "aturan tenggat badan publik" in default["explanation"]
    requester = client.get("/api/v1/calendar/due-date/", {**base, "party": "requester"}).json()
    assert requester["due_date"] == "2026-04-08" and requester["party"] == "requester"
    assert "aturan tenggat pemohon" in requester["explanation"]
    bad = client.get("/api/v1/calendar/due-date/", {**base, "party": "court"})
    assert bad.status_code == 400 and "party" in bad.json()["errors"]
    assert agency.cuti_bersama_is_working_day is True  # the old read-only name tells the agency-side rule
