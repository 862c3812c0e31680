"""The auditor's compliance table fits a 1280 px screen, and case pages print as the case alone: no menus, forms,
buttons or footer (issue 13)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each matching element that the printed page still shows.
PRINTED = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => getComputedStyle(el).display !== "none" && el.getClientRects().length > 0)
  .map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className ? "." + el.className : ""))"""
CHROME = "header, nav, footer, form, button, .skip-link, a.button"


def test_the_compliance_table_fits_a_1280_screen(world, open_tab):
    with time_machine.travel(timezone.now() - dt.timedelta(days=40), tick=False):
        world.file_request()  # overdue now
    world.refused_request()
    tab = log_in(open_tab(viewport={"width": 1280, "height": 900}), "auditor")
    tab.goto(f"/dasbor/{world.agency.slug}/")
    table = tab.main.get_by_role("table", name="Kepatuhan per unit: permohonan, keberatan, dan pengaduan")
    assert table.is_visible()
    sizes = table.evaluate(
        """(t) => { const box = t.parentElement;
           return {table: t.getBoundingClientRect().right, screen: document.documentElement.clientWidth,
                   hidden: box.scrollWidth - box.clientWidth}; }"""
    )
    assert sizes["hidden"] <= 0 and sizes["table"] <= sizes["screen"], sizes
    # Every column still names what it counts.
    assert table.get_by_role("columnheader").count() == 18  # with the contributions answered late


def test_case_pages_print_without_menus_and_forms(world, open_tab):
    from complaints.services import complaint_file

    objection = world.objection()
    complaint, _code = complaint_file(
        reporter=None,
        agency=world.agency,
        title="Meja layanan PPID tutup pada jam layanan",
        description="Senin pukul 10.00 meja layanan kosong.",
        category="administration",
        anonymous=True,
    )
    pages = {
        "pemohon": [f"/permohonan/{objection.request_id}/", f"/keberatan/{objection.pk}/"],
        "petugas": [f"/permohonan/{objection.request_id}/", f"/pengaduan/{complaint.pk}/"],
        "atasan": [f"/keberatan/{objection.pk}/"],
    }
    for username, paths in pages.items():
        tab = log_in(open_tab(), username)
        for path in paths:
            tab.goto(path)
            assert tab.page.evaluate(PRINTED, CHROME) != []  # on screen they are there
            tab.page.emulate_media(media="print")
            assert tab.page.evaluate(PRINTED, CHROME) == [], path
            # The case itself is printed: its heading and its timeline.
            assert tab.page.get_by_role("heading", level=1).is_visible()
            assert tab.main.locator("ol.timeline").is_visible()
            tab.page.emulate_media(media="screen")
