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
    page.get_by_role("button", name="Hitung").click()
    result = page.locator("section.result")
    assert "2026-04-06" in result.locator("h2 time").get_attribute("datetime")
    assert "Nyepi" in result.inner_text()
    assert page.js_errors == []
