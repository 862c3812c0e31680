"""At phone width: opening a notification marks it read (issue 13, point 12), and the anonymous reporter keeps
the one-time code by copying, downloading or printing it (point 15)."""

import re

import pytest

from tests.helpers import log_in

from .test_phone import OVERFLOW, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNREAD = """() => fetch("/api/v1/notifications/unread-count/", {credentials: "same-origin",
  headers: {Accept: "application/json"}}).then((r) => r.json()).then((d) => d.unread)"""


def _phone(open_tab, **options):
    return open_tab(viewport=PHONE, is_mobile=True, has_touch=True, **options)


def _notifications_link(tab):
    """The header's link, named with its count ("Notifikasi 2 belum dibaca")."""
    nav = tab.page.get_by_role("navigation", name="Navigasi utama")
    return nav.get_by_role("link", name=re.compile(r"^Notifikasi"))


def _fits(tab) -> None:
    overflow = tab.page.evaluate(OVERFLOW)
    assert overflow["excess"] <= 0, f"{tab.page.url} scrolls sideways on a phone: {overflow}"


def test_opening_a_notification_on_a_phone_marks_it_read(world, open_tab):
    request = world.refused_request()  # the citizen is told the request was answered
    tab = log_in(_phone(open_tab), "pemohon")
    badge = tab.page.locator("#notif-count")
    unread = int(badge.inner_text())
    assert unread >= 1
    assert tab.page.evaluate(UNREAD) == unread  # the page's badge and the live badge's source agree

    tab.follow(_notifications_link(tab))
    _fits(tab)
    item = tab.main.locator(".notification-list li").filter(has_text="sudah dijawab").first
    assert "Baru" in item.inner_text()
    tab.follow(item.get_by_role("link"))

    assert tab.page.url.endswith(f"/permohonan/{request.pk}/")
    assert int(badge.inner_text()) == unread - 1
    assert tab.page.evaluate(UNREAD) == unread - 1
    tab.follow(_notifications_link(tab))
    item = tab.main.locator(".notification-list li").filter(has_text="sudah dijawab").first
    assert "Baru" not in item.inner_text()


def test_the_anonymous_code_can_be_copied_downloaded_and_printed_on_a_phone(world, open_tab):
    from complaints import services
    from complaints.models import Complaint

    tab = _phone(open_tab, permissions=["clipboard-read", "clipboard-write"])
    page = tab.page
    tab.goto("/pengaduan/baru/")
    page.get_by_label("Layanan yang diadukan").fill("Layanan informasi publik")
    page.get_by_label("Kategori").select_option(label="Pelayanan administrasi")
    page.get_by_label("Judul pengaduan").fill("Meja layanan PPID tutup pada jam layanan")
    page.get_by_label("Uraian kejadian").fill("Senin pukul 10.00 meja layanan kosong dan tidak ada petugas.")
    tab.follow(page.get_by_role("button", name="Kirim pengaduan"))
    _fits(tab)
    codes = page.locator(".code-list dd")
    number, code = codes.nth(0).inner_text(), codes.nth(1).inner_text()
    complaint = Complaint.objects.get()
    assert services.complaint_track(tracking_number=number, code=code) == complaint
    assert "hanya ditampilkan sekali" in page.locator("#kode-sekali").inner_text()

    # Copy: the number and the code reach the clipboard, and the page says so.
    tab.page.get_by_role("button", name="Salin nomor dan kode").click()
    page.locator("#kode-status").filter(has_text="disalin").wait_for()
    clipboard = page.evaluate("() => navigator.clipboard.readText()")
    assert number in clipboard and code in clipboard

    # Download: a text file with both.
    text = tab.download(page.get_by_role("link", name="Unduh nomor dan kode (berkas teks)")).decode()
    assert tab.suggested_filename.endswith(".txt")
    assert f"Nomor pelacakan: {number}" in text and f"Kode rahasia: {code}" in text

    # Print: the button opens the browser's print dialog.
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Cetak halaman ini").click()
    assert page.evaluate("() => window.__printed") == 1

    # Once only: after a reload neither the page nor the download gives the code again.
    download_url = page.get_by_role("link", name="Unduh nomor dan kode (berkas teks)").get_attribute("href")
    tab.reload()
    assert code not in tab.text()
    tab.goto(download_url)
    assert code not in tab.text()
    assert "hanya ditampilkan sekali" in tab.text()


def test_use_my_location_fills_the_coordinates_or_says_to_type_them(world, open_tab):
    """Issue 13, point 16: the browser's geolocation, no map service; the fields stay for typing."""
    from complaints.models import Complaint

    tab = _phone(
        open_tab, permissions=["geolocation"], geolocation={"latitude": -6.914744, "longitude": 107.60981}
    )
    page = tab.page
    tab.goto("/pengaduan/baru/")
    page.get_by_role("button", name="Gunakan lokasi saya").click()
    page.locator("#lokasi-status").filter(has_text="terisi dari lokasi perangkat").wait_for()
    assert page.get_by_label("Lintang (latitude)").input_value() == "-6.914744"
    assert page.get_by_label("Bujur (longitude)").input_value() == "107.609810"
    page.get_by_label("Kategori").select_option(label="Pelayanan administrasi")
    page.get_by_label("Judul pengaduan").fill("Meja layanan PPID tutup pada jam layanan")
    page.get_by_label("Uraian kejadian").fill("Senin pukul 10.00 meja layanan kosong dan tidak ada petugas.")
    tab.follow(page.get_by_role("button", name="Kirim pengaduan"))
    complaint = Complaint.objects.get()
    assert (float(complaint.latitude), float(complaint.longitude)) == (-6.914744, 107.60981)

    refused = _phone(open_tab)  # no permission: the browser refuses
    refused.goto("/pengaduan/baru/")
    refused.page.get_by_role("button", name="Gunakan lokasi saya").click()
    refused.page.locator("#lokasi-status").filter(has_text="Izin lokasi tidak diberikan").wait_for()
    assert refused.page.get_by_label("Lintang (latitude)").input_value() == ""
    refused.page.get_by_label("Lintang (latitude)").fill("-6.9")  # typing still works
