"""Issue 18, must show, in Chromium on a phone: a visitor finds a published berkala item by a misspelt search on
the agency's register and downloads its PDF. The misspelling is found by PostgreSQL's trigram correction, so
this runs there."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dip import services
from tests.register_helpers import PDF, item_data

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def test_a_visitor_on_a_phone_finds_a_berkala_item_by_a_misspelt_search_and_downloads_its_pdf(
    world, open_tab
):
    draft = services.dip_item_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data=item_data(),
        files=[SimpleUploadedFile("lra-semester-1.pdf", PDF)],
    )
    item = services.dip_item_publish(item_id=draft.pk, actor=world.officer)
    other = services.dip_item_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data=item_data(
            title="Profil Dinas Kesehatan", summary="Profil lembaga.", category="setiap_saat", tags=[]
        ),
    )
    services.dip_item_publish(item_id=other.pk, actor=world.officer)

    tab = open_tab(viewport=PHONE)
    tab.goto("/")
    tab.follow(tab.nav("Informasi publik"))
    tab.follow(tab.main.get_by_role("link", name="Dinas Komunikasi dan Informatika"))
    tab.page.get_by_label("Cari informasi").fill("laporn keuangn")
    tab.page.get_by_label("Kategori", exact=True).select_option("berkala")
    tab.follow(tab.main.get_by_role("button", name="Cari"))
    assert "1 informasi ditemukan" in tab.text()
    assert "Profil Dinas Kesehatan" not in tab.text()
    # Readable on a phone: nothing wider than the screen.
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.follow(tab.main.get_by_role("link", name=item.title))
    assert "Sekretaris Dinas Kesehatan" in tab.text()
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    content = tab.download(tab.main.get_by_role("link", name="lra-semester-1.pdf"))
    assert content == PDF
    assert tab.suggested_filename == "lra-semester-1.pdf"
    tab.finish()
