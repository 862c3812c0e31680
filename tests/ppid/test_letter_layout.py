"""Layout of the issued letters (issue 17 point 7): A4 with the margins of the tata naskah dinas, the kop on the
first page only, a small header with the unit and the letter number on the pages after it, "Halaman x dari y"
on every page, and no near-empty page: typical content of each kind fits its pinned page count, the signature
block never stands alone on a page, and long content flows onto more pages."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from letters.kinds import LetterKind
from letters.models import IssuedLetter
from letters.services import letter_of, letter_pdf
from ppid import letters
from ppid import services as s
from ppid.models import DocumentKind, RequestDocument
from tests.helpers import at
from tests.letter_cases import (
    CASES,
    CONSEQUENCE_TEST,
    decided_objection,
    dress_agency,
    granted_request,
    processed_request,
    rejected_request,
    typical_request,
)

MM = 72 / 25.4  # points per millimetre
A4 = (210 * MM, 297 * MM)

# Typical content of every kind fits one page: also a refusal with a long consequence test and a partly granted
# decision (the order, its due date, the part upheld and the tembusan), which once ran onto a second page holding
# only the rights box and the signature.
PAGES = {
    "receipt": 1,
    "extension": 1,
    "notice-granted": 1,
    "notice-rejected": 1,
    "objection-receipt": 1,
    "objection-decision": 1,
    "objection-upheld": 1,
}
# What a long letter's last page may hold besides the body: the running header and footer, the signature block.
RUNNING = re.compile(r"Halaman \d+ dari \d+|\S+ Nomor \S+|\d{4}/PPID/[IVX]+/\d{4}")


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_text(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text()).strip()


def text_left_edge(page) -> float:
    """The leftmost start of any text on the page, in millimetres from the paper's edge."""
    xs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            xs.append(tm[4] * cm[0] + cm[4])

    page.extract_text(visitor_text=visit)
    return min(xs) / MM


def issued_pdf(case, kind):
    letter = letter_of(case, kind)
    assert letter is not None
    return letter, letter_pdf(letter)


@pytest.fixture
def dressed(world):
    dress_agency(world)
    return world


@pytest.mark.parametrize("name", list(PAGES))
def test_typical_letter_fits_its_pages(name, dressed, file_request):
    build, kind = CASES[name]
    letter, pdf = issued_pdf(build(dressed, file_request), kind)
    pages = read(pdf).pages
    texts = [page_text(p) for p in pages]
    signatory = letter.signatory["name"]

    assert len(pages) == PAGES[name]
    for number, (page, text) in enumerate(zip(pages, texts, strict=True), start=1):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
        assert f"Halaman {number} dari {len(pages)}" in text
        assert text_left_edge(page) == pytest.approx(30, abs=0.5)  # 3 cm on the left, room to punch
    # The kop once, at the top of the first page.
    assert texts[0].startswith("PEMERINTAH KOTA BANDUNG")
    assert sum(t.count("PEMERINTAH KOTA BANDUNG") for t in texts) == 1
    assert f"Nomor : {letter.number}" in texts[0]
    assert signatory in texts[-1]


RENDER = {
    LetterKind.RECEIPT: letters.render_receipt,
    LetterKind.EXTENSION: letters.render_extension_letter,
    LetterKind.NOTICE: letters.render_notice,
    LetterKind.OBJECTION_RECEIPT: letters.render_objection_receipt,
    LetterKind.OBJECTION_DECISION: letters.render_objection_decision,
}


@pytest.mark.parametrize("name", list(PAGES))
def test_a_typical_copy_fits_the_same_pages(name, dressed, file_request):
    # The SALINAN an auditor gets carries its mark and the withheld-contact notes, yet no extra page.
    build, kind = CASES[name]
    pages = read(RENDER[kind](build(dressed, file_request), viewer=dressed.auditor)).pages
    texts = [page_text(p) for p in pages]
    assert texts[0].startswith("SALINAN")
    assert len(pages) == PAGES[name]


def test_long_request_flows_with_the_header_repeated(dressed, file_request):
    long_text = " ".join(
        f"{i}. Salinan kontrak pengadaan obat dan bahan medis habis pakai paket {i} tahun anggaran 2025, "
        "beserta berita acara serah terima, addendum, dan dokumen pembayarannya."
        for i in range(1, 41)
    )
    request = typical_request(dressed, file_request, information_requested=long_text)
    letter, pdf = issued_pdf(request, LetterKind.RECEIPT)
    pages = read(pdf).pages
    texts = [page_text(p) for p in pages]
    total = len(pages)

    assert total >= 3
    assert "Halaman 2 dari" in texts[1]
    assert sum(t.count("PEMERINTAH KOTA BANDUNG") for t in texts) == 1
    assert "40. Salinan kontrak" in " ".join(texts)  # nothing is cut off
    for number, text in enumerate(texts[1:], start=2):
        # The small header of the following pages: the issuing unit and the letter number.
        assert f"Dinas Kesehatan Nomor {letter.number}" in text
        assert f"Halaman {number} dari {total}" in text
    assert f"Kesehatan Nomor {letter.number}" not in texts[0]  # the first page has the kop instead
    assert letter.signatory["name"] in texts[-1]
    assert "Hak pemohon informasi publik" in texts[-1]  # the signature did not go alone


def body_before_signature(letter, text: str) -> str:
    """What a page prints before the signature block, without the running header and footer."""
    before = text.split(letter.signatory["title"])[0]
    return RUNNING.sub("", before).strip()


LONG_TEST = " ".join([CONSEQUENCE_TEST] * 6)


def long_notice(world, file_request):
    # A refusal whose consequence test runs to a page and more.
    return rejected_request(world, file_request, consequence_test=LONG_TEST)


def long_decision(world, file_request):
    return decided_objection(world, file_request, reasons=LONG_TEST)


@pytest.mark.parametrize(
    ("build", "kind"),
    [(long_notice, LetterKind.NOTICE), (long_decision, LetterKind.OBJECTION_DECISION)],
    ids=["notice", "objection-decision"],
)
def test_a_long_letters_last_page_carries_body_text_with_the_signature(build, kind, dressed, file_request):
    letter, pdf = issued_pdf(build(dressed, file_request), kind)
    texts = [page_text(p) for p in read(pdf).pages]

    assert len(texts) >= 2
    assert "pasien penerima bantuan" in texts[1]  # the long text flowed on, nothing cut off
    assert letter.signatory["name"] in texts[-1]
    assert f"Halaman {len(texts)} dari {len(texts)}" in texts[-1]
    # Not a page with the signature alone: at least a few lines of the letter come before it.
    assert len(body_before_signature(letter, texts[-1])) > 150
    assert sum(t.count("PEMERINTAH KOTA BANDUNG") for t in texts) == 1


def test_a_copy_of_a_signed_letter_says_the_original_is_signed(dressed, file_request):
    request = granted_request(dressed, file_request)
    letter = letter_of(request, LetterKind.NOTICE)
    IssuedLetter.objects.filter(pk=letter.pk).update(signed=True)

    text = page_text(read(letters.render_notice(request, viewer=dressed.auditor)).pages[0])

    assert "SALINAN" in text
    assert "Surat asli ditandatangani secara elektronik; salinan ini tidak." in text
    assert "tanpa tanda tangan elektronik" not in text


def test_a_copy_of_an_unsigned_letter_says_it_was_issued_unsigned(dressed, file_request):
    request = granted_request(dressed, file_request)
    assert letter_of(request, LetterKind.NOTICE).signed is False

    text = page_text(read(letters.render_notice(request, viewer=dressed.auditor)).pages[0])

    assert "SALINAN" in text
    assert "Surat ini diterbitkan tanpa tanda tangan elektronik." in text
    assert "Surat asli ditandatangani" not in text


def response_pdf(name):
    return SimpleUploadedFile(name, b"%PDF-1.4 isi jawaban", content_type="application/pdf")


def test_the_notice_counts_its_response_files_as_lampiran(dressed, file_request):
    request = processed_request(dressed, file_request)
    with at(2026, 3, 25, 10):
        s.information_request_respond(
            request_id=request.pk,
            actor=dressed.pelaksana_officer,
            files=[response_pdf("dpa-2025.pdf"), response_pdf("realisasi-2025.pdf")],
            decision="granted",
            provided_information="DPA Dinas Kesehatan 2025 dan laporan realisasinya.",
            fee_amount=0,
        )
    # A file attached later is not a lampiran of the notice already sent.
    with at(2026, 3, 27, 10):
        RequestDocument.objects.create(
            request=request,
            kind=DocumentKind.RESPONSE_FILE,
            file="requests/later",
            original_name="susulan.pdf",
            content_type="application/pdf",
            size=10,
            sha256="0" * 64,
            uploaded_by=dressed.pelaksana_officer,
        )
    _letter, pdf = issued_pdf(request, LetterKind.NOTICE)
    assert "Lampiran : 2 (dua) berkas" in page_text(read(pdf).pages[0])
    copy = letters.render_notice(request, viewer=dressed.auditor)
    assert "Lampiran : 2 (dua) berkas" in page_text(read(copy).pages[0])


def test_a_notice_without_files_has_no_lampiran(dressed, file_request):
    _letter, pdf = issued_pdf(granted_request(dressed, file_request), LetterKind.NOTICE)
    assert "Lampiran : - Hal" in page_text(read(pdf).pages[0])


def test_the_notice_is_addressed_to_the_requester(dressed, file_request):
    request = granted_request(dressed, file_request)
    _letter, pdf = issued_pdf(request, LetterKind.NOTICE)
    original = page_text(read(pdf).pages[0])
    copy = page_text(read(letters.render_notice(request, viewer=dressed.auditor)).pages[0])

    assert "Kepada Yth. Siti Jl. Contoh No. 1, Bandung" in original
    assert "Kepada Yth. Siti Alamat: tidak ditampilkan" in copy
    assert "Jl. Contoh No. 1" not in copy


def test_the_notice_names_the_issuing_unit_as_holding_the_information(dressed, file_request):
    _letter, pdf = issued_pdf(granted_request(dressed, file_request), LetterKind.NOTICE)
    text = page_text(read(pdf).pages[0])
    assert "Informasi berada di bawah penguasaan Dinas Kesehatan." in text
    assert "penguasaan Dinas Komunikasi" not in text


def test_the_decision_orders_the_objected_ppid_and_copies_it(dressed, file_request):
    _letter, pdf = issued_pdf(decided_objection(dressed, file_request), LetterKind.OBJECTION_DECISION)
    text = page_text(read(pdf).pages[0])

    # The order's own full stop does not print as ".," before the due date.
    assert (
        "Atasan PPID memerintahkan PPID Pelaksana Dinas Kesehatan untuk memenuhi: Berikan rekapitulasi jumlah "
        "penerima bantuan iuran 2025 per kecamatan, paling lambat Jumat, 24 April 2026." in text
    )
    assert "kecamatan.," not in text
    assert "Tembusan: 1. PPID Pelaksana Dinas Kesehatan; 2. Arsip." in text


def test_the_receipt_names_the_unit_that_received_the_request_after_a_forward(dressed, file_request):
    request = typical_request(dressed, file_request, unit=dressed.utama)
    with at(2026, 3, 16, 10):
        s.information_request_forward(request_id=request.pk, actor=dressed.officer, unit=dressed.pelaksana)
    request.refresh_from_db()
    assert request.unit == dressed.pelaksana

    for pdf in (
        issued_pdf(request, LetterKind.RECEIPT)[1],
        letters.render_receipt(request, viewer=dressed.auditor),
    ):
        text = page_text(read(pdf).pages[0])
        assert "Unit penerima : PPID Utama Diskominfo" in text
        assert "PPID Pelaksana Dinas Kesehatan" not in text
