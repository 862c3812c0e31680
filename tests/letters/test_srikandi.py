"""The SRIKANDI hand-off (issue 17 point 8) and the case pages' "Surat" list (point 2): staff who see a case as
staff download each issued letter as a ZIP, the stored PDF and its metadata.json, recorded in the trail; the
requester (who has the PDF) and anyone outside get a 404."""

import hashlib
import io
import json
import zipfile

import pytest
from django.urls import reverse

from audit.models import Event
from letters import events
from letters.kinds import LetterKind
from letters.services import letter_of, letter_pdf
from tests.letter_cases import decided_objection, dress_agency, granted_request


@pytest.fixture
def dressed(world):
    dress_agency(world)
    return world


@pytest.fixture
def granted(dressed, file_request):
    return granted_request(dressed, file_request)


def package_url(request, letter):
    return reverse("frontend:request_letter_package", args=[request.pk, letter.pk])


def test_staff_download_the_package_with_the_stored_pdf_and_its_metadata(client, dressed, granted):
    letter = letter_of(granted, LetterKind.NOTICE)
    client.force_login(dressed.pelaksana_officer)

    answer = client.get(package_url(granted, letter))

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/zip"
    assert f"srikandi-notice-000-5-2-{letter.sequence}-DINKES-2026.zip" in answer["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    pdf_name = f"notice-000-5-2-{letter.sequence}-DINKES-2026.pdf"
    assert sorted(archive.namelist()) == ["metadata.json", pdf_name]
    pdf = archive.read(pdf_name)
    assert pdf == letter_pdf(letter)  # the original, byte for byte
    meta = json.loads(archive.read("metadata.json"))
    letter.refresh_from_db()
    assert meta["nomor"] == letter.number == f"000.5.2/{letter.sequence}/DINKES/2026"
    assert meta["kode_klasifikasi"] == "000.5.2"
    assert meta["tanggal"] == "2026-03-25"
    assert meta["hal"] == "Pemberitahuan Tertulis atas Permohonan Informasi Publik"
    assert meta["sifat"] == "Biasa"
    assert meta["jenis"] == "notice"
    assert meta["pengirim"]["unit"] == dressed.pelaksana.name
    assert meta["pengirim"]["badan_publik"] == "Dinas Komunikasi dan Informatika"
    assert meta["penerima"] == {"nama": "Siti"}
    assert meta["penandatangan"]["nip"] == "198807092011011004"
    assert meta["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert meta["url_verifikasi"].endswith(f"/verifikasi/{letter.code}/")
    event = Event.objects.get(action=events.LETTER_PACKAGE_DOWNLOADED)
    assert event.actor == dressed.pelaksana_officer
    assert event.details["number"] == letter.number
    # The same letter gives the same package every time.
    assert client.get(package_url(granted, letter)).content == answer.content


# The auditor and the administrator read the case, but the package holds the original with the requester's
# contacts, which they get only as a copy without them.
@pytest.mark.parametrize("who", ["citizen", "other_citizen", "outsider", "auditor", "admin"])
def test_package_is_404_for_the_requester_and_outsiders(client, dressed, granted, who):
    letter = letter_of(granted, LetterKind.NOTICE)
    client.force_login(getattr(dressed, who))

    assert client.get(package_url(granted, letter)).status_code == 404
    assert not Event.objects.filter(action=events.LETTER_PACKAGE_DOWNLOADED).exists()


def test_package_of_another_cases_letter_is_404(client, dressed, file_request, granted):
    other = granted_request(dressed, file_request)
    letter = letter_of(other, LetterKind.NOTICE)
    client.force_login(dressed.pelaksana_officer)

    assert client.get(package_url(granted, letter)).status_code == 404


def test_request_page_lists_the_letters_with_number_and_verification(client, dressed, granted):
    receipt = letter_of(granted, LetterKind.RECEIPT)
    notice = letter_of(granted, LetterKind.NOTICE)
    detail = reverse("frontend:request_detail", args=[granted.pk])

    client.force_login(dressed.pelaksana_officer)
    staff_page = client.get(detail).content.decode()
    client.force_login(dressed.citizen)
    requester_page = client.get(detail).content.decode()

    for page in (staff_page, requester_page):
        for letter in (receipt, notice):
            assert letter.number in page
            assert reverse("frontend:letter_verify", args=[letter.code]) in page
        assert reverse("frontend:request_letter", args=[granted.pk, "pemberitahuan"]) in page
        assert "Tanda bukti penerimaan permohonan" in page
    assert package_url(granted, notice) in staff_page
    assert "Paket SRIKANDI" in staff_page
    assert "Paket SRIKANDI" not in requester_page


def test_objection_page_lists_its_letters_and_the_package(client, dressed, file_request):
    objection = decided_objection(dressed, file_request)
    decision = letter_of(objection, LetterKind.OBJECTION_DECISION)
    receipt = letter_of(objection, LetterKind.OBJECTION_RECEIPT)
    url = reverse("frontend:objection_letter_package", args=[objection.pk, decision.pk])
    detail = reverse("frontend:objection_detail", args=[objection.pk])

    client.force_login(dressed.atasan)
    page = client.get(detail).content.decode()
    assert decision.number in page and receipt.number in page
    assert url in page
    assert reverse("frontend:objection_letter", args=[objection.pk]) in page
    answer = client.get(url)
    assert answer.status_code == 200
    meta = json.loads(zipfile.ZipFile(io.BytesIO(answer.content)).read("metadata.json"))
    assert meta["jenis"] == "objection_decision"
    assert meta["kode_klasifikasi"] == "000.5.3"

    client.force_login(dressed.citizen)
    page = client.get(detail).content.decode()
    assert decision.number in page
    assert url not in page
    assert client.get(url).status_code == 404
