"""Issue 17 points 1-3, read back from the PDFs (pypdf) the way a requester reads them: each letter carries the kop
of the unit that issued it (a Pelaksana's never the Utama's), the agency's defaults where the unit left a field
empty, the number from the unit's series with the kind's classification code, and the signatory by position with
name, title, rank and NIP (Plt. for an acting official); with approval on the approving head signs and the
drafting officer's initials are on the prepared-by line; the Atasan PPID signs the objection decision; the
verification address with the letter's code is printed next to the QR code."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader

from agencies import services as admin
from agencies.models import StaffRole
from letters.models import IssuedLetter
from ppid import letters
from ppid import services as s
from tests.factories import make_staff

from .test_letters import pdf_text

WIB = ZoneInfo("Asia/Jakarta")
UTAMA_KOP = "DINAS KOMUNIKASI DAN INFORMATIKA"
DINKES_KOP = "DINAS KESEHATAN"


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 140), (11, 83, 148)).save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue())


@pytest.fixture
def kop(world, settings, tmp_path):
    """The world's agency with a Pemda line, its own contacts, a kop per unit, codes per kind, and positions."""
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path / "private"
    settings.SITE_URL = "https://ppid.example.go.id"
    a = world
    agency = a.agency
    agency.letterhead_parent = "PEMERINTAH PROVINSI JAWA BARAT"
    agency.address, agency.city = "Jl. Tamansari No. 55", "Bandung"
    agency.phone, agency.email = "(022) 2502898", "ppid@jabarprov.example.go.id"
    agency.save()
    admin.agency_set_classification_codes(
        actor=a.admin,
        agency=agency,
        codes={"receipt": "000.9.2", "notice": "000.9.4", "objection_decision": "000.9.6"},
    )
    admin.unit_update_letterhead(
        actor=a.admin, unit=a.utama, data={"letterhead_name": UTAMA_KOP, "postal_code": "40132"}
    )
    # Dinas Kesehatan has its own name and address; its phone and e-mail it leaves to the agency.
    admin.unit_update_letterhead(
        actor=a.admin,
        unit=a.pelaksana,
        data={"letterhead_name": DINKES_KOP, "address": "Jl. Pasteur No. 25", "postal_code": "40171"},
    )
    admin.unit_logo_set(actor=a.admin, unit=a.pelaksana, logo=png())
    a.dinkes_head = make_staff(
        a.pelaksana, StaffRole.PPID, username="kadinkes", first_name="Lestari", last_name="Wulandari"
    )
    a.head.first_name, a.head.last_name = "Yusuf", "Maulana"
    a.head.save()
    a.atasan.first_name, a.atasan.last_name = "Hendra", "Gunawan"
    a.atasan.save()
    a.pelaksana_officer.first_name, a.pelaksana_officer.last_name = "Rina", "Putri"
    a.pelaksana_officer.save()
    profiles = {
        a.dinkes_head: ("197808222005012003", "Pembina Tk. I, IV/b", "LW"),
        a.head: ("197203151998031004", "Pembina Utama Muda, IV/c", "YM"),
        a.atasan: ("196911041994031002", "Pembina Utama Madya, IV/d", "HG"),
        a.pelaksana_officer: ("199205092018012002", "Penata Muda, III/a", "RP"),
    }
    for user, (nip, rank, initials) in profiles.items():
        admin.staff_profile_update(
            actor=a.admin, agency=agency, user=user, nip=nip, rank=rank, initials=initials
        )
    admin.signatory_position_set(
        actor=a.admin,
        unit=a.pelaksana,
        kind="ppid",
        holder=a.dinkes_head,
        title="Kepala Dinas Kesehatan selaku PPID Pelaksana",
        acting=True,
    )
    admin.signatory_position_set(
        actor=a.admin, unit=a.utama, kind="ppid", holder=a.head, title="Kepala Diskominfo selaku PPID Utama"
    )
    admin.signatory_position_set(
        actor=a.admin,
        unit=a.utama,
        kind="atasan",
        holder=a.atasan,
        title="Sekretaris Daerah selaku Atasan PPID",
    )
    return a


def _refuse(world, request, actor):
    s.information_request_process(request_id=request.pk, actor=actor)
    return s.information_request_respond(
        request_id=request.pk,
        actor=actor,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="Membuka rahasia pribadi pasien.",
    )


def _issued(case, kind) -> IssuedLetter:
    return IssuedLetter.objects.get(object_id=case.pk, kind=kind)


def test_a_pelaksana_notice_carries_its_own_kop_number_and_acting_signatory(kop, file_request):
    with at(2026, 3, 13, 10):
        request = file_request(unit=kop.pelaksana)
        _refuse(kop, request, kop.pelaksana_officer)
    request.refresh_from_db()

    pdf = letters.render_notice(request, viewer=kop.citizen)  # the issued original
    text = pdf_text(pdf)

    assert "PEMERINTAH PROVINSI JAWA BARAT" in text
    assert DINKES_KOP in text
    assert "Jl. Pasteur No. 25, Bandung 40171" in text
    assert UTAMA_KOP not in text and "Jl. Tamansari" not in text
    # What the unit left empty comes from the agency.
    assert "(022) 2502898" in text and "ppid@jabarprov.example.go.id" in text
    # The number from Dinas Kesehatan's own series (its receipt was number 1), with the notice's code.
    assert _issued(request, "notice").number == "000.9.4/2/DINKES/2026"
    assert "000.9.4/2/DINKES/2026" in text
    # The PPID of the unit signs, by position, acting: title, name, rank, NIP.
    assert "Plt. Kepala Dinas Kesehatan selaku PPID Pelaksana" in text
    assert "Lestari Wulandari" in text
    assert "Pembina Tk. I, IV/b" in text
    assert "NIP 197808222005012003" in text
    # Who prepared it: the officer's initials.
    assert "Disiapkan: RP" in text
    assert "issue 17" not in text  # no template comment printed
    # The unit's logo is the one picture on the first page (the QR code is drawn, not an image).
    assert len(PdfReader(io.BytesIO(pdf)).pages[0].images) == 1


def test_the_verification_address_with_the_code_is_printed(kop, file_request):
    with at(2026, 3, 13, 10):
        request = file_request(unit=kop.pelaksana)
        _refuse(kop, request, kop.pelaksana_officer)
    letter = _issued(request, "notice")

    text = pdf_text(letters.render_notice(request, viewer=kop.citizen)).replace(" ", "")

    assert f"https://ppid.example.go.id/verifikasi/{letter.code}/" in text
    assert f"(kode{letter.code})" in text


def test_a_ppid_utama_letter_carries_the_utamas_kop_and_head(kop, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
        _refuse(kop, request, kop.officer)
    request.refresh_from_db()

    text = pdf_text(letters.render_notice(request, viewer=kop.citizen))

    assert UTAMA_KOP in text and DINKES_KOP not in text
    assert "Jl. Tamansari No. 55, Bandung 40132" in text
    assert "000.9.4/2/PPID/2026" in text
    assert "Kepala Diskominfo selaku PPID Utama" in text and "Plt." not in text
    assert "Yusuf Maulana" in text and "NIP 197203151998031004" in text
    assert "Pembina Utama Muda, IV/c" in text


def test_with_approval_the_approving_head_signs_and_the_drafter_initials(kop, file_request):
    type(kop.agency).objects.filter(pk=kop.agency.pk).update(approval_before_issue=True)
    with at(2026, 3, 13, 10):
        request = file_request(unit=kop.pelaksana)
        _refuse(kop, request, kop.pelaksana_officer)  # kept as a draft for the head
        assert not IssuedLetter.objects.filter(kind="notice").exists()
        s.information_request_approve(request_id=request.pk, actor=kop.dinkes_head)
    request.refresh_from_db()

    text = pdf_text(letters.render_notice(request, viewer=kop.citizen))

    assert "Lestari Wulandari" in text and "NIP 197808222005012003" in text
    assert "Plt. Kepala Dinas Kesehatan selaku PPID Pelaksana" in text
    assert "Disiapkan: RP" in text
    assert "000.9.4/2/DINKES/2026" in text
    assert "Rina Putri" not in text  # the drafter is on the initials line, not the signature


def test_the_utama_head_approving_a_pelaksana_draft_signs_under_his_own_position(kop, file_request):
    type(kop.agency).objects.filter(pk=kop.agency.pk).update(approval_before_issue=True)
    with at(2026, 3, 13, 10):
        request = file_request(unit=kop.pelaksana)
        _refuse(kop, request, kop.pelaksana_officer)
        s.information_request_approve(request_id=request.pk, actor=kop.head)
    request.refresh_from_db()

    text = pdf_text(letters.render_notice(request, viewer=kop.citizen))

    assert DINKES_KOP in text  # still Dinas Kesehatan's letter, from its series
    assert "000.9.4/2/DINKES/2026" in text
    assert "Kepala Diskominfo selaku PPID Utama" in text and "Yusuf Maulana" in text
    assert "Kepala Dinas Kesehatan selaku" not in text and "Plt." not in text
    assert "Disiapkan: RP" in text


def test_a_letter_without_a_code_for_its_kind_reads_without_one(kop, file_request):
    with at(2026, 3, 13, 10):
        request = file_request(unit=kop.pelaksana)
        s.information_request_process(request_id=request.pk, actor=kop.pelaksana_officer)
        s.information_request_extend(
            request_id=request.pk, actor=kop.pelaksana_officer, reason="Arsip di gudang."
        )
    request.refresh_from_db()

    assert _issued(request, "extension").number == "2/DINKES/2026"
    assert "2/DINKES/2026" in pdf_text(letters.render_extension_letter(request, viewer=kop.citizen))


def test_the_atasan_signs_the_objection_decision_under_the_utamas_kop(kop, file_request):
    with at(2026, 3, 13, 10):
        request = file_request(unit=kop.pelaksana)
        _refuse(kop, request, kop.pelaksana_officer)
    with at(2026, 3, 27, 10):
        objection = s.objection_file(
            requester=kop.citizen, request_id=request.pk, grounds=["a"], reason="Keberatan"
        )
    with at(2026, 4, 8, 10):
        objection = s.objection_decide(
            objection_id=objection.pk, actor=kop.atasan, outcome="upheld", reasons="Pengecualian sah."
        )

    text = pdf_text(letters.render_objection_decision(objection, viewer=kop.citizen))

    assert UTAMA_KOP in text
    assert "Sekretaris Daerah selaku Atasan PPID" in text
    assert "Hendra Gunawan" in text and "NIP 196911041994031002" in text
    assert "Pembina Utama Madya, IV/d" in text
    number = _issued(objection, "objection_decision").number
    assert number.startswith("000.9.6/") and number.endswith("/PPID/2026") and number in text


def test_a_later_change_of_kop_or_holder_changes_no_issued_letter(kop, file_request):
    with at(2026, 3, 13, 10):
        request = file_request(unit=kop.pelaksana)
        _refuse(kop, request, kop.pelaksana_officer)
    request.refresh_from_db()
    admin.unit_update_letterhead(actor=kop.admin, unit=kop.pelaksana, data={"address": "Jl. Baru No. 1"})
    admin.signatory_position_set(
        actor=kop.admin,
        unit=kop.pelaksana,
        kind="ppid",
        holder=kop.dinkes_head,
        title="Kepala Dinas Kesehatan selaku PPID Pelaksana",
        acting=False,
    )

    text = pdf_text(letters.render_notice(request, viewer=kop.citizen))

    assert "Jl. Pasteur No. 25" in text and "Jl. Baru No. 1" not in text
    assert "Plt. Kepala Dinas Kesehatan" in text
