"""The administrator fills the maklumat and publishes it, changes an agency setting, and the public maklumat's
deadline text follows the setting (issue 19 point 1). Pages are checked with axe-core (tests/browser/conftest.py)."""

import pytest

from tests.helpers import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_admin_publishes_a_maklumat_whose_deadlines_follow_a_changed_setting(world, open_tab):
    tab = open_tab()
    page = tab.page
    log_in(tab, "admin")
    tab.goto("/kelola/diskominfo/standar-layanan/")
    form = tab.main.locator("form[aria-labelledby=draft-h]")
    form.get_by_label("Janji layanan (maklumat)").fill(
        "Kami sanggup melayani informasi publik sesuai standar."
    )
    form.get_by_label("Nama pimpinan badan publik").fill("Dr. Ahmad Subarjo")
    form.get_by_label("Jabatan pimpinan").fill("Kepala Dinas")
    form.get_by_label("Tempat penetapan").fill("Bandung")
    form.get_by_label("Tanggal penetapan").fill("2026-01-05")
    form.get_by_label("Hari layanan").fill("Senin sampai Jumat")
    form.get_by_label("Jam layanan").fill("08.00 sampai 15.00 WIB")
    form.get_by_label("Alamat meja layanan").fill("Jl. Merdeka 1")
    tab.follow(form.get_by_role("button", name="Simpan draf"))
    assert "Draf standar layanan tersimpan" in tab.text()
    tab.follow(tab.main.get_by_role("button", name="Umumkan standar layanan"))
    assert "versi 1" in tab.text()

    log_out(tab)
    tab.goto("/standar-layanan/diskominfo/maklumat/")
    deadlines = tab.main.locator("#maklumat-deadlines")
    assert "10 hari kerja — setelah pemberitahuan tertulis" in deadlines.inner_text()

    log_in(tab, "admin")
    tab.goto("/kelola/diskominfo/pengaturan/")
    page.get_by_label("Selesai otomatis setelah (hari kerja)").fill("15")
    page.locator("#id_reason").fill("Keputusan PPID 2026")
    tab.follow(
        page.locator("#id_reason")
        .locator("xpath=ancestor::form")
        .get_by_role("button", name="Simpan", exact=True)
    )
    assert "Pengaturan badan publik tersimpan" in tab.text()

    log_out(tab)
    tab.goto("/standar-layanan/diskominfo/maklumat/")
    text = tab.main.locator("#maklumat-deadlines").inner_text()
    assert (
        "15 hari kerja — setelah pemberitahuan tertulis" in text
        and "10 hari kerja — pemberitahuan tertulis" in text
    )
    tab.goto("/standar-layanan/diskominfo/maklumat/cetak-besar/")
    assert "15 hari kerja" in tab.text()
