"""Browser fixtures: one Chromium per test module, a fresh browser context (cookies, storage) per test, and a
`Tab` that checks every page it lands on.

A `Tab` runs axe-core after each navigation and fails on any "serious" or "critical" violation, and fails on any
JavaScript error or console error the page logs. It also notices a navigation nobody checked: `Tab.finish()`
(called for every tab when the test ends) fails if the last page reached was never checked.

`A11Y_REPORT=/some/file` appends every violation axe finds, of any impact, with each page checked, for review.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FAILING_IMPACTS = frozenset({"serious", "critical"})
REPORT = os.environ.get("A11Y_REPORT", "")
OPEN_DETAILS = """() => {
  const closed = [...document.querySelectorAll("details:not([open])")];
  closed.forEach((d) => { d.open = true; d.dataset.axeOpened = "1"; });
  return closed.length;
}"""
CLOSE_DETAILS = """() => document.querySelectorAll("details[data-axe-opened]").forEach((d) => {
  d.open = false; delete d.dataset.axeOpened;
})"""


@pytest.fixture(scope="module")
def chromium():
    """One browser for the whole module: launching Chromium is the slow part."""
    # Playwright's sync API keeps an event loop in this thread; Django's ORM calls are still synchronous.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


class Tab:
    """One page in its own browser context (its own session), checked with axe after every navigation."""

    def __init__(self, page, base_url: str, axe):
        self.page = page
        self.base_url = base_url
        self.axe = axe
        self.errors: list[str] = []
        self.suggested_filename = ""  # of the last download
        self._unchecked_url: str | None = None
        page.on("pageerror", lambda exc: self.errors.append(f"JavaScript error: {exc}"))
        page.on(
            "console",
            lambda msg: self.errors.append(f"console error: {msg.text}") if msg.type == "error" else None,
        )
        # A new document (not a jump to an anchor within the page) needs a check.
        page.on("domcontentloaded", self._loaded)

    def _loaded(self, page) -> None:
        self._unchecked_url = page.url

    # --- navigation: every one of these ends with check() ---------------------------------------------
    def goto(self, path: str) -> Tab:
        self.page.goto(self.base_url + path)
        return self.check()

    def reload(self) -> Tab:
        self.page.reload()
        return self.check()

    def follow(self, locator) -> Tab:
        """Click a link or a submit button that loads a new page, then check that page."""
        with self.page.expect_navigation():
            locator.click()
        return self.check()

    def download(self, locator) -> bytes:
        """Click a link that answers with an attachment; returns its content."""
        with self.page.expect_download() as info:
            locator.click()
        download = info.value
        path = download.path()
        self.suggested_filename = download.suggested_filename
        with open(path, "rb") as fh:
            return fh.read()

    # --- the checks ---------------------------------------------------------------------------------------
    def check(self) -> Tab:
        """axe-core on the page as it is now: no serious or critical violation, and no JavaScript error."""
        self.page.wait_for_load_state("load")
        url = self.page.url
        # Closed <details> (explanations, secondary forms) count too: open them for axe, then close them again.
        opened = self.page.evaluate(OPEN_DETAILS)
        violations = self.axe.run(self.page).response["violations"]
        if opened:
            self.page.evaluate(CLOSE_DETAILS)
        failing = []
        for violation in violations:
            if violation.get("impact") in FAILING_IMPACTS:
                targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
                failing.append(f"{violation['impact']} {violation['id']}: {violation['help']} at {targets}")
        if REPORT:  # A11Y_REPORT=path: every violation of every page checked, for the record
            with open(REPORT, "a") as fh:
                fh.writelines(f"{url}\t{v.get('impact')}\t{v['id']}\t{len(v['nodes'])}\n" for v in violations)
                fh.write(f"{url}\tchecked\t-\t0\n")
        assert not failing, f"axe-core found violations on {url}:\n" + "\n".join(failing)
        assert self.errors == [], f"errors logged on {url}: {self.errors}"
        self._unchecked_url = None
        return self

    def finish(self) -> None:
        assert self._unchecked_url is None, f"{self._unchecked_url} was reached but never checked"
        assert self.errors == [], f"errors logged: {self.errors}"

    # --- small conveniences --------------------------------------------------------------------------
    def nav(self, name: str):
        """A link of the main navigation in the header."""
        return self.page.get_by_role("navigation", name="Navigasi utama").get_by_role(
            "link", name=name, exact=True
        )

    @property
    def messages(self):
        """The page's flash messages (role=status), apart from any live region."""
        return self.page.locator("main .messages")

    @property
    def main(self):
        return self.page.locator("main")

    def text(self) -> str:
        return self.main.inner_text()


@pytest.fixture
def open_tab(chromium, axe, live_server) -> Iterator:
    """open_tab() -> a new Tab in a new browser context (a separate visitor). Checked and closed at teardown."""
    contexts, tabs = [], []

    def _open(**context_options) -> Tab:
        context_options.setdefault("viewport", {"width": 1280, "height": 900})
        context_options.setdefault("locale", "id-ID")
        context = chromium.new_context(**context_options)
        contexts.append(context)
        tab = Tab(context.new_page(), live_server.url, axe)
        tabs.append(tab)
        return tab

    yield _open
    try:
        for tab in tabs:
            tab.finish()
    finally:
        for context in contexts:
            context.close()


def seed_holidays() -> None:
    """Transactional tests start from an emptied database: load the national holidays again (2026 and 2027,
    and the current and next year, which the deadlines of a request filed today run into)."""
    from django.utils import timezone

    from workcalendar.models import Holiday
    from workcalendar.seed import seed_holidays as seed

    year = timezone.localdate().year
    seed(Holiday, years=sorted({2026, 2027, year, year + 1}))


class World:
    """One agency with its PPID Utama and one PPID Pelaksana, a user for every role (the Utama's head `kepala`), and
    a citizen. The
    helpers bring a request to a given point through the real services, as the staff would."""

    def __init__(self):
        from agencies.models import StaffRole
        from tests.factories import CitizenProfileFactory, make_agency, make_staff

        seed_holidays()
        self.agency, self.utama, self.pelaksana = make_agency(
            name="Dinas Komunikasi dan Informatika", slug="diskominfo"
        )
        self.officer = make_staff(self.utama, StaffRole.OFFICER, username="petugas")
        self.head = make_staff(
            self.utama, StaffRole.PPID, username="kepala", first_name="Yusuf", last_name="Kepala"
        )
        self.pelaksana_officer = make_staff(self.pelaksana, StaffRole.OFFICER, username="pelaksana")
        self.atasan = make_staff(self.utama, StaffRole.ATASAN, username="atasan")
        self.auditor = make_staff(self.utama, StaffRole.AUDITOR, username="auditor")
        self.admin = make_staff(self.utama, StaffRole.ADMIN, username="admin")
        self.citizen = CitizenProfileFactory(user__username="pemohon", name="Siti Rahmawati").user

    def file_request(self, **kwargs):
        from ppid.services import information_request_file

        data = {
            "requester": self.citizen,
            "agency": self.agency,
            "information_requested": "Data penerima bantuan sosial per kecamatan tahun 2025",
            "purpose": "Pengawasan penyaluran bantuan oleh lembaga swadaya masyarakat",
            "obtain_method": "softcopy",
            "delivery_method": "email",
        }
        return information_request_file(**{**data, **kwargs})

    def refused_request(self):
        """Filed, forwarded to the Pelaksana, processed there and refused under Pasal 17 huruf h."""
        from ppid import services

        request = self.file_request()
        services.information_request_forward(
            request_id=request.pk, actor=self.officer, unit=self.pelaksana, note="Data dikuasai unit."
        )
        services.information_request_process(request_id=request.pk, actor=self.pelaksana_officer)
        return services.information_request_respond(
            request_id=request.pk,
            actor=self.pelaksana_officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Daftar memuat NIK dan alamat penerima; membukanya mengungkap rahasia pribadi.",
        )

    def objection(self):
        """A refused request and the citizen's objection on ground a."""
        from ppid.services import objection_file

        request = self.refused_request()
        return objection_file(
            requester=self.citizen,
            request_id=request.pk,
            grounds=["a"],
            reason="Nama penerima dan jumlah bantuan bukan rahasia pribadi; NIK dapat dihitamkan.",
        )


@pytest.fixture
def world(transactional_db):
    return World()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploads and generated files land in a throwaway directory, never in var/private."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT
