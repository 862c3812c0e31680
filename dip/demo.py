"""Demo register for `make run` (`manage.py seed_demo_register`, after seed_demo): the demo agency's DIP items in
every category and state a visitor or an officer meets, each with a small generated PDF, two DIK entries and the SK
penetapan, all through the register's services. Seeded once: an agency that has any item, entry or SK is left as
it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import User
from agencies.models import Agency, Unit

from . import services
from .models import DikEntry, DipEstablishment, DipItem, DipVersion


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with the title and a few lines in Helvetica: small, valid (its cross-reference table
    points at each object's offset), made here with no library."""
    text = ["BT", "/F1 16 Tf", "56 780 Td", f"({_escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        text += ["0 -22 Td", f"({_escape(line)}) Tj"]
    text.append("ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _pdf(name: str, title: str, *lines: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, demo_pdf(title, list(lines)), content_type="application/pdf")


# (unit code, officer, fields, PDF lines). Realistic entries of a provincial agency's DIP.
ITEMS: dict[str, tuple[str, str, dict[str, Any], tuple[str, ...]]] = {
    "keuangan": (
        "DINKES",
        "pelaksana",
        {
            "title": "Laporan Keuangan Dinas Kesehatan Tahun Anggaran 2025",
            "summary": "Laporan realisasi anggaran, neraca, laporan operasional dan catatan atas laporan keuangan "
            "Dinas Kesehatan Provinsi Jawa Barat tahun anggaran 2025 (audited).",
            "category": "berkala",
            "responsible": "Sekretaris Dinas Kesehatan",
            "made_at": "Bandung",
            "format": "softcopy",
            "retention": "10 tahun",
            "tags": ["keuangan", "LRA", "neraca"],
            "year": 2025,
        },
        (
            "Laporan Realisasi Anggaran, Neraca, Laporan Operasional, CaLK.",
            "Dinas Kesehatan Provinsi Jawa Barat.",
        ),
    ),
    "lakip": (
        "DINKES",
        "pelaksana",
        {
            "title": "Laporan Kinerja Instansi Pemerintah (LAKIP) Dinas Kesehatan 2025",
            "summary": "Capaian indikator kinerja utama Dinas Kesehatan tahun 2025: angka kematian ibu dan bayi, "
            "cakupan imunisasi dasar lengkap, dan prevalensi stunting.",
            "category": "berkala",
            "responsible": "Kepala Subbagian Perencanaan dan Evaluasi",
            "made_at": "Bandung",
            "format": "softcopy",
            "retention": "5 tahun",
            "tags": ["LAKIP", "kinerja"],
            "year": 2025,
        },
        ("Capaian indikator kinerja utama tahun 2025.", "Disusun oleh Subbagian Perencanaan dan Evaluasi."),
    ),
    "rka": (
        "DISDIK",
        "pelaksana_disdik",
        {
            "title": "Rencana Kerja dan Anggaran (RKA) Dinas Pendidikan 2026",
            "summary": "Rencana program, kegiatan dan anggaran Dinas Pendidikan tahun 2026, termasuk bantuan "
            "operasional sekolah daerah dan rehabilitasi ruang kelas SMA/SMK.",
            "category": "berkala",
            "responsible": "Sekretaris Dinas Pendidikan",
            "made_at": "Bandung",
            "format": "softcopy",
            "retention": "10 tahun",
            "tags": ["RKA", "anggaran"],
            "year": 2026,
        },
        ("Program, kegiatan dan pagu anggaran 2026.", "Dinas Pendidikan Provinsi Jawa Barat."),
    ),
    "banjir": (
        "PPID",
        "petugas",
        {
            "title": "Peringatan Dini Banjir dan Tanah Longsor Musim Hujan 2026/2027",
            "summary": "Wilayah rawan banjir dan longsor, jalur evakuasi, titik pengungsian dan nomor darurat "
            "BPBD untuk musim hujan 2026/2027.",
            "category": "serta_merta",
            "responsible": "Kepala Bidang Informasi dan Komunikasi Publik",
            "made_at": "Bandung",
            "format": "softcopy",
            "retention": "2 tahun",
            "tags": ["banjir", "longsor", "peringatan dini"],
            "year": 2026,
        },
        ("Status siaga: DAS Citarum, Cimanuk, Citanduy.", "Nomor darurat BPBD Jawa Barat: 112."),
    ),
    "sop": (
        "PPID",
        "petugas",
        {
            "title": "Standar Operasional Prosedur (SOP) Pelayanan Informasi Publik",
            "summary": "Tata cara permohonan informasi, pengajuan keberatan, standar biaya dan jangka waktu "
            "pelayanan informasi publik di lingkungan Diskominfo.",
            "category": "setiap_saat",
            "responsible": "PPID Utama Diskominfo Jawa Barat",
            "made_at": "Bandung",
            "format": "softcopy",
            "retention": "Selama berlaku",
            "tags": ["SOP", "pelayanan informasi"],
            "year": 2026,
        },
        ("Permohonan, keberatan, biaya dan jangka waktu layanan.", "PPID Utama Diskominfo Jawa Barat."),
    ),
    "pks": (
        "PPID",
        "petugas",
        {
            "title": "Perjanjian Kerja Sama Penyediaan Internet Desa dengan PT Telekomunikasi Contoh",
            "summary": "Perjanjian kerja sama penyediaan akses internet untuk 1.200 desa: ruang lingkup, jangka "
            "waktu, kewajiban para pihak dan nilai kerja sama.",
            "category": "setiap_saat",
            "responsible": "Kepala Bidang Infrastruktur TIK",
            "made_at": "Bandung",
            "format": "hardcopy",
            "retention": "10 tahun",
            "tags": ["perjanjian", "internet desa"],
            "year": 2026,
        },
        ("Ruang lingkup, jangka waktu dan kewajiban para pihak.", "Nomor PKS: 027/PKS.12-Diskominfo/2026."),
    ),
    "dapodik": (
        "DISDIK",
        "pelaksana_disdik",
        {
            "title": "Rekapitulasi Data Pokok Pendidikan per Kabupaten/Kota 2026",
            "summary": "Jumlah sekolah, peserta didik, guru dan rombongan belajar jenjang SMA, SMK dan SLB per "
            "kabupaten/kota, semester ganjil 2026.",
            "category": "setiap_saat",
            "responsible": "Kepala Bidang Pembinaan SMA",
            "made_at": "Bandung",
            "format": "softcopy",
            "retention": "5 tahun",
            "tags": ["dapodik", "statistik pendidikan"],
            "year": 2026,
        },
        ("Rekap sekolah, peserta didik, guru per kabupaten/kota.", "Semester ganjil 2026."),
    ),
}

TEST_STEPS = {
    "document": "Rekaman CCTV, denah ruang server dan konfigurasi jaringan pusat data pemerintah provinsi",
    "exempt_content": "Denah ruang server, alamat IP internal, konfigurasi firewall dan rekaman CCTV pusat data",
    "legal_basis": "UU 14/2008 Pasal 17 huruf c (sistem pertahanan dan keamanan) dan Pasal 17 huruf i; "
    "Perpres 95/2018 tentang SPBE: keamanan informasi",
    "harm": "Membuka denah dan konfigurasi memudahkan serangan siber dan penyusupan fisik ke pusat data yang "
    "melayani seluruh perangkat daerah; layanan publik dapat lumpuh dan data warga bocor",
    "public_interest": "Kepentingan publik atas keamanan data warga dan kelangsungan layanan lebih besar daripada "
    "manfaat membuka rincian teknis; ringkasan kebijakan keamanan tetap diumumkan",
}


def register_present(agency: Agency) -> bool:
    return (
        DipItem.objects.filter(agency=agency).exists()
        or DikEntry.objects.filter(agency=agency).exists()
        or DipEstablishment.objects.filter(agency=agency).exists()
    )


def seed_register(*, agency: Agency, units: Mapping[str, Unit], people: Mapping[str, User]) -> dict[str, int]:
    """The demo register, through the services: six published items (one berkala overdue, one with a revision
    waiting), one draft waiting for review, two DIK entries in force (one ending within 60 days) and the SK. The
    caller holds the transaction."""
    now = timezone.now()
    today = timezone.localdate(now, timezone=agency.tzinfo)
    made_on = today - dt.timedelta(days=20)
    head = people["kepala"]
    items: dict[str, DipItem] = {}
    for key, (unit_code, officer, fields, lines) in ITEMS.items():
        items[key] = services.dip_item_create(
            actor=people[officer],
            unit=units[unit_code],
            data={**fields, "made_on": made_on},
            files=[_pdf(f"{key}.pdf", str(fields["title"])[:70], *lines)],
        )
    for key in ("keuangan", "lakip", "rka", "banjir", "sop", "pks"):
        services.dip_item_publish(item_id=items[key].pk, actor=people["petugas"] if key != "banjir" else head)
    # The LAKIP was published seven months ago and not updated since: its six-month update is a month overdue (a
    # demo's past, written directly: the services only ever say "now").
    then = now - dt.timedelta(days=213)
    DipItem.objects.filter(pk=items["lakip"].pk).update(
        published_at=then, updated_at=then, next_update_due=services.add_months(today, -1)
    )
    DipVersion.objects.filter(item=items["lakip"]).update(at=then)
    # Dinas Pendidikan revises its RKA after the budget change: waiting for the PPID Utama.
    services.dip_item_update(
        item_id=items["rka"].pk,
        actor=people["pelaksana_disdik"],
        data={
            "title": "Rencana Kerja dan Anggaran Perubahan (RKA-P) Dinas Pendidikan 2026",
            "summary": str(ITEMS["rka"][2]["summary"]) + " Disesuaikan dengan APBD Perubahan 2026.",
        },
        note="Penyesuaian dengan APBD Perubahan 2026.",
    )
    services.dip_item_request_review(item_id=items["rka"].pk, actor=people["pelaksana_disdik"])
    services.dip_item_request_review(item_id=items["dapodik"].pk, actor=people["pelaksana_disdik"])

    agreed_on = today - dt.timedelta(days=10)
    entries = [
        services.dik_entry_create(
            actor=people["petugas"],
            unit=units["PPID"],
            data={
                "title": "Denah, konfigurasi jaringan dan rekaman CCTV pusat data pemerintah provinsi",
                "ground": "c",
                **TEST_STEPS,
                "agreement": "atasan",
                "agreed_by_name": "Dr. Hendra Atasan PPID",
                "agreed_on": agreed_on,
                "period_until": services.add_months(today, 12 * 5),
            },
        ),
        services.dik_entry_create(
            actor=people["pelaksana"],
            unit=units["DINKES"],
            data={
                "title": "Dokumen penawaran peserta tender pengadaan alat kesehatan 2026",
                "ground": "b",
                "document": "Dokumen penawaran teknis dan harga tiga peserta tender alat kesehatan 2026",
                "exempt_content": "Rincian harga satuan, spesifikasi teknis milik peserta dan struktur biaya",
                "legal_basis": "UU 14/2008 Pasal 17 huruf b; UU 5/1999 tentang larangan persaingan usaha tidak "
                "sehat",
                "harm": "Membuka harga satuan dan struktur biaya peserta sebelum kontrak berakhir merugikan "
                "peserta dan mendorong persekongkolan tender",
                "public_interest": "Hasil tender, nilai kontrak dan pemenang tetap diumumkan; rincian penawaran "
                "dibuka setelah masa pengecualian berakhir",
                "agreement": "tim_pertimbangan",
                "agreed_by_name": "Tim Pertimbangan PPID Diskominfo",
                "agreed_on": agreed_on,
                # Ends within DIK_REVIEW_LEAD_DAYS: the PPID Utama is asked to review it.
                "period_until": today + dt.timedelta(days=45),
            },
        ),
    ]
    for number, entry in enumerate(entries, start=1):
        services.dik_entry_decide(
            entry_id=entry.pk,
            actor=head,
            sk_number=f"188.4/Kep.{number:02d}-PPID/{today.year}",
            sk_date=agreed_on,
        )
    services.dip_establishment_add(
        agency=agency,
        actor=head,
        number=f"188.4/Kep.25-Diskominfo/{today.year}",
        decided_on=agreed_on,
        file=_pdf(
            "sk-penetapan-dip.pdf",
            "Keputusan PPID Utama tentang Penetapan Daftar Informasi Publik",
            f"Nomor 188.4/Kep.25-Diskominfo/{today.year}",
            "Menetapkan Daftar Informasi Publik Diskominfo Provinsi Jawa Barat.",
        ),
    )
    return {"items": len(items), "dik": len(entries), "establishments": 1}
