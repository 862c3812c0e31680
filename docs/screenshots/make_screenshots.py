"""Screenshots of the main pages at phone (390x844) and desktop (1280x900) width, for the README.

    .venv/bin/python docs/screenshots/make_screenshots.py

prepares a fresh demo database (/tmp/shots9.sqlite3: `manage.py migrate`, `seed_demo`, `seed_demo_requests`),
serves it with `manage.py runserver 127.0.0.1:8896`, walks through the site as the demo users (a citizen
objects, a visitor files an anonymous complaint that the admin verifies and the Pelaksana answers), writes
one full-page PNG per page and width beside this script, and stops the server it started.

With `--base-url http://127.0.0.1:8896` it uses a server you started yourself on the same demo data instead;
DEMO_PASSWORD must then hold the demo users' password.

The PNGs are reduced to a 256-colour palette so that each stays small enough to keep in the repository. The
browser's own controls (date fields, file pickers) read in English: Debian's Chromium ships only the en-US
locale unless `chromium-l10n` is installed.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
DATABASE = "/tmp/shots9.sqlite3"
PORT = 8896
PASSWORD = os.environ.get("DEMO_PASSWORD") or "demo-layar-9-sandi"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# --- The demo server ----------------------------------------------------------------------------------------
def _server_env() -> dict[str, str]:
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "DATABASE_URL": f"sqlite:///{DATABASE}",
            "DEMO_PASSWORD": PASSWORD,
            # A throwaway key and upload folder: nothing is written under var/.
            "NIK_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "PRIVATE_MEDIA_ROOT": "/tmp/shots9-private",
            "EMBEDDED_SCHEDULER_SECONDS": "0",
        }
    )
    return env


def start_server() -> subprocess.Popen:
    """A fresh demo database, served by runserver. Returns the server process (stopped by the caller)."""
    env = _server_env()
    Path(DATABASE).unlink(missing_ok=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["seed_demo"], ["seed_demo_requests"]):
        done = subprocess.run([*manage, *command], cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"manage.py {command[0]} failed:\n{done.stderr}")
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=1) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the demo server did not start")


# --- Browsing -------------------------------------------------------------------------------------------------
class Site:
    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self.pages: dict[str, object] = {}

    def as_(self, username: str | None):
        """A page in a context of its own for each demo user (None: a visitor without an account)."""
        key = username or "-"
        if key not in self.pages:
            context = self.browser.new_context(viewport=WIDTHS["desktop"], locale="id-ID")
            page = context.new_page()
            if username:
                page.goto(self.base_url + "/akun/masuk/")
                page.get_by_label("Nama pengguna atau e-mail").fill(username)
                page.get_by_label("Kata sandi").fill(PASSWORD)
                page.locator("main").get_by_role("button", name="Masuk").click()
                page.wait_for_load_state()
                if not page.get_by_role("button", name="Keluar").count():
                    raise SystemExit(f"cannot log in as {username}: is DEMO_PASSWORD right?")
            self.pages[key] = page
        return self.pages[key]

    def go(self, page, path: str):
        page.goto(self.base_url + path)
        return page


def prepare(site: Site) -> dict[str, str]:
    """Bring the demo data to where every page has something to show. Returns the paths to photograph."""
    paths = {}
    # The citizen objects to the partly granted request (NIK columns withheld under Pasal 17 huruf h).
    citizen = site.go(site.as_("pemohon"), "/permohonan/")
    citizen.locator("main tbody tr").filter(has_text="Sudah dijawab").get_by_role("link").first.click()
    citizen.wait_for_load_state()
    paths["request-detail"] = citizen.url.removeprefix(site.base_url)
    existing = citizen.locator("section[aria-labelledby=keberatan-h] tbody a")
    if existing.count():
        paths["objection-detail"] = existing.first.get_attribute("href")
    else:
        citizen.get_by_role("link", name="Ajukan keberatan").click()
        citizen.wait_for_load_state()
        citizen.locator("ul.ground-options input[type=checkbox]").first.check()
        citizen.get_by_label("Uraian keberatan").fill(
            "Nama penerima dan jumlah beasiswa sudah diberikan, tetapi kolom sekolah asal ikut dihitamkan "
            "padahal bukan rahasia pribadi. Mohon kolom itu dibuka."
        )
        citizen.get_by_role("button", name="Kirim keberatan").click()
        citizen.wait_for_load_state()
        paths["objection-detail"] = citizen.url.removeprefix(site.base_url)

    # A visitor without an account complains; the admin verifies it to the Pelaksana, who answers.
    visitor = site.go(site.as_(None), "/pengaduan/baru/")
    visitor.get_by_label("Badan publik yang diadukan").select_option(index=1)
    visitor.get_by_label("Layanan yang diadukan").fill("Layanan informasi publik")
    visitor.get_by_label("Kategori").select_option("administration")
    visitor.get_by_label("Judul pengaduan").fill("Meja layanan PPID tutup pada jam layanan")
    visitor.get_by_label("Uraian kejadian").fill(
        "Senin pukul 10.00 meja layanan informasi di lantai 1 kosong dan tidak ada petugas yang bisa ditanya."
    )
    visitor.get_by_label("Lokasi kejadian").fill("Kantor Diskominfo, Jl. Tamansari No. 55, Bandung")
    visitor.get_by_role("button", name="Kirim pengaduan").click()
    visitor.wait_for_load_state()
    codes = visitor.locator(".code-list dd")
    number, code = codes.nth(0).inner_text(), codes.nth(1).inner_text()

    admin = site.go(site.as_("admin"), "/pengaduan/antrean/")
    admin.locator("main").get_by_role("link", name=number).click()
    admin.wait_for_load_state()
    verify = admin.locator("#aksi-verify")
    verify.get_by_label("Teruskan ke unit").select_option(label="PPID Pelaksana Dinas Kesehatan")
    verify.get_by_role("button", name="Verifikasi dan teruskan").click()
    admin.wait_for_load_state()

    officer = site.go(site.as_("pelaksana"), "/pengaduan/antrean/")
    officer.locator("main").get_by_role("link", name=number).click()
    officer.wait_for_load_state()
    respond = officer.locator("#aksi-respond")
    respond.get_by_label("Tindak lanjut untuk pelapor").fill(
        "Terima kasih atas laporannya. Jadwal piket meja layanan sudah diperbaiki: sejak hari ini selalu ada dua "
        "petugas pada jam layanan, 08.00-15.00."
    )
    respond.get_by_role("button", name="Kirim tindak lanjut").click()
    officer.wait_for_load_state()
    paths["tracking"] = (number, code)
    return paths


def track(site: Site, number: str, code: str):
    visitor = site.go(site.as_(None), "/pengaduan/lacak/")
    visitor.get_by_label("Nomor pelacakan").fill(number)
    visitor.get_by_label("Kode rahasia").fill(code)
    visitor.get_by_role("button", name="Tampilkan pengaduan").click()
    visitor.wait_for_load_state()
    return visitor


def save_png(png: bytes, path: Path) -> int:
    """A 256-colour palette: screenshots of a flat interface lose nothing visible and shrink several times."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(path, optimize=True)
    return path.stat().st_size


def shoot(site: Site, paths: dict) -> list[tuple[str, int]]:
    shots = [
        ("home", None, "/"),
        ("due-date", None, "/kalkulator-tenggat/?start=2026-03-13&working_days=10"),
        ("request-form", "pemohon", "/permohonan/baru/"),
        ("request-detail", "pemohon", paths["request-detail"]),
        ("officer-queue", "petugas", "/antrean/"),
        ("objection-detail", "atasan", paths["objection-detail"]),
        ("complaint-form", None, "/pengaduan/baru/"),
        ("tracking", None, None),
        ("holiday-calendar", "admin", "/kelola/kalender/?tahun=2026"),
        ("statistics", None, "/statistik/diskominfo-jabar/"),
        ("auditor-dashboard", "auditor", "/dasbor/diskominfo-jabar/"),
        ("annual-report", "auditor", "/dasbor/diskominfo-jabar/laporan/2026/"),
        ("staff", "admin", "/kelola/diskominfo-jabar/staf/"),
    ]
    written = []
    for width_name, viewport in WIDTHS.items():
        for name, user, path in shots:
            page = site.as_(user)
            page.set_viewport_size(viewport)
            if name == "tracking":
                page = track(site, *paths["tracking"])
            else:
                site.go(page, path)
            page.wait_for_load_state("networkidle")
            target = OUT / f"{name}-{width_name}.png"
            size = save_png(page.screenshot(full_page=True, animations="disabled", caret="hide"), target)
            written.append((target.name, size))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base-url", help="use this running demo server instead of starting one")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    server = None if args.base_url else start_server()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            site = Site(browser, args.base_url or f"http://127.0.0.1:{PORT}")
            written = shoot(site, prepare(site))
            browser.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    for name, size in written:
        print(f"{name:32} {size / 1024:6.0f} KB")


if __name__ == "__main__":
    main()
