"""The public register as a visitor reads it: the agencies' registers, browsing and search, the item page with its
documents and history, the DIK list, the Atom feeds and the open-data exports."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dip import services
from dip.search import matching_items, search_items
from dip.selectors import public_items
from tests.register_helpers import PDF, decide, item_data, publish

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_register_lists_agencies_and_the_agency_page_browses_by_category_and_unit(
    client, world, published
):
    publish(world, title="Profil Diskominfo", summary="Profil singkat.", category="setiap_saat")
    page = client.get("/informasi/")
    assert page.status_code == 200
    assert b"Diskominfo" in page.content and b"/informasi/diskominfo/" in page.content
    agency = client.get("/informasi/diskominfo/")
    body = agency.content.decode()
    assert "Laporan Keuangan Dinas Kesehatan" in body and "Profil Diskominfo" in body
    berkala = client.get("/informasi/diskominfo/", {"kategori": "berkala"}).content.decode()
    assert "Laporan Keuangan Dinas Kesehatan" in berkala and "Profil Diskominfo" not in berkala
    by_unit = client.get("/informasi/diskominfo/", {"unit": world.utama.pk}).content.decode()
    assert "2 informasi ditemukan" in body
    assert "0 informasi ditemukan" in by_unit
    # A bad filter value is left out, the rest applies; an unknown agency is 404.
    assert client.get("/informasi/diskominfo/", {"kategori": "rahasia"}).status_code == 200
    assert client.get("/informasi/tidak-ada/").status_code == 404


def test_search_finds_by_words_and_keeps_the_filters_in_the_pager(client, world, published):
    for n in range(25):
        publish(world, title=f"Laporan Kegiatan Posyandu {n}", summary="Kegiatan posyandu bulanan.", tags=[])
    body = client.get("/informasi/diskominfo/", {"q": "posyandu", "kategori": "berkala"}).content.decode()
    assert "25 informasi ditemukan" in body
    assert "Laporan Keuangan" not in body.split("informasi ditemukan", 1)[1]
    assert "q=posyandu" in body and "kategori=berkala" in body and "halaman=2" in body
    across = client.get("/informasi/", {"q": "keuangan"}).content.decode()
    assert "1 informasi ditemukan" in across and "Laporan Keuangan Dinas Kesehatan" in across


def test_the_item_page_shows_the_statutory_fields_documents_and_public_history(client, world, published):
    services.dip_item_update(
        item_id=published.pk, actor=world.pelaksana_officer, data={"retention": "25 tahun"}
    )
    services.dip_item_publish(item_id=published.pk, actor=world.officer)
    response = client.get(published.get_absolute_url())
    body = response.content.decode()
    for text in (
        "Laporan Keuangan Dinas Kesehatan Semester I 2026",
        "Sekretaris Dinas Kesehatan",
        "Kota Contoh",
        "Softcopy",
        "25 tahun",
        "Informasi berkala",
        "PPID Pelaksana Dinas Kesehatan",
        "lra-2026.pdf",
        'href="https://example.org/lra.xlsx" rel="external noopener noreferrer"',
        "Pertama kali diumumkan",
        "jangka waktu penyimpanan (retensi arsip)",
    ):
        assert text in body, text
    # Never who drafted or published it.
    assert world.pelaksana_officer.username not in body and world.officer.username not in body
    assert "pelaksana@" not in body


def test_a_document_downloads_only_while_it_and_its_item_are_public(client, world, published):
    doc = published.documents.get(name="lra-2026.pdf")
    link = published.documents.get(name="Tabel LRA")
    url = reverse("frontend:dip_document", args=["diskominfo", published.pk, doc.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"].startswith("attachment")
        and "lra-2026.pdf" in response["Content-Disposition"]
    )
    # The wrong agency in the address, a link document, a document not yet published: 404.
    assert (
        client.get(reverse("frontend:dip_document", args=["dinas-lain", published.pk, doc.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("frontend:dip_document", args=["diskominfo", published.pk, link.pk])).status_code
        == 404
    )
    (pending,) = services.dip_document_add(
        item_id=published.pk, actor=world.pelaksana_officer, files=[SimpleUploadedFile("baru.pdf", PDF)]
    )
    assert (
        client.get(
            reverse("frontend:dip_document", args=["diskominfo", published.pk, pending.pk])
        ).status_code
        == 404
    )
    services.dip_item_withdraw(item_id=published.pk, actor=world.officer, reason="Diganti")
    assert client.get(url).status_code == 404
    assert client.get(published.get_absolute_url()).status_code == 404


def test_drafts_are_not_found(client, world):
    draft = services.dip_item_create(
        actor=world.pelaksana_officer, unit=world.pelaksana, data=item_data(title="Draf X")
    )
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Draf X" not in client.get("/informasi/diskominfo/").content.decode()


def test_the_dik_list_shows_ground_period_and_sk_never_the_test(client, world):
    decide(world)
    decide(world, title="Rekam medis pasien", ground="h", permanent=True, period_until=None)
    decide(world, title="Kontrak rahasia", ground="j", other_law="UU 30/2014 Pasal 5")
    body = client.get("/informasi/diskominfo/dikecualikan/").content.decode()
    assert "Dokumen penyelidikan pengadaan" in body and "31 Desember 2029" in body
    assert "permanen" in body and "UU 30/2014 Pasal 5" in body and "188/12/PPID/2026" in body
    assert "Pasal 17 huruf a." in body
    for secret in ("Menghambat penyelidikan", "Penegakan hukum lebih utama", "Berkas penyelidikan"):
        assert secret not in body


def _entries(content: bytes):
    root = ET.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    return [
        (e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}updated"), e.find(f"{ATOM}link").get("href"))
        for e in root.findall(f"{ATOM}entry")
    ]


def test_the_feed_lists_new_and_updated_items_and_drops_withdrawn_ones(client, world, published):
    other = publish(world, title="Profil Diskominfo", summary="Profil.", category="setiap_saat")
    response = client.get("/informasi/diskominfo/feed/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    entries = _entries(response.content)
    assert [t for t, _u, _l in entries] == [
        "Profil Diskominfo",
        "Laporan Keuangan Dinas Kesehatan Semester I 2026",
    ]
    assert entries[1][2].endswith(published.get_absolute_url())
    services.dip_item_update(
        item_id=published.pk, actor=world.pelaksana_officer, data={"title": "LK (revisi)"}
    )
    services.dip_item_publish(item_id=published.pk, actor=world.officer)
    entries = _entries(client.get("/informasi/feed/").content)
    assert entries[0][0] == "LK (revisi)" and entries[0][1] > entries[1][1]
    services.dip_item_withdraw(item_id=other.pk, actor=world.officer, reason="Usang")
    assert [t for t, _u, _l in _entries(client.get("/informasi/feed/").content)] == ["LK (revisi)"]
    assert client.get("/informasi/dinas-lain/feed/").status_code == 200
    assert _entries(client.get("/informasi/dinas-lain/feed/").content) == []
    assert client.get("/informasi/tidak-ada/feed/").status_code == 404


def test_the_exports_carry_the_published_items_with_their_documents(client, world, published):
    publish(world, title='=HYPERLINK("http://x")', summary="Rumus.")
    services.dip_item_create(
        actor=world.pelaksana_officer, unit=world.pelaksana, data=item_data(title="Draf rahasia")
    )
    data = client.get("/informasi/diskominfo/dip.json")
    assert data["Content-Type"].startswith("application/json")
    items = json.loads(data.content)["items"]
    titles = {i["title"] for i in items}
    assert titles == {"Laporan Keuangan Dinas Kesehatan Semester I 2026", '=HYPERLINK("http://x")'}
    lk = next(i for i in items if i["title"].startswith("Laporan"))
    assert lk["category"] == "berkala" and lk["responsible"] == "Sekretaris Dinas Kesehatan"
    assert lk["retention"] == "10 tahun" and lk["next_update_due"]
    names = {d["name"]: d["url"] for d in lk["documents"]}
    assert names["Tabel LRA"] == "https://example.org/lra.xlsx"
    assert names["lra-2026.pdf"].startswith("http://testserver/informasi/diskominfo/")
    response = client.get("/informasi/diskominfo/dip.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["id", "title", "summary", "category"]
    assert len(rows) == 3
    # A cell a spreadsheet would run as a formula is neutralised.
    assert any(r[1] == '\'=HYPERLINK("http://x")' for r in rows[1:])
    assert "Draf rahasia" not in response.content.decode("utf-8-sig")


def test_search_on_sqlite_or_postgres_finds_words_in_title_summary_and_tags(world, published):
    publish(
        world, title="Rencana Kerja 2027", summary="Program kerja.", tags=["renja"], category="setiap_saat"
    )
    assert [i.title for i in search_items(public_items(), "renja")] == ["Rencana Kerja 2027"]
    assert [i.title for i in search_items(public_items(), "neraca kesehatan")] == [published.title]
    assert list(search_items(public_items(), "neraca kapal")) == []
    found = matching_items(agency=world.agency, text="Saya ingin meminta laporan keuangan dinas", limit=5)
    assert [i.pk for i in found] == [published.pk]
    assert matching_items(agency=world.other_agency, text="laporan keuangan", limit=5) == []


def test_a_misspelt_search_finds_the_item_on_either_database(world, published):
    """`make run` serves SQLite: its newcomer's misspelling finds the item too, and an unlike word nothing."""
    services.dip_item_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data=item_data(title="Laporan Keuangan Rahasia Draf", summary="keuangan draf"),
    )
    assert [i.pk for i in search_items(public_items(), "laporn keuangn")] == [published.pk]
    assert list(search_items(public_items(), "laporn kapal")) == []


@pytest.mark.postgres
def test_a_misspelt_search_finds_the_item_on_postgres(world, published):
    publish(world, title="Profil Dinas Pendidikan", summary="Profil lembaga.", category="setiap_saat")
    draft = services.dip_item_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data=item_data(title="Laporan Keuangan Rahasia Draf", summary="keuangan draf"),
    )
    found = list(search_items(public_items(), "laporn keuangn"))
    assert [i.pk for i in found] == [published.pk]
    # The stemmer: another form of the same word finds it too; results carry their rank.
    assert [i.pk for i in search_items(public_items(), "pelaporan")] == [published.pk]
    assert found[0].search_rank > 0
    suggestions = matching_items(agency=world.agency, text="mohon laporn keuangn dinas kesehatan", limit=5)
    # Any telling word may match ("dinas"); the item matching most of them comes first.
    assert [i.pk for i in suggestions][0] == published.pk
    assert draft.pk not in [i.pk for i in search_items(public_items(), "rahasia draf")]
