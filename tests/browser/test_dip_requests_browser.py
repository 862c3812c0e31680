"""Issue 18 "must show", in Chromium: a citizen who starts typing a request for information already in the DIP is
shown the item as they type; an officer answers another request `already_published` from the request page, in one
click, and the request is completed."""

import pytest

from tests.helpers import log_in, log_out
from tests.register_helpers import published_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Laporan Keuangan Dinas Kesehatan Semester I 2026"


def test_a_citizen_typing_a_request_is_shown_the_published_item(world, open_tab):
    item = published_item(world)
    tab = log_in(open_tab(), "pemohon")
    page = tab.page
    tab.goto("/permohonan/baru/")
    page.get_by_label("Badan publik yang dituju").select_option(str(world.agency.pk))
    page.get_by_label("Rincian informasi yang dibutuhkan").press_sequentially("laporan keuangan semester")
    box = page.locator("#dip-suggestions")
    link = box.get_by_role("link", name=TITLE)
    link.wait_for()
    assert "Mungkin informasi ini sudah tersedia" in box.inner_text()
    assert link.get_attribute("href") == f"/informasi/{world.agency.slug}/{item.pk}/"


def test_an_officer_answers_a_request_already_published_in_one_click(world, open_tab):
    from ppid import services
    from ppid.models import InformationRequest

    published_item(world)
    obj = world.file_request(information_requested="Mohon laporan keuangan Dinas Kesehatan semester pertama")
    services.information_request_process(request_id=obj.pk, actor=world.officer)
    tab = log_in(open_tab(), "petugas")
    page = tab.page
    tab.goto(f"/permohonan/{obj.pk}/")
    matches = page.locator("#dip-cocok")
    assert TITLE in matches.inner_text()
    tab.follow(matches.get_by_role("button", name=f"Jawab: sudah diumumkan — {TITLE}"))
    assert page.locator(".status-line .badge-state").inner_text() == "Selesai"
    notice = page.locator("section[aria-labelledby=jawaban-h]")
    assert "Informasi sudah diumumkan" in notice.inner_text()
    assert notice.get_by_role("link", name=TITLE).count() == 1
    assert InformationRequest.objects.get(pk=obj.pk).response.dip_item.title == TITLE
    log_out(tab)

    # The requester reads the same answer, pointing at the public page.
    log_in(tab, "pemohon")
    tab.goto(f"/permohonan/{obj.pk}/")
    assert page.get_by_role("link", name=TITLE).count() == 1
