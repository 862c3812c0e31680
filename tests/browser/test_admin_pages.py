"""The agency administrator's staff and unit pages in Chromium: a staff member is added with the keyboard alone,
appears in the list, and has the role revoked with a reason. Every page reached is checked with axe-core and for
JavaScript errors (tests/browser/conftest.py)."""

import re

import pytest

from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_adds_a_staff_member_with_the_keyboard_and_revokes_the_role_with_a_reason(world, open_tab):
    from django.core import mail

    from agencies.models import Membership
    from audit.models import Event

    tab = open_tab()
    page = tab.page
    log_in(tab, "admin")
    tab.follow(tab.nav("Kelola"))
    card = tab.main.locator(".card", has_text=world.agency.name)
    tab.follow(card.get_by_role("link", name="Staf dan peran"))
    assert "petugas@example.id" in tab.text() and "Administrator badan publik" in tab.text()

    # Sent empty: refused, each error next to its field and listed at the top.
    tab.follow(tab.main.get_by_role("button", name="Tambah staf"))
    add = tab.main.locator("form[aria-labelledby=tambah-h]")
    summary = add.locator(".error-summary").inner_text()
    assert "Isi alamat e-mail." in summary and "Pilih unit." in summary and "Pilih peran." in summary
    email = add.get_by_label("Alamat e-mail")
    assert email.get_attribute("aria-invalid") == "true"
    assert "id_email_error" in email.get_attribute("aria-describedby").split()

    # Now with the keyboard alone.
    email.focus()
    page.keyboard.type("dewi@diskominfo.go.id")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "name"
    page.keyboard.type("Dewi Lestari")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "unit"
    page.keyboard.press("ArrowDown")  # a closed <select>: the arrows change the choice
    page.keyboard.press("ArrowDown")
    assert add.get_by_label("Unit").input_value() == str(world.pelaksana.pk)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "role"
    page.keyboard.type("Petugas")  # type-ahead
    assert add.get_by_label("Peran").input_value() == "officer"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "reason"
    page.keyboard.type("SK Kadis 3/2026")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Tambah staf"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab.check()

    assert "Undangan untuk membuat kata sandi dikirim" in tab.messages.inner_text()
    row = tab.main.locator("tbody tr", has_text="Dewi Lestari")
    assert (
        "dewi@diskominfo.go.id" in row.inner_text() and "PPID Pelaksana Dinas Kesehatan" in row.inner_text()
    )
    assert "undangan belum diterima" in row.inner_text()
    membership = Membership.objects.get(user__email="dewi@diskominfo.go.id")
    assert (membership.unit, membership.role) == (world.pelaksana, "officer")
    assert [m.to for m in mail.outbox] == [["dewi@diskominfo.go.id"]]

    # The filter by unit, then the revocation from the list.
    tab.main.get_by_label("Unit", exact=True).first.select_option(
        label="PPID Pelaksana Dinas Kesehatan (DINKES)"
    )
    tab.follow(tab.main.get_by_role("button", name="Terapkan"))
    table = tab.main.locator("table").inner_text()
    assert "Dewi Lestari" in table and "Administrator badan publik" not in table
    tab.follow(tab.main.get_by_role("link", name=re.compile(r"Cabut peran Petugas · Dewi Lestari")))
    tab.follow(tab.main.get_by_role("button", name="Cabut peran"))
    assert "Sebutkan alasan pencabutan peran." in tab.text()
    tab.main.get_by_label("Alasan pencabutan").fill("Salah unit; ditugaskan ulang")
    tab.follow(tab.main.get_by_role("button", name="Cabut peran"))
    assert "dicabut" in tab.messages.inner_text()
    assert "Dewi Lestari" not in tab.main.locator("table").inner_text()
    assert f"?unit={world.pelaksana.pk}" in page.url  # back to the filtered list
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert Event.objects.get(action="membership.revoked").reason == "Salah unit; ditugaskan ulang"


def test_admin_renames_a_unit_and_a_colleague_reads_the_staff_list_only(world, open_tab):
    tab = open_tab()
    log_in(tab, "admin")
    tab.goto(f"/kelola/{world.agency.slug}/unit/")
    tab.follow(tab.main.get_by_role("link", name="Ubah PPID Pelaksana Dinas Kesehatan"))
    tab.main.get_by_label("Nama unit").fill("PPID Pelaksana Dinas Kesehatan dan KB")
    tab.follow(tab.main.get_by_role("button", name="Simpan", exact=True))
    assert "Sebutkan alasan perubahan." in tab.text()
    # The unit page has three forms since issue 17 (name, kop, logo), each with its reason: the name's here.
    tab.main.locator("#id_reason").fill("Perda SOTK 2026")
    tab.follow(tab.main.get_by_role("button", name="Simpan", exact=True))
    assert tab.page.get_by_role("heading", name="PPID Pelaksana Dinas Kesehatan dan KB").is_visible()
    assert tab.main.get_by_role("link", name=re.compile("Cabut peran")).count() == 1  # the officer's

    reader = open_tab()
    log_in(reader, "auditor")
    reader.goto(f"/kelola/{world.agency.slug}/staf/")
    assert "petugas@example.id" in reader.text()
    assert reader.main.locator("form[method=post]").count() == 0
    assert reader.main.get_by_role("link", name=re.compile("Cabut peran")).count() == 0
