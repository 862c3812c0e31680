"""Typical letters of every kind, issued through the real services in the `world`'s agency with a realistic kop,
signatories with NIP and rank, and a letter number format: for the layout tests (page counts pinned) and the
screenshots (docs/screenshots/make_letters.py)."""

from __future__ import annotations

import datetime as dt
import io

from agencies.models import PositionKind, SignatoryPosition, StaffProfile
from letters.kinds import LetterKind
from ppid import services as s
from tests.helpers import at

CONSEQUENCE_TEST = (
    "Informasi yang diminta memuat diagnosis, riwayat pengobatan dan alamat pasien penerima bantuan. "
    "Membukanya mengungkap rahasia pribadi (Pasal 17 huruf h angka 2 dan 3) dan dapat merugikan pasien, "
    "antara lain stigma dan diskriminasi di lingkungan kerja dan tempat tinggalnya. Kepentingan publik atas "
    "pengawasan anggaran telah terpenuhi dengan rekapitulasi per kecamatan yang diumumkan secara berkala, "
    "sehingga manfaat membuka data per orang tidak sebanding dengan kerugian yang ditimbulkan. "
)


def logo_png() -> bytes:
    """A plain shield in the colours of a Pemda's emblem (no real emblem is reproduced), 240 x 280 pixels."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 280), "white")
    draw = ImageDraw.Draw(image)
    draw.polygon([(20, 20), (220, 20), (220, 150), (120, 260), (20, 150)], fill="#1f5d3a", outline="#c9a227")
    draw.polygon([(45, 45), (195, 45), (195, 145), (120, 228), (45, 145)], fill="#c9a227")
    draw.ellipse([(85, 75), (155, 145)], fill="#1f5d3a")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def dress_agency(world) -> None:
    """The kop with its logo, the letter numbers and the signatories of a Pemda's PPID, as an administrator
    would set them."""
    from django.core.files.base import ContentFile

    agency = world.agency
    agency.logo.save("logo.png", ContentFile(logo_png()), save=False)
    agency.name = "Dinas Komunikasi dan Informatika"
    agency.letterhead_parent = "Pemerintah Kota Bandung"
    agency.address = "Jl. Wastukancana No. 2"
    agency.city = "Bandung"
    agency.phone = "(022) 4234793"
    agency.email = "ppid@bandung.go.id"
    agency.website = "https://ppid.bandung.go.id"
    agency.letter_number_format = "{klasifikasi}/{seq}/{unit}/{year}"
    agency.letter_classification_codes = {
        LetterKind.RECEIPT: "000.5.2",
        LetterKind.EXTENSION: "000.5.2",
        LetterKind.NOTICE: "000.5.2",
        LetterKind.OBJECTION_RECEIPT: "000.5.3",
        LetterKind.OBJECTION_DECISION: "000.5.3",
    }
    agency.save()
    unit = world.pelaksana
    unit.letterhead_name = "Dinas Kesehatan"
    unit.address = "Jl. Supratman No. 73"
    unit.postal_code = "40122"
    unit.phone = "(022) 7207236"
    unit.email = "dinkes@bandung.go.id"
    unit.save()
    people = [
        (world.head, "Rina", "Kusumawardani, S.Sos., M.Si.", "197805122005012003", "Pembina, IV/a"),
        (world.atasan, "Ahmad", "Hidayat, S.H., M.H.", "197011031996031002", "Pembina Utama Muda, IV/c"),
        (world.officer, "Dewi", "Lestari", "199002142015032001", "Penata, III/c"),
        (world.pelaksana_officer, "Yusuf", "Maulana", "198807092011011004", "Penata Muda Tk. I, III/b"),
    ]
    for user, first, last, nip, rank in people:
        user.first_name, user.last_name = first, last
        user.save()
        StaffProfile.objects.update_or_create(user=user, defaults={"nip": nip, "rank": rank})
    SignatoryPosition.objects.update_or_create(
        unit=world.utama,
        kind=PositionKind.ATASAN,
        defaults={"title": "Sekretaris Daerah selaku Atasan PPID", "holder": world.atasan},
    )
    SignatoryPosition.objects.update_or_create(
        unit=world.utama,
        kind=PositionKind.PPID,
        defaults={"title": "Kepala Dinas Komunikasi dan Informatika selaku PPID Utama", "holder": world.head},
    )
    SignatoryPosition.objects.update_or_create(
        unit=world.pelaksana,
        kind=PositionKind.PPID,
        defaults={"title": "Kepala Dinas Kesehatan selaku PPID Pelaksana", "holder": world.pelaksana_officer},
    )


def typical_request(world, file_request, **kwargs):
    data = {
        "unit": world.pelaksana,
        "information_requested": (
            "Salinan dokumen pelaksanaan anggaran (DPA) Dinas Kesehatan tahun 2025 untuk program "
            "penanggulangan stunting, beserta laporan realisasinya per triwulan."
        ),
        "purpose": "Penelitian tesis tentang efektivitas belanja kesehatan daerah.",
    }
    data.update(kwargs)
    with at(2026, 3, 13, 10):
        return file_request(**data)


def processed_request(world, file_request, **kwargs):
    request = typical_request(world, file_request, **kwargs)
    with at(2026, 3, 16, 10):
        s.information_request_process(request_id=request.pk, actor=world.pelaksana_officer)
    return request


def extended_request(world, file_request):
    request = processed_request(world, file_request)
    with at(2026, 3, 25, 10):
        s.information_request_extend(
            request_id=request.pk,
            actor=world.pelaksana_officer,
            reason="Dokumen realisasi triwulan IV masih dihimpun dari bidang kesehatan masyarakat.",
        )
    request.refresh_from_db()
    return request


def granted_request(world, file_request):
    request = processed_request(world, file_request)
    with at(2026, 3, 25, 10):
        s.information_request_respond(
            request_id=request.pk,
            actor=world.pelaksana_officer,
            decision="granted",
            provided_information="DPA Dinas Kesehatan 2025 (48 halaman) dan laporan realisasi triwulan I-IV.",
            fee_amount=0,
        )
    request.refresh_from_db()
    return request


def rejected_request(world, file_request, *, consequence_test: str = CONSEQUENCE_TEST):
    request = processed_request(
        world,
        file_request,
        information_requested="Daftar nama dan alamat pasien penerima bantuan iuran 2025.",
    )
    with at(2026, 3, 25, 10):
        s.information_request_respond(
            request_id=request.pk,
            actor=world.pelaksana_officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test=consequence_test,
            exemption_period="Selama data pribadi tersebut melekat pada pasien",
            fee_amount=0,
        )
    request.refresh_from_db()
    return request


def objected_request(world, file_request):
    request = rejected_request(world, file_request)
    with at(2026, 4, 1, 10):
        objection = s.objection_file(
            requester=world.citizen,
            request_id=request.pk,
            grounds=["a"],
            reason=(
                "Saya hanya memerlukan jumlah penerima per kecamatan; nama pasien boleh dihitamkan. "
                "Penolakan seluruhnya tidak sebanding dengan kepentingan publik atas anggaran."
            ),
        )
    return objection


def decided_objection(
    world, file_request, reasons="Jumlah penerima per kecamatan tidak mengungkap rahasia pribadi."
):
    """Partly granted: the order to the PPID, its due date and the part upheld."""
    objection = objected_request(world, file_request)
    with at(2026, 4, 10, 10):
        s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="partially_granted",
            reasons=reasons,
            order="Berikan rekapitulasi jumlah penerima bantuan iuran 2025 per kecamatan.",
            upheld_part="Nama dan alamat pasien tetap dikecualikan.",
            comply_by=dt.date(2026, 4, 24),
        )
    objection.refresh_from_db()
    return objection


def upheld_objection(world, file_request):
    """The PPID's decision upheld, with the written reasons."""
    objection = objected_request(world, file_request)
    with at(2026, 4, 10, 10):
        s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="upheld",
            reasons="Data per orang memuat rahasia pribadi; rekapitulasi per kecamatan telah diumumkan berkala.",
        )
    objection.refresh_from_db()
    return objection


# name: (builder, kind of the letter to show)
CASES = {
    "receipt": (typical_request, LetterKind.RECEIPT),
    "extension": (extended_request, LetterKind.EXTENSION),
    "notice-granted": (granted_request, LetterKind.NOTICE),
    "notice-rejected": (rejected_request, LetterKind.NOTICE),
    "objection-receipt": (objected_request, LetterKind.OBJECTION_RECEIPT),
    "objection-decision": (decided_objection, LetterKind.OBJECTION_DECISION),
    "objection-upheld": (upheld_objection, LetterKind.OBJECTION_DECISION),
}
