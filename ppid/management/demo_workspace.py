"""The demo's working week for the officers' workspace (issue 16): requests received over the last three weeks at
the counter, by post and by e-mail, in every unit, some taken by an officer or assigned by the unit head, some
overdue and some due soon; material asked of Dinas Kesehatan and Dinas Pendidikan (one answered, one waiting); an
officer's notice waiting for the head's approval; so the staff home, the queue's search and filters and the bulk
actions show something on the first run. Everything goes through the real services."""

import datetime as dt

from django.utils import timezone

from casenotes.services import note_add
from ppid import services

# (days ago received, unit code, channel, requester, information requested, purpose, who takes it)
CASES = [
    (
        20,
        "PPID",
        "walk_in",
        "Dedi Kurniawan",
        "Daftar paket pengadaan barang dan jasa Diskominfo 2026",
        "Pengawasan pengadaan",
        "petugas",
    ),
    (
        19,
        "DINKES",
        "post",
        "LSM Sehat Bersama",
        "Data kasus demam berdarah per kecamatan di Kota Bandung 2025",
        "Kajian kesehatan masyarakat",
        "",
    ),
    (
        18,
        "DISDIK",
        "email",
        "Rahmat Hidayat",
        "Daftar sekolah penerima dana BOS daerah dan besarannya 2026",
        "Pemantauan dana pendidikan",
        "pelaksana_disdik",
    ),
    (
        16,
        "PPID",
        "email",
        "Forum Jurnalis Bandung",
        "Anggaran belanja iklan dan publikasi Diskominfo 2025",
        "Bahan liputan",
        "",
    ),
    (
        15,
        "DINKES",
        "walk_in",
        "Nur Aisyah",
        "Jadwal dan lokasi posyandu di Kecamatan Coblong",
        "Keperluan pribadi",
        "pelaksana",
    ),
    (
        14,
        "PPID",
        "phone",
        "Yayan Suryana",
        "Standar pelayanan informasi publik dan maklumat pelayanan",
        "Keperluan pribadi",
        "petugas",
    ),
    (
        12,
        "DISDIK",
        "post",
        "Komite Sekolah SMAN 3",
        "Rencana kegiatan dan anggaran sekolah (RKAS) SMA negeri 2026",
        "Pengawasan komite",
        "",
    ),
    (
        11,
        "DINKES",
        "email",
        "Universitas Padjadjaran",
        "Cakupan imunisasi dasar lengkap per kabupaten/kota 2025",
        "Penelitian tesis",
        "",
    ),
    (
        9,
        "PPID",
        "walk_in",
        "Siti Nurhaliza",
        "Laporan keuangan Diskominfo tahun anggaran 2025 (audited)",
        "Kajian akuntabilitas",
        "petugas",
    ),
    (
        8,
        "DINKES",
        "post",
        "Asep Saepudin",
        "Daftar rumah sakit rujukan BPJS dan kapasitas tempat tidur",
        "Keperluan keluarga",
        "kepala_dinkes",
    ),
    (
        6,
        "DISDIK",
        "walk_in",
        "Lina Marlina",
        "Kuota dan hasil seleksi PPDB zonasi SMP 2026",
        "Pendaftaran anak",
        "",
    ),
    (
        5,
        "PPID",
        "email",
        "ICW Jawa Barat",
        "Kontrak kerja sama pengembangan aplikasi layanan publik 2025",
        "Pengawasan anggaran",
        "",
    ),
    (
        4,
        "DINKES",
        "walk_in",
        "Ujang Rohman",
        "Anggaran penanganan stunting Dinas Kesehatan 2026",
        "Penelitian skripsi",
        "",
    ),
    (
        3,
        "PPID",
        "post",
        "Bambang Sutrisno",
        "Rencana strategis Diskominfo 2025-2029",
        "Bahan diskusi publik",
        "",
    ),
    (
        2,
        "DISDIK",
        "email",
        "Dewi Sartika",
        "Data guru honorer per kabupaten dan sumber gajinya",
        "Advokasi guru",
        "",
    ),
    (
        1,
        "DINKES",
        "phone",
        "Hendra Gunawan",
        "Jumlah tenaga kesehatan di puskesmas Kabupaten Garut",
        "Penelitian",
        "",
    ),
]
# Syntactically valid, made-up NIKs, one per walk-in requester.
NIK_BASE = 3273010101900100


def seed_workspace(*, agency, units: dict, people: dict) -> int:
    """Create CASES in `agency` (`units` by code, `people` by username), then the contributions and the draft.
    Returns how many requests."""
    now = timezone.now()
    created = []
    for i, (days, unit_code, channel, name, information, purpose, taker) in enumerate(CASES):
        received = (now - dt.timedelta(days=days)).replace(hour=9, minute=15 + i, second=0, microsecond=0)
        unit = units[unit_code]
        request = services.information_request_register_offline(
            officer=people["petugas"],
            agency=agency,
            channel=channel,
            received_at=min(received, now),
            requester={
                "requester_type": "individual",
                "name": name,
                "nik": str(NIK_BASE + i),
                "address": f"Jl. Contoh No. {i + 1}, Bandung",
                "phone": "0812-3456-7890",
            },
            information_requested=information,
            purpose=purpose,
            obtain_method="softcopy",
            delivery_method="email",
            unit=unit,
        )
        created.append(request)
        if taker:
            if taker.startswith("kepala"):
                services.information_request_assign(
                    request_id=request.pk, actor=people[taker], officer_id=people["pelaksana"].pk
                )
            else:
                services.information_request_claim(request_id=request.pk, actor=people[taker])
    _contributions_and_draft(created, units=units, people=people)
    return len(CASES)


def _contributions_and_draft(created: list, *, units: dict, people: dict) -> None:
    # The Utama's audited financial report needs material of two Pelaksana: Dinkes has answered, Disdik not yet.
    report = next(r for r in created if r.information_requested.startswith("Laporan keuangan"))
    asked = services.contribution_ask(
        request_id=report.pk,
        actor=people["petugas"],
        units=[units["DINKES"], units["DISDIK"]],
        instructions="Kirim laporan realisasi anggaran 2025 unit Anda beserta catatan atas laporan keuangan.",
    )
    dinkes = next(c for c in asked if c.unit_id == units["DINKES"].pk)
    services.contribution_answer(
        contribution_id=dinkes.pk,
        actor=people["pelaksana"],
        message="Laporan realisasi anggaran Dinas Kesehatan 2025 sudah diaudit; salinan dikirim lewat e-mail dinas.",
    )
    note_add(
        case=report,
        author=people["petugas"],
        text="Menunggu bahan Disdik; laporan Diskominfo sendiri sudah ada di bagian keuangan.",
    )
    # The standard of service asked by phone: the officer's notice waits for the Utama head's approval.
    standard = next(r for r in created if r.information_requested.startswith("Standar pelayanan"))
    services.information_request_process(request_id=standard.pk, actor=people["petugas"])
    services.information_request_respond(
        request_id=standard.pk,
        actor=people["petugas"],
        decision="granted",
        provided_information="Standar pelayanan informasi publik dan maklumat pelayanan PPID Diskominfo.",
    )
