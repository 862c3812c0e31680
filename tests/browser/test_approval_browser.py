"""Issue 16 point 5 in Chromium: with approval before issue on, the officer drafts the written notice, the unit head
approves it from the request page, and the citizen then reads the answer; before that the citizen sees nothing of
the draft."""

import pytest

from tests.helpers import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWER = "Salinan dokumen pelaksanaan anggaran Dinas Kesehatan 2025."


def test_officer_drafts_the_head_approves_and_the_citizen_sees_the_answer(world, open_tab):
    from ppid import services
    from ppid.models import InformationRequest

    world.agency.approval_before_issue = True
    world.agency.save(update_fields=["approval_before_issue"])
    head = world.head  # kepala, the PPID Utama's head
    obj = world.file_request()
    services.information_request_process(request_id=obj.pk, actor=world.officer)

    tab = log_in(open_tab(), "petugas")
    page = tab.page
    tab.goto(f"/permohonan/{obj.pk}/")
    respond = page.locator("#aksi-respond")
    assert "Dikirim ke kepala unit untuk persetujuan" in respond.inner_text()
    respond.get_by_label("Keputusan").select_option(label="Diterima seluruhnya")
    respond.get_by_label("Materi informasi yang diberikan").fill(ANSWER)
    tab.follow(respond.get_by_role("button", name="Dikirim ke kepala unit untuk persetujuan"))
    assert "Pemohon belum menerima apa pun" in tab.messages.inner_text()
    assert page.locator(".status-line .badge-state").inner_text() == "Sedang diproses"
    draft = page.locator("section[aria-labelledby=persetujuan-h]")
    assert ANSWER in draft.inner_text()
    log_out(tab)

    # The citizen sees neither the draft nor an answer yet.
    log_in(tab, "pemohon")
    tab.goto(f"/permohonan/{obj.pk}/")
    assert ANSWER not in tab.text()
    assert page.locator("#persetujuan-h").count() == 0
    log_out(tab)

    log_in(tab, "kepala")
    tab.goto(f"/permohonan/{obj.pk}/")
    approve = page.locator("#aksi-setujui")
    tab.follow(approve.get_by_role("button", name="Setujui dan terbitkan"))
    assert "surat diterbitkan dan dikirim kepada pemohon" in tab.messages.inner_text()
    assert page.locator(".status-line .badge-state").inner_text() == "Sudah dijawab"
    obj = InformationRequest.objects.get(pk=obj.pk)
    assert obj.response.approved_by == head
    log_out(tab)

    log_in(tab, "pemohon")
    tab.goto(f"/permohonan/{obj.pk}/")
    notice = page.locator("section[aria-labelledby=jawaban-h]")
    assert ANSWER in notice.inner_text()
    assert "Diterima seluruhnya" in notice.inner_text()
    assert page.locator("#persetujuan-h").count() == 0
