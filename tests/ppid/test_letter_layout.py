"""Layout of the issued letters (issue 17 point 7): A4 with the margins of the tata naskah dinas, the kop on the
first page only, a small header with the unit and the letter number on the pages after it, "Halaman x dari y"
on every page, and no near-empty page: typical content of each kind fits its pinned page count, the signature
block never stands alone on a page, and long content flows onto more pages."""

import io
import re

import pytest
from pypdf import PdfReader

from letters.kinds import LetterKind
from letters.services import letter_of, letter_pdf
from tests.letter_cases import CASES, dress_agency, typical_request

MM = 72 / 25.4  # points per millimetre
A4 = (210 * MM, 297 * MM)

# Typical content of each kind: one page, except a refusal with a long consequence test and a partly granted
# decision (the order, its due date and the part upheld), whose closing box and signature take a second page.
PAGES = {
    "receipt": 1,
    "extension": 1,
    "notice-granted": 1,
    "notice-rejected": 2,
    "objection-receipt": 1,
    "objection-decision": 2,
    "objection-upheld": 1,
}


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
    # The signature ends the letter, never alone on its page: the text before it comes along.
    assert signatory in texts[-1]
    before_signature = texts[-1].split(letter.signatory["title"])[0]
    before_signature = re.sub(r"Halaman \d+ dari \d+|\S+ Nomor \S+", "", before_signature)
    if len(pages) > 1:
        assert "Hak mengajukan" in before_signature


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
