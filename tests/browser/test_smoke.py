"""The pages work in a real browser: Debian's Chromium driven by Playwright."""

import os

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture
def page():
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        pg = browser.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        pg.js_errors = errors
        yield pg
        browser.close()


def test_due_date_calculator_in_chromium(live_server, page):
    from workcalendar.models import Holiday
    from workcalendar.seed import seed_holidays

    seed_holidays(Holiday, years=[2026])  # transactional tests start from an emptied database
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Hak Anda atas informasi publik"
    page.get_by_role("link", name="Kalkulator tenggat").first.click()
    page.get_by_label("Tanggal permohonan diterima").fill("2026-03-13")
    page.get_by_label("Jumlah hari kerja").fill("10")
    page.get_by_label("Tenggat siapa").select_option("requester")  # cuti bersama skipped, as for an objection
    page.get_by_role("button", name="Hitung").click()
    result = page.locator("section.result")
    assert "2026-04-06" in result.locator("h2 time").get_attribute("datetime")
    assert "aturan tenggat pemohon" in result.inner_text()
    assert "Nyepi" in result.inner_text()
    assert page.js_errors == []


def test_citizen_files_a_request_and_downloads_the_receipt_in_chromium(live_server, page):
    from tests.factories import PASSWORD, CitizenProfileFactory, make_agency
    from workcalendar.models import Holiday
    from workcalendar.seed import seed_holidays

    seed_holidays(Holiday, years=[2026, 2027])
    make_agency(name="Dinas Uji", slug="dinas-uji")
    citizen = CitizenProfileFactory(user__username="warga").user

    page.goto(live_server.url + "/akun/masuk/")
    page.get_by_label("Nama pengguna atau e-mail").fill(citizen.email)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(live_server.url + "/permohonan/baru/")
    page.get_by_label("Badan publik yang dituju").select_option(label="Dinas Uji")
    page.get_by_label("Rincian informasi yang dibutuhkan").fill("Laporan keuangan 2025")
    page.get_by_label("Tujuan penggunaan informasi").fill("Penelitian")
    page.get_by_label("Cara memperoleh informasi").select_option("softcopy")
    page.get_by_label("Cara mendapatkan salinan informasi").select_option("email")
    page.get_by_role("button", name="Kirim permohonan").click()

    body = page.locator("main").inner_text()
    assert "0001/PPID/" in body
    assert "Terdaftar" in body
    with page.expect_download() as download:
        page.get_by_role("link", name="Tanda terima permohonan").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert page.js_errors == []
