"""DIP items and DIK entries set up through `dip.services`, for the register's tests and those of requests that
find answers (issue 18)."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from dip import services as dip_services

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
        "tags": ["keuangan", "anggaran"],
        "year": 2026,
        **over,
    }


def draft_item(world, *, unit=None, actor=None, **over):
    unit = unit or world.pelaksana
    return dip_services.dip_item_create(
        actor=actor or world.pelaksana_officer,
        unit=unit,
        data=item_data(**over),
        files=[SimpleUploadedFile("lra.pdf", PDF)],
    )


def published_item(world, *, unit=None, actor=None, publisher=None, **over):
    item = draft_item(world, unit=unit, actor=actor, **over)
    return dip_services.dip_item_publish(item_id=item.pk, actor=publisher or world.officer)


def in_force_dik(world, **over):
    data = {
        "title": "Dokumen penyelidikan pengadaan alat kesehatan",
        "ground": "a",
        "document": "Berkas penyelidikan pengadaan alat kesehatan 2025",
        "exempt_content": "Keterangan saksi dan hasil audit investigatif",
        "legal_basis": "UU 14/2008 Pasal 17 huruf a",
        "harm": "Menghambat penyelidikan yang sedang berjalan",
        "public_interest": "Penegakan hukum yang tuntas lebih besar manfaatnya bagi publik",
        "agreement": "atasan",
        "agreed_by_name": "Sekretaris Daerah",
        "agreed_on": dt.date(2026, 6, 1),
        "period_until": dt.date(2030, 12, 31),
        **over,
    }
    entry = dip_services.dik_entry_create(actor=world.officer, unit=world.utama, data=data)
    return dip_services.dik_entry_decide(
        entry_id=entry.pk, actor=world.head, sk_number="188/12/PPID/2026", sk_date=dt.date(2026, 6, 2)
    )


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
    item = dip_services.dip_item_create(
        actor=world.pelaksana_officer, unit=world.pelaksana, data=item_data(**over), files=files, links=links
    )
    return dip_services.dip_item_publish(item_id=item.pk, actor=world.officer)


def decide(world, **over):
    entry = dip_services.dik_entry_create(actor=world.officer, unit=world.utama, data=dik_data(**over))
    return dip_services.dik_entry_decide(
        entry_id=entry.pk, actor=world.head, sk_number="188/12/PPID/2026", sk_date=dt.date(2026, 7, 2)
    )
