"""Every main page fits a phone screen (390 CSS pixels wide) without scrolling sideways (WCAG 1.4.10 Reflow),
for each role, and passes axe-core at that width too."""

import pytest

from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# The page's width beyond the screen, and the first elements that stick out (outside any scrolling box).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
    if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) return true; } return false; };
  const wide = [...document.querySelectorAll("main *, header *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el))
    .slice(0, 5).map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
  return {excess: document.documentElement.scrollWidth - width, wide};
}"""


def _visit(tab, path: str) -> None:
    tab.goto(path)
    overflow = tab.page.evaluate(OVERFLOW)
    assert overflow["excess"] <= 0, (
        f"{path} scrolls sideways on a phone by {overflow['excess']}px: {overflow}"
    )


def test_main_pages_fit_a_phone_screen_for_every_role(world, open_tab):
    from complaints.services import complaint_file

    objection = world.objection()
    request = objection.request
    complaint, _code = complaint_file(
        reporter=None,
        agency=world.agency,
        title="Meja layanan PPID tutup pada jam layanan",
        description="Senin pukul 10.00 meja layanan kosong.",
        category="administration",
        anonymous=True,
    )
    # Pasted links are long words: they must wrap, not widen the page.
    from complaints.models import Complaint
    from ppid.models import InformationRequest

    link = "https://ppid.example.go.id/unduh?berkas=" + "DokumenAnggaranDinasKesehatan" * 6 + ".pdf"
    InformationRequest.objects.filter(pk=request.pk).update(information_requested=f"Lihat {link}")
    Complaint.objects.filter(pk=complaint.pk).update(location=link)
    slug = world.agency.slug
    pages = {
        None: [
            "/",
            "/kalkulator-tenggat/?start=2026-03-13&working_days=10",
            "/pengaduan/baru/",
            "/pengaduan/lacak/",
        ],
        "pemohon": [
            "/permohonan/",
            "/permohonan/baru/",
            f"/permohonan/{request.pk}/",
            f"/keberatan/{objection.pk}/",
            "/akun/profil/",
        ],
        "petugas": [
            "/antrean/",
            "/kerja/register/",
            f"/permohonan/{request.pk}/",
            "/pengaduan/antrean/",
            f"/pengaduan/{complaint.pk}/",
        ],
        "atasan": ["/keberatan/", f"/keberatan/{objection.pk}/"],
        "admin": [
            "/kelola/",
            "/kelola/kalender/?tahun=2026",
            f"/kelola/{slug}/audit/",
            f"/kelola/{slug}/unit/",
            f"/kelola/{slug}/pengaturan/",
        ],
    }
    for username, paths in pages.items():
        tab = open_tab(viewport=PHONE, is_mobile=True, has_touch=True)
        if username:
            log_in(tab, username)
        for path in paths:
            _visit(tab, path)
