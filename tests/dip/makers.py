"""Register objects brought to a point through the real services (the clocks', the home's and the figures'
tests share them)."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from dip import services

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def item_data(**over):
    return {
        "title": "Laporan Keuangan Dinas Kesehatan Semester I 2026",
        "summary": "Laporan realisasi anggaran dan neraca Dinas Kesehatan semester pertama.",
        "category": "berkala",
        "responsible": "Sekretaris Dinas Kesehatan",
        "made_on": None,
        "made_at": "Kota Contoh",
        "format": "softcopy",
        "retention": "10 tahun",
        "tags": ["keuangan"],
        "year": 2026,
        **over,
    }


def published_item(world, *, unit=None, **over):
    """A unit's item drafted by its officer and published by the PPID Utama's officer."""
    unit = unit or world.pelaksana
    item = services.dip_item_create(
        actor=world.pelaksana_officer if unit == world.pelaksana else world.officer,
        unit=unit,
        data=item_data(**over),
        files=[SimpleUploadedFile("laporan.pdf", PDF)],
    )
    return services.dip_item_publish(item_id=item.pk, actor=world.officer)


def dik_data(**over):
    return {
        "title": "Dokumen rencana pengamanan gudang vaksin",
        "ground": "c",
        "document": "Rencana pengamanan gudang vaksin provinsi 2026",
        "exempt_content": "Denah, jadwal jaga dan titik kamera",
        "legal_basis": "UU 14/2008 Pasal 17 huruf c",
        "harm": "Membuka denah memudahkan pencurian vaksin",
        "public_interest": "Keamanan stok vaksin lebih besar daripada manfaat membuka denah",
        "agreement": "atasan",
        "agreed_by_name": "Dr. Hendra",
        "agreed_on": dt.date(2026, 3, 2),
        "period_until": dt.date(2026, 5, 1),
        **over,
    }


def dik_in_force(world, **over):
    entry = services.dik_entry_create(actor=world.officer, unit=world.pelaksana, data=dik_data(**over))
    return services.dik_entry_decide(
        entry_id=entry.pk, actor=world.head, sk_number="188/12/PPID/2026", sk_date=dt.date(2026, 3, 3)
    )
