"""Must show (issue 17): the QR payload. The QR code printed on an issued letter is read back from the stored
PDF as a phone would see it (page 1 rasterised, then decoded), and it is the letter's verification address,
which opens the public verification page of that very letter."""

from urllib.parse import urlsplit

import pypdfium2
import pytest
import zxingcpp

from letters.kinds import LetterKind
from letters.services import letter_of, letter_pdf
from tests.letter_cases import dress_agency, granted_request

pytestmark = pytest.mark.django_db

DPI = 200


def qr_codes_on_first_page(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        document.close()
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def assert_the_qr_code_opens_the_letters_page(client, letter):
    codes = qr_codes_on_first_page(letter_pdf(letter))
    assert codes == [letter.absolute_verification_url]
    assert letter.code in codes[0]

    url = urlsplit(codes[0])
    resp = client.get(url.path)
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "<h1>Verifikasi surat</h1>" in html
    assert letter.number and letter.number in html


def test_the_receipts_qr_code_is_its_verification_address(settings, client, world, file_request):
    settings.SITE_URL = "https://ppid.contoh.go.id"
    letter = letter_of(file_request(), LetterKind.RECEIPT)
    assert letter.unit == world.utama
    assert letter.absolute_verification_url.startswith("https://ppid.contoh.go.id/verifikasi/")
    assert_the_qr_code_opens_the_letters_page(client, letter)


def test_a_pelaksana_units_notice_carries_its_own_address(client, world, file_request):
    # A realistic kop with the agency's logo beside the QR code: still exactly one QR code on the page.
    dress_agency(world)
    request = granted_request(world, file_request)
    notice = letter_of(request, LetterKind.NOTICE)
    assert notice.unit == world.pelaksana
    receipt = letter_of(request, LetterKind.RECEIPT)
    assert receipt.code != notice.code
    assert_the_qr_code_opens_the_letters_page(client, notice)
