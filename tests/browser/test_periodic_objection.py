"""Issue 14 point 4 in the browser: at phone width a citizen objects that periodic information is not
published, without a request, with the keyboard-reachable form, and lands on the objection page; the Atasan
finds it in the queue. axe-core checks every page on the way (Tab.check)."""

import pytest

from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_a_citizen_objects_to_unpublished_periodic_information_at_phone_width(world, open_tab):
    from ppid.models import Objection

    tab = open_tab(viewport=PHONE)
    page = tab.page
    log_in(tab, "pemohon")
    tab.goto("/permohonan/")
    tab.follow(page.get_by_role("link", name="Keberatan: informasi berkala tidak diumumkan"))
    assert page.get_by_role("heading", level=1).inner_text() == "Keberatan: informasi berkala tidak diumumkan"
    # Nothing named yet: the form says what is missing and keeps the rest.
    page.get_by_label("Uraian keberatan").fill("Tidak ada di laman PPID sejak Juli 2026.")
    tab.follow(page.get_by_role("button", name="Kirim keberatan"))
    assert "Sebutkan informasi berkala yang tidak diumumkan." in tab.text()
    assert page.get_by_label("Uraian keberatan").input_value() == "Tidak ada di laman PPID sejak Juli 2026."
    assert not Objection.objects.exists()
    page.get_by_label("Unit yang seharusnya mengumumkan").select_option(str(world.pelaksana.pk))
    page.get_by_label("Informasi berkala yang tidak diumumkan").fill("Laporan keuangan tahun 2025")
    tab.follow(page.get_by_role("button", name="Kirim keberatan"))
    objection = Objection.objects.get()
    assert objection.request is None and objection.unit == world.pelaksana
    assert objection.registration_number in tab.messages.inner_text()
    assert "Laporan keuangan tahun 2025" in tab.text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    atasan = open_tab(viewport=PHONE)
    log_in(atasan, "atasan")
    atasan.goto("/keberatan/")
    assert "Tanpa permohonan (informasi berkala)" in atasan.text()
    atasan.follow(atasan.main.get_by_role("link", name=objection.registration_number))
    assert "Informasi berkala yang dikeberatankan" in atasan.text()
