"""The register's published, draft and withdrawn items, and DIK entries, for the public pages' tests."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dip import services

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def item_data(**over):
    return {
        "title": "Laporan Keuangan Dinas Kesehatan Semester I 2026",
        "summary": "Laporan realisasi anggaran dan neraca Dinas Kesehatan semester pertama.",
        "category": "berkala",
        "responsible": "Sekretaris Dinas Kesehatan",
        "made_on": dt.date(2026, 7, 15),
        "made_at": "Kota Contoh",
        "format": "softcopy",
        "retention": "10 tahun",
        "tags": ["keuangan", "LRA"],
        "year": 2026,
        **over,
    }


def dik_data(**over):
    return {
        "title": "Dokumen penyelidikan pengadaan",
        "ground": "a",
        "document": "Berkas penyelidikan",
        "exempt_content": "Isi berkas",
        "legal_basis": "UU 14/2008 Pasal 17 huruf a",
        "harm": "Menghambat penyelidikan",
        "public_interest": "Penegakan hukum lebih utama",
        "agreement": "atasan",
        "agreed_by_name": "Sekretaris Daerah",
        "agreed_on": dt.date(2026, 7, 1),
        "period_until": dt.date(2029, 12, 31),
        **over,
    }


def publish(world, *, files=(), links=(), **over):
    item = services.dip_item_create(
        actor=world.pelaksana_officer, unit=world.pelaksana, data=item_data(**over), files=files, links=links
    )
    return services.dip_item_publish(item_id=item.pk, actor=world.officer)


@pytest.fixture
def published(world):
    return publish(
        world,
        files=[SimpleUploadedFile("lra-2026.pdf", PDF)],
        links=[{"url": "https://example.org/lra.xlsx", "name": "Tabel LRA"}],
    )


def decide(world, **over):
    entry = services.dik_entry_create(actor=world.officer, unit=world.utama, data=dik_data(**over))
    return services.dik_entry_decide(
        entry_id=entry.pk, actor=world.head, sk_number="188/12/PPID/2026", sk_date=dt.date(2026, 7, 2)
    )
