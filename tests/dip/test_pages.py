"""The staff's register pages (issue 18): drafting, the staff view with its revision and history, the actions each
role is offered and allowed, object by object; a citizen and another agency's staff get 404."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agencies.models import StaffRole
from dip import services
from dip.models import DipEstablishment, DipItem, ItemState
from tests.factories import UnitFactory, make_staff

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def item_form(**over):
    return {
        "unit": "",
        "title": "Laporan Keuangan Dinas Kesehatan Semester I 2026",
        "summary": "Laporan realisasi anggaran dan neraca semester pertama.",
        "category": "berkala",
        "responsible": "Sekretaris Dinas Kesehatan",
        "made_on": "2026-07-15",
        "made_at": "Kota Contoh",
        "format": "softcopy",
        "retention": "10 tahun",
        "tags": "keuangan, LRA",
        "year": "2026",
        "update_interval_months": "6",
        "links": "Portal anggaran | https://anggaran.example.go.id/lra",
        **over,
    }


def data(**over):
    values = item_form(**over)
    values.pop("unit")
    values.pop("links")
    values["tags"] = [t.strip() for t in values["tags"].split(",")]
    return values


@pytest.fixture
def draft(world):
    return services.dip_item_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data=data(),
        files=[SimpleUploadedFile("lra.pdf", PDF)],
    )


@pytest.fixture
def other_unit_officer(world):
    unit = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    return make_staff(unit, StaffRole.OFFICER, username="disdik")


def test_an_officer_drafts_an_item_with_a_file_and_a_link_and_bad_input_keeps_what_was_typed(client, world):
    client.force_login(world.pelaksana_officer)
    page = client.get(reverse("frontend:dip_work_create"))
    assert page.status_code == 200
    # Only the officer's own unit is offered.
    assert world.pelaksana.name in page.content.decode() and world.utama.name not in page.content.decode()
    bad = client.post(
        reverse("frontend:dip_work_create"),
        {
            **item_form(unit=world.pelaksana.pk, retention=""),
            "files": [SimpleUploadedFile("lra.pdf", b"not a pdf")],
        },
    )
    assert bad.status_code == 400
    body = bad.content.decode()
    assert "Sebutkan jangka waktu penyimpanan" in body
    assert "bukan PDF" in body  # the upload checked by content, shown on the files field
    assert "Laporan realisasi anggaran dan neraca semester pertama." in body  # kept
    assert not DipItem.objects.exists()
    done = client.post(
        reverse("frontend:dip_work_create"),
        {**item_form(unit=world.pelaksana.pk), "files": [SimpleUploadedFile("lra.pdf", PDF)]},
    )
    item = DipItem.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse("frontend:dip_work_item", args=[item.pk])
    assert item.state == ItemState.DRAFT and item.tags == ["keuangan", "lra"]
    assert sorted(d.name for d in item.documents.all()) == ["Portal anggaran", "lra.pdf"]
    shown = client.get(done["Location"]).content.decode()
    assert "Draf" in shown and "lra.pdf" in shown and "Ajukan untuk diumumkan" in shown
    assert "Umumkan</button>" not in shown  # a Pelaksana officer does not publish


def test_review_publish_and_a_revision_shown_side_by_side(client, world, draft):
    client.force_login(world.pelaksana_officer)
    client.post(reverse("frontend:dip_work_request_review", args=[draft.pk]))
    client.force_login(world.officer)
    waiting = client.get(reverse("frontend:dip_work"), {"state": "menunggu"}).content.decode()
    assert draft.title in waiting and "1 informasi menunggu diumumkan" in waiting
    client.post(reverse("frontend:dip_work_publish", args=[draft.pk]), {"note": "Diperiksa"})
    draft.refresh_from_db()
    assert draft.state == ItemState.PUBLISHED
    client.force_login(world.pelaksana_officer)
    edit = client.post(
        reverse("frontend:dip_work_edit", args=[draft.pk]),
        {**item_form(title="Laporan Keuangan Semester I 2026 (revisi)"), "note": "Judul dirapikan"},
    )
    assert edit.status_code == 302
    page = client.get(reverse("frontend:dip_work_item", args=[draft.pk])).content.decode()
    assert "Perubahan yang menunggu diumumkan" in page
    assert "Laporan Keuangan Dinas Kesehatan Semester I 2026" in page  # what the public reads
    assert "Laporan Keuangan Semester I 2026 (revisi)" in page  # the proposal
    assert "Judul dirapikan" in page and "Perubahan diajukan" in page  # the history
    draft.refresh_from_db()
    assert draft.title == "Laporan Keuangan Dinas Kesehatan Semester I 2026"


def test_another_units_officer_reads_but_cannot_edit(client, world, draft, other_unit_officer):
    client.force_login(other_unit_officer)
    page = client.get(reverse("frontend:dip_work_item", args=[draft.pk]))
    assert page.status_code == 200 and "Ubah isi" not in page.content.decode()
    assert draft.title not in client.get(reverse("frontend:dip_work")).content.decode()
    assert client.get(reverse("frontend:dip_work_edit", args=[draft.pk])).status_code == 403
    assert (
        client.post(reverse("frontend:dip_work_edit", args=[draft.pk]), item_form(title="X")).status_code
        == 403
    )
    assert client.post(reverse("frontend:dip_work_request_review", args=[draft.pk])).status_code == 403
    draft.refresh_from_db()
    assert draft.title != "X" and draft.review_requested_at is None


def test_an_auditor_reads_but_cannot_publish(client, world, draft):
    client.force_login(world.auditor)
    page = client.get(reverse("frontend:dip_work_item", args=[draft.pk])).content.decode()
    assert draft.title in page and "Umumkan" not in page and "Ubah isi" not in page
    assert draft.title in client.get(reverse("frontend:dip_work")).content.decode()
    assert client.post(reverse("frontend:dip_work_publish", args=[draft.pk])).status_code == 403
    draft.refresh_from_db()
    assert draft.state == ItemState.DRAFT


@pytest.mark.parametrize("who", ["citizen", "outsider"])
def test_a_citizen_or_another_agencys_staff_gets_404(client, world, draft, who):
    client.force_login(getattr(world, who))
    doc = draft.documents.get()
    for url in [
        reverse("frontend:dip_work"),
        reverse("frontend:dip_work_item", args=[draft.pk]),
        reverse("frontend:dip_work_edit", args=[draft.pk]),
        reverse("frontend:dip_work_document", args=[draft.pk, doc.pk]),
        reverse("frontend:dip_work_withdraw", args=[draft.pk]),
        reverse("frontend:dip_establishments"),
        reverse("frontend:dik_work"),
    ]:
        if who == "outsider" and url in (
            reverse("frontend:dip_work"),
            reverse("frontend:dip_establishments"),
            reverse("frontend:dik_work"),
        ):
            # Their own agency's lists open, without this agency's draft.
            response = client.get(url)
            assert response.status_code == 200 and draft.title not in response.content.decode(), url
            continue
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("frontend:dip_work_publish", args=[draft.pk])).status_code == 404


def test_staff_download_a_drafts_document_with_no_caching(client, world, draft):
    doc = draft.documents.get()
    client.force_login(world.auditor)
    response = client.get(reverse("frontend:dip_work_document", args=[draft.pk, doc.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "no-store" in response["Cache-Control"]


def test_withdraw_is_a_confirmation_page_with_a_reason(client, world, draft):
    services.dip_item_publish(item_id=draft.pk, actor=world.officer)
    client.force_login(world.pelaksana_officer)
    assert client.get(reverse("frontend:dip_work_withdraw", args=[draft.pk])).status_code == 403
    client.force_login(world.officer)
    page = client.get(reverse("frontend:dip_work_withdraw", args=[draft.pk]))
    assert "tidak dapat diunduh publik lagi" in page.content.decode()
    assert (
        client.post(reverse("frontend:dip_work_withdraw", args=[draft.pk]), {"reason": ""}).status_code == 400
    )
    done = client.post(
        reverse("frontend:dip_work_withdraw", args=[draft.pk]), {"reason": "Diganti laporan audit"}
    )
    assert done.status_code == 302
    draft.refresh_from_db()
    assert draft.state == ItemState.WITHDRAWN
    assert "Diganti laporan audit" in client.get(done["Location"]).content.decode()


def test_the_utama_head_uploads_the_sk_and_the_list_shows_the_latest(client, world):
    client.force_login(world.pelaksana_officer)
    page = client.get(reverse("frontend:dip_establishments")).content.decode()
    assert "Unggah SK penetapan" not in page
    assert client.post(reverse("frontend:dip_establishments"), {"number": "1"}).status_code == 403
    client.force_login(world.head)
    bad = client.post(
        reverse("frontend:dip_establishments"),
        {"number": "188/12/2026", "decided_on": "2026-01-05", "file": SimpleUploadedFile("sk.pdf", b"nope")},
    )
    assert bad.status_code == 400 and not DipEstablishment.objects.exists()
    done = client.post(
        reverse("frontend:dip_establishments"),
        {"number": "188/12/2026", "decided_on": "2026-01-05", "file": SimpleUploadedFile("sk.pdf", PDF)},
    )
    assert done.status_code == 302
    listing = client.get(reverse("frontend:dip_work")).content.decode()
    assert "nomor 188/12/2026 tanggal 5 Januari 2026" in listing


def dik_form(**over):
    return {
        "unit": "",
        "title": "Dokumen penyelidikan dugaan korupsi pengadaan alat kesehatan",
        "document": "Berkas penyelidikan nomor 12/2026 dari Inspektorat",
        "exempt_content": "Nama saksi dan temuan sementara",
        "ground": "a",
        "other_law": "",
        "legal_basis": "Pasal 17 huruf a UU 14/2008: menghambat proses penyelidikan.",
        "harm": "Saksi dapat diintimidasi dan barang bukti dihilangkan.",
        "public_interest": "Penegakan hukum yang tuntas lebih melindungi kepentingan umum.",
        "agreement": "atasan",
        "agreed_by_name": "Dr. Andi, Sekretaris Daerah",
        "agreed_on": "2026-03-02",
        "period_until": "2026-05-31",
        **over,
    }


@pytest.mark.usefixtures("world")
def test_dik_the_test_in_its_steps_decided_by_the_head_and_flagged_before_it_ends(client, world, settings):
    import time_machine

    settings.DIK_REVIEW_LEAD_DAYS = 60
    with time_machine.travel(dt.datetime(2026, 4, 10, 10, tzinfo=dt.UTC), tick=False):
        client.force_login(world.pelaksana_officer)
        form = client.get(reverse("frontend:dik_work_create")).content.decode()
        assert "Langkah 1. Identifikasi dokumen" in form and "Langkah 4. Uji konsekuensi" in form
        bad = client.post(
            reverse("frontend:dik_work_create"), dik_form(unit=world.pelaksana.pk, permanent="on")
        )
        assert bad.status_code == 400 and "tidak bersifat permanen" in bad.content.decode()
        done = client.post(reverse("frontend:dik_work_create"), dik_form(unit=world.pelaksana.pk))
        assert done.status_code == 302
        entry_url = done["Location"]
        page = client.get(entry_url).content.decode()
        assert "Nama saksi dan temuan sementara" in page and "Tetapkan</button>" not in page
        pk = int(entry_url.rstrip("/").rsplit("/", 1)[1])
        client.force_login(world.head)
        assert "Tetapkan</button>" in client.get(entry_url).content.decode()
        bad = client.post(reverse("frontend:dik_work_decide", args=[pk]), {"sk_number": "", "sk_date": ""})
        assert bad.status_code == 400 and "Isi nomor SK penetapan" in bad.content.decode()
        client.post(
            reverse("frontend:dik_work_decide", args=[pk]),
            {"sk_number": "800/3/2026", "sk_date": "2026-04-01"},
        )
        listing = client.get(reverse("frontend:dik_work")).content.decode()
        assert "Berlaku" in listing and "segera berakhir" in listing
        assert (
            client.get(reverse("frontend:dik_work_edit", args=[pk])).status_code == 403
        )  # decided: no edits
        client.post(reverse("frontend:dik_work_revoke", args=[pk]), {"reason": "Penyelidikan selesai"})
        assert "Penyelidikan selesai" in client.get(entry_url).content.decode()


def test_the_work_home_links_the_register(client, world):
    client.force_login(world.pelaksana_officer)
    home = client.get(reverse("frontend:work")).content.decode()
    assert reverse("frontend:dip_work") in home and reverse("frontend:dik_work") in home


def test_the_consequence_sheet_pdf_is_for_staff_only(client, world):
    import io

    from pypdf import PdfReader

    entry = services.dik_entry_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data={**dik_form(period_until="2030-12-31"), "agreed_on": dt.date(2026, 3, 2)},
    )
    url = reverse("frontend:dik_work_sheet", args=[entry.pk])
    for outsider in (world.citizen, world.outsider):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.force_login(world.auditor)
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "LEMBAR UJI KONSEKUENSI" in text and "DRAF" in text
    assert "Saksi dapat diintimidasi dan barang bukti dihilangkan." in text
    assert "31 Desember 2030" in text and "Dr. Andi, Sekretaris Daerah" in text
