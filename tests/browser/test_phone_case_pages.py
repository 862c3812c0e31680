"""Case pages on a phone (375 x 812), as the requester and the staff meet them (issue 13): withdrawing asks
first and keeps its button off the case page, the requester reads the answer before anything else, and no table
is cut off at the right. Every page reached is checked by axe-core and for JavaScript errors."""

import pytest

from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
# Tables wider than the screen, or wider than the scrolling box that holds them (cut off at the right).
CUT_OFF_TABLES = """() => {
  const width = document.documentElement.clientWidth;
  const cut = [];
  for (const table of document.querySelectorAll("main table")) {
    const box = table.getBoundingClientRect();
    let scroller = null;
    for (let p = table.parentElement; p; p = p.parentElement) {
      if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) { scroller = p; break; }
    }
    const hidden = scroller ? scroller.scrollWidth - scroller.clientWidth : 0;
    if (box.right > width + 1 || hidden > 1) {
      cut.push({table: table.caption ? table.caption.textContent.trim() : table.className, right: box.right, hidden});
    }
  }
  return {width, cut};
}"""


def _phone(open_tab):
    return open_tab(viewport=PHONE, is_mobile=True, has_touch=True)


def _no_table_cut_off(tab, path: str) -> None:
    tab.goto(path)
    result = tab.page.evaluate(CUT_OFF_TABLES)
    assert result["cut"] == [], f"{path}: tables cut off at {result['width']}px: {result['cut']}"


def test_withdrawing_a_request_on_a_phone_asks_first_and_says_what_it_means(world, open_tab):
    from ppid.models import InformationRequest, RequestState

    request = world.file_request()
    tab = log_in(_phone(open_tab), "pemohon")
    tab.goto(f"/permohonan/{request.pk}/")
    page = tab.page
    # No destructive button on the case page: one link, after the rest of the case.
    assert page.get_by_role("button", name="Cabut permohonan").count() == 0
    link = tab.main.get_by_role("link", name="Cabut permohonan ini")
    history = tab.main.get_by_role("heading", name="Riwayat dan batas waktu")
    assert link.bounding_box()["y"] > history.bounding_box()["y"]

    tab.follow(link)
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == f"Cabut permohonan {request.registration_number}?"
    )
    assert "Pencabutan tidak dapat dibatalkan" in tab.text()
    # Changing one's mind: back to the case, nothing changed.
    tab.follow(tab.main.get_by_role("link", name="Batal, kembali ke permohonan").last)
    assert InformationRequest.objects.get(pk=request.pk).state == RequestState.REGISTERED

    tab.follow(tab.main.get_by_role("link", name="Cabut permohonan ini"))
    page.get_by_label("Alasan pencabutan (tidak wajib)").fill("Datanya sudah saya peroleh dari kecamatan.")
    tab.follow(tab.main.get_by_role("button", name="Ya, cabut permohonan"))
    assert "Permohonan dicabut." in tab.messages.inner_text()
    assert "Dicabut" in tab.main.locator(".status-line").inner_text()
    assert tab.main.get_by_role("link", name="Cabut permohonan ini").count() == 0
    obj = InformationRequest.objects.get(pk=request.pk)
    assert obj.state == RequestState.WITHDRAWN
    assert obj.withdraw_reason == "Datanya sudah saya peroleh dari kecamatan."


def test_withdrawing_an_objection_on_a_phone_asks_first(world, open_tab):
    from ppid.models import Objection, ObjectionState

    objection = world.objection()
    tab = log_in(_phone(open_tab), "pemohon")
    tab.goto(f"/keberatan/{objection.pk}/")
    assert tab.page.get_by_role("button", name="Cabut keberatan").count() == 0
    tab.follow(tab.main.get_by_role("link", name="Cabut keberatan ini"))
    assert "Pencabutan tidak dapat dibatalkan" in tab.text()
    assert Objection.objects.get(pk=objection.pk).state == ObjectionState.REGISTERED
    tab.follow(tab.main.get_by_role("button", name="Ya, cabut keberatan"))
    assert "Keberatan dicabut." in tab.messages.inner_text()
    assert Objection.objects.get(pk=objection.pk).state == ObjectionState.WITHDRAWN


def _answered_with_a_file(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ppid import services

    request = world.file_request()
    services.information_request_process(request_id=request.pk, actor=world.officer)
    pdf = SimpleUploadedFile(
        "DPA-Dinas-Kesehatan-2025-lampiran-lengkap-per-kecamatan.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n",
        "application/pdf",
    )
    return services.information_request_respond(
        request_id=request.pk,
        actor=world.officer,
        decision="granted",
        provided_information="Salinan DPA Dinas Kesehatan 2025",
        fee_amount=0,
        files=[pdf],
    )


def test_on_a_phone_the_requester_reads_the_answer_first(world, open_tab):
    request = _answered_with_a_file(world)
    tab = log_in(_phone(open_tab), "pemohon")
    tab.goto(f"/permohonan/{request.pk}/")
    headings = tab.main.get_by_role("heading", level=2).all_inner_texts()
    # The decision, then the documents and letters, before the summary of the request.
    assert headings[:3] == ["Pemberitahuan tertulis", "Dokumen dan surat", "Ringkasan"], headings
    answer = tab.main.locator("section[aria-labelledby=jawaban-h]")
    assert answer.bounding_box()["y"] < PHONE["height"]  # on the first screen
    assert "Diterima seluruhnya" in answer.inner_text()
    documents = tab.main.get_by_role("table", name="Dokumen permohonan")
    assert documents.get_by_role("link", name="DPA-Dinas-Kesehatan-2025").is_visible()

    # Staff keep the case order: the request first, the notice after it.
    staff = log_in(_phone(open_tab), "petugas")
    staff.goto(f"/permohonan/{request.pk}/")
    assert staff.main.get_by_role("heading", level=2).first.inner_text() == "Ringkasan"


def test_no_table_on_a_case_page_is_cut_off_on_a_phone(world, open_tab):
    from complaints.services import complaint_file
    from ppid import services

    answered = _answered_with_a_file(world)
    objection = world.objection()
    services.objection_review(objection_id=objection.pk, actor=world.atasan)
    services.objection_decide(
        objection_id=objection.pk,
        actor=world.atasan,
        outcome="upheld",
        reasons="Pengecualian Pasal 17 huruf h berlaku.",
    )
    complaint, _code = complaint_file(
        reporter=world.citizen,
        agency=world.agency,
        title="Meja layanan PPID tutup pada jam layanan",
        description="Senin pukul 10.00 meja layanan kosong.",
        category="administration",
        anonymous=False,
    )
    pages = {
        "pemohon": [
            f"/permohonan/{answered.pk}/",
            f"/permohonan/{objection.request_id}/",
            f"/keberatan/{objection.pk}/",
            f"/pengaduan/{complaint.pk}/",
        ],
        "petugas": [
            f"/permohonan/{answered.pk}/",
            f"/permohonan/{objection.request_id}/",
            f"/pengaduan/{complaint.pk}/",
        ],
        "atasan": [f"/keberatan/{objection.pk}/"],
    }
    for username, paths in pages.items():
        tab = log_in(_phone(open_tab), username)
        for path in paths:
            _no_table_cut_off(tab, path)
