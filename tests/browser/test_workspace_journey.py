"""Issue 16's journey in Chromium: the PPID Utama officer lands on the staff home, claims a new request (forwarded
to the Utama by Dinas Pendidikan with a reason), asks Dinas Kesehatan and Dinas Pendidikan for material; both
Pelaksana officers answer from their homes; the officer writes an internal note and drafts the answer; the head
approves it; the citizen reads the answer and nowhere the note, the contributions or the forwarding reason."""

import json

import pytest

from tests.helpers import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORWARD_REASON = "Perlu dihimpun dari beberapa dinas, ditangani PPID Utama."
NOTE = "Data Dinkes belum final; jangan sebut angka sementara."
INSTRUCTIONS = "Rekap tenaga kesehatan dan guru per kecamatan."
ANSWERS = {"pelaksana": "Rekap tenaga kesehatan terlampir.", "disdik": "Rekap guru per kecamatan terlampir."}
ANSWER = "Rekap tenaga kesehatan dan guru per kecamatan tahun 2025."


def _answer_from_home(tab, username, number):
    log_in(tab, username)
    assert tab.page.url.endswith("/kerja/")
    section = tab.page.locator("section[aria-labelledby=kerja-bahan-h]")
    assert "1 permintaan bahan untuk unit saya" in tab.main.inner_text()
    tab.follow(section.get_by_role("link", name=f"Bahan untuk {number}"))
    assert INSTRUCTIONS in tab.text()
    tab.page.get_by_label("Jawaban").fill(ANSWERS[username])
    tab.follow(tab.page.get_by_role("button", name="Kirim jawaban"))
    assert "Jawaban terkirim" in tab.messages.inner_text()
    log_out(tab)


def test_the_utama_and_two_pelaksana_work_one_request_and_the_citizen_sees_only_the_answer(world, open_tab):
    from agencies.models import StaffRole
    from ppid import services
    from ppid.models import Contribution, ContributionState, InformationRequest
    from tests.factories import UnitFactory, make_staff

    world.agency.approval_before_issue = True
    world.agency.save(update_fields=["approval_before_issue"])
    disdik = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    disdik_officer = make_staff(disdik, StaffRole.OFFICER, username="disdik")
    obj = world.file_request(unit=disdik)
    services.information_request_forward(
        request_id=obj.pk, actor=disdik_officer, unit=world.utama, note=FORWARD_REASON
    )
    tab = open_tab()
    page = tab.page

    # The Utama officer lands on the staff home: the request waits for someone in the Utama.
    log_in(tab, "petugas")
    assert page.url.endswith("/kerja/")
    waiting = page.locator("section[aria-labelledby=kerja-belum-h]")
    tab.follow(waiting.get_by_role("link", name=obj.registration_number))
    tab.follow(
        page.locator("section[aria-labelledby=penugasan-h]").get_by_role("button", name="Ambil perkara ini")
    )
    assert InformationRequest.objects.get(pk=obj.pk).assigned_to == world.officer

    section = page.locator("section[aria-labelledby=bahan-h]")
    section.get_by_text("Minta bahan dari unit lain").click()
    section.get_by_label("PPID Pelaksana Dinas Kesehatan").check()
    section.get_by_label("PPID Pelaksana Dinas Pendidikan").check()
    section.get_by_label("Petunjuk: bahan apa yang diperlukan").fill(INSTRUCTIONS)
    tab.follow(section.get_by_role("button", name="Kirim permintaan bahan"))
    assert "Permintaan bahan terkirim" in tab.messages.inner_text()
    log_out(tab)

    # Both Pelaksana officers answer from their homes.
    _answer_from_home(tab, "pelaksana", obj.registration_number)
    _answer_from_home(tab, "disdik", obj.registration_number)
    assert set(Contribution.objects.values_list("state", flat=True)) == {ContributionState.ANSWERED}

    # The officer reads the answers, writes an internal note, and drafts the notice.
    log_in(tab, "petugas")
    mine = page.locator("section[aria-labelledby=kerja-saya-h]")
    tab.follow(mine.get_by_role("link", name=obj.registration_number))
    bahan = page.locator("section[aria-labelledby=bahan-h]").inner_text()
    assert ANSWERS["pelaksana"] in bahan and ANSWERS["disdik"] in bahan
    notes = page.locator("section[aria-labelledby=catatan-h]")
    notes.get_by_label("Catatan").fill(NOTE)
    tab.follow(notes.get_by_role("button", name="Simpan catatan"))
    tab.follow(page.locator("#aksi-process").get_by_role("button", name="Mulai proses"))
    respond = page.locator("#aksi-respond")
    respond.get_by_label("Keputusan").select_option(label="Diterima seluruhnya")
    respond.get_by_label("Materi informasi yang diberikan").fill(ANSWER)
    tab.follow(respond.get_by_role("button", name="Dikirim ke kepala unit untuk persetujuan"))
    assert "Pemohon belum menerima apa pun" in tab.messages.inner_text()
    log_out(tab)

    # The head approves from the request page, found on the staff home.
    log_in(tab, "kepala")
    approvals = page.locator("section[aria-labelledby=persetujuan-saya-h]")
    tab.follow(approvals.get_by_role("link", name=obj.registration_number))
    tab.follow(page.locator("#aksi-setujui").get_by_role("button", name="Setujui dan terbitkan"))
    assert page.locator(".status-line .badge-state").inner_text() == "Sudah dijawab"
    log_out(tab)

    # The citizen reads the answer, and none of what was internal: page, notifications, API.
    log_in(tab, "pemohon")
    tab.goto(f"/permohonan/{obj.pk}/")
    assert ANSWER in page.locator("section[aria-labelledby=jawaban-h]").inner_text()
    seen = [tab.text()]
    tab.goto("/notifikasi/")
    seen.append(tab.text())
    for path in (f"/api/v1/requests/{obj.pk}/", f"/api/v1/requests/{obj.pk}/events/"):
        response = page.request.get(tab.base_url + path)
        assert response.ok, path
        seen.append(json.dumps(response.json(), ensure_ascii=False))
    for hidden in (FORWARD_REASON, NOTE, INSTRUCTIONS, *ANSWERS.values()):
        for text in seen:
            assert hidden not in text
    assert page.request.get(tab.base_url + f"/api/v1/requests/{obj.pk}/contributions/").status == 404
    assert page.request.get(tab.base_url + f"/api/v1/requests/{obj.pk}/notes/").status == 404
    tab.finish()
