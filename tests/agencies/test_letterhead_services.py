"""Letterheads, logos, classification codes, signatory positions and staff profiles (issue 17 points 1-3): what
an agency administrator may set, what is refused with which message, and what the audit trail keeps."""

import io
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from agencies import services as s
from agencies.models import Agency, SignatoryPosition, StaffProfile, StaffRole, Unit
from audit.models import Event
from tests.factories import make_agency, make_staff

pytestmark = pytest.mark.django_db


def image_file(width=40, height=40, fmt="PNG", name="logo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 90, 160)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


class A:
    def __init__(self):
        self.agency, self.utama, self.pelaksana = make_agency(name="Dinas A", slug="dinas-a")
        self.admin = make_staff(self.utama, StaffRole.ADMIN, username="admin-a")
        self.head = make_staff(self.pelaksana, StaffRole.PPID, username="kadinkes", first_name="Lestari")
        self.officer = make_staff(self.pelaksana, StaffRole.OFFICER, username="petugas-a")
        self.atasan = make_staff(self.utama, StaffRole.ATASAN, username="atasan-a")
        self.auditor = make_staff(self.utama, StaffRole.AUDITOR, username="auditor-a")
        self.other, self.other_utama, _ = make_agency(name="Dinas B", slug="dinas-b")
        self.other_admin = make_staff(self.other_utama, StaffRole.ADMIN, username="admin-b")


@pytest.fixture
def a(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT
    return A()


def _events(action):
    return list(Event.objects.filter(action=action).order_by("id"))


def test_the_kop_of_a_unit_is_changed_and_audited_with_the_reason(a):
    unit = s.unit_update_letterhead(
        actor=a.admin,
        unit=a.pelaksana,
        data={
            "letterhead_name": "Dinas Kesehatan",
            "address": "Jl. Pasteur No. 25",
            "city": "Bandung",
            "postal_code": "40171",
            "email": "dinkes@example.go.id",
        },
        reason="Alamat kantor baru",
    )
    assert (unit.letterhead_name, unit.address, unit.postal_code) == (
        "DINAS KESEHATAN",
        "Jl. Pasteur No. 25",
        "40171",
    )
    (event,) = _events("unit.letterhead_changed")
    assert event.reason == "Alamat kantor baru"
    assert event.details["address"] == {"from": "", "to": "Jl. Pasteur No. 25"}
    # The same values again change nothing and write no second event.
    s.unit_update_letterhead(actor=a.admin, unit=a.pelaksana, data={"city": "Bandung"})
    assert len(_events("unit.letterhead_changed")) == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"postal_code": "4017"}, "postal_code", "Kode pos terdiri atas 5 angka."),
        ({"email": "bukan-email"}, "email", None),
        ({"website": "bukan url"}, "website", None),
    ],
)
def test_bad_kop_input_changes_nothing(a, data, field, message):
    with pytest.raises(ValidationError) as caught:
        s.unit_update_letterhead(actor=a.admin, unit=a.pelaksana, data={"city": "Bandung", **data})
    assert field in caught.value.message_dict
    if message:
        assert caught.value.message_dict[field] == [message]
    a.pelaksana.refresh_from_db()
    assert a.pelaksana.city == ""
    assert not _events("unit.letterhead_changed")


@pytest.mark.parametrize("who", ["officer", "head", "atasan", "auditor", "other_admin"])
def test_only_the_agency_administrator_changes_letterheads_positions_and_profiles(a, who):
    actor = getattr(a, who)
    calls = [
        lambda: s.unit_update_letterhead(actor=actor, unit=a.pelaksana, data={"city": "Bandung"}),
        lambda: s.unit_logo_set(actor=actor, unit=a.pelaksana, logo=image_file()),
        lambda: s.agency_logo_set(actor=actor, agency=a.agency, logo=image_file()),
        lambda: s.agency_set_classification_codes(actor=actor, agency=a.agency, codes={"notice": "000.9.2"}),
        lambda: s.signatory_position_set(
            actor=actor, unit=a.pelaksana, kind="ppid", holder=a.head, title="Kepala Dinas"
        ),
        lambda: s.staff_profile_update(actor=actor, agency=a.agency, user=a.head, nip="197001012000031001"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert not Event.objects.filter(agency=a.agency).exists()
    assert not SignatoryPosition.objects.exists() and not StaffProfile.objects.exists()


def test_a_logo_is_stored_replaced_and_removed_and_the_old_file_goes(a, django_capture_on_commit_callbacks):
    unit = s.unit_logo_set(actor=a.admin, unit=a.pelaksana, logo=image_file(fmt="PNG"))
    first = Path(unit.logo.path)
    assert first.read_bytes().startswith(b"\x89PNG")
    with django_capture_on_commit_callbacks(execute=True):
        unit = s.unit_logo_set(actor=a.admin, unit=a.pelaksana, logo=image_file(fmt="JPEG", name="x.png"))
    assert Path(unit.logo.path).read_bytes().startswith(b"\xff\xd8\xff")
    assert not first.exists()
    second = Path(unit.logo.path)
    with django_capture_on_commit_callbacks(execute=True):
        unit = s.unit_logo_set(actor=a.admin, unit=a.pelaksana, logo=None)
    assert not unit.logo and not second.exists()
    assert [e.details["logo"] for e in _events("unit.logo_changed")] == ["added", "replaced", "removed"]
    agency = s.agency_logo_set(actor=a.admin, agency=a.agency, logo=image_file())
    assert Agency.objects.get(pk=agency.pk).logo
    assert len(_events("agency.logo_changed")) == 1


def _pdf_named_png():
    return SimpleUploadedFile("logo.png", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", content_type="image/png")


def _truncated_png():
    data = image_file(200, 200).read()
    return SimpleUploadedFile("logo.png", data[: len(data) // 2], content_type="image/png")


def _png_saying_jpeg():  # JPEG magic bytes, PNG inside after them: decodes as neither
    return SimpleUploadedFile("logo.jpg", b"\xff\xd8\xff" + image_file().read(), content_type="image/jpeg")


def _huge_bytes():
    buffer = io.BytesIO()
    Image.frombytes("RGB", (1000, 1000), bytes(range(256)) * 11718 + bytes(192)).save(buffer, format="PNG")
    data = buffer.getvalue() + b"\0" * (1024 * 1024)  # whatever the image, over 1 MB
    return SimpleUploadedFile("logo.png", data, content_type="image/png")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_pdf_named_png, "Logo harus gambar PNG atau JPEG yang sah"),
        (_truncated_png, "Logo harus gambar PNG atau JPEG yang sah"),
        (_png_saying_jpeg, "Logo harus gambar PNG atau JPEG yang sah"),
        (lambda: image_file(2001, 10), "Logo paling besar 2000 × 2000 piksel; berkas ini 2001 × 10 piksel."),
        (_huge_bytes, "Logo paling besar 1 MB."),
    ],
)
def test_a_logo_is_checked_by_content_and_size(a, make, message):
    with pytest.raises(ValidationError) as caught:
        s.unit_logo_set(actor=a.admin, unit=a.pelaksana, logo=make())
    assert message in caught.value.message_dict["logo"][0]
    a.pelaksana.refresh_from_db()
    assert not a.pelaksana.logo
    assert not [p for p in Path(a.pelaksana.logo.storage.location).rglob("*") if p.is_file()]
    assert not _events("unit.logo_changed")


def test_classification_codes_per_kind_are_set_removed_and_checked(a):
    agency = s.agency_set_classification_codes(
        actor=a.admin, agency=a.agency, codes={"notice": " 000.9.2 ", "receipt": "045.2"}, reason="Pola baru"
    )
    assert agency.letter_classification_codes == {"notice": "000.9.2", "receipt": "045.2"}
    agency = s.agency_set_classification_codes(actor=a.admin, agency=a.agency, codes={"receipt": ""})
    assert agency.letter_classification_codes == {"notice": "000.9.2"}
    assert [e.details for e in _events("agency.classification_codes_changed")] == [
        {"notice": {"from": "", "to": "000.9.2"}, "receipt": {"from": "", "to": "045.2"}},
        {"receipt": {"from": "045.2", "to": ""}},
    ]
    with pytest.raises(ValidationError) as caught:
        s.agency_set_classification_codes(actor=a.admin, agency=a.agency, codes={"notice": "000/9"})
    assert caught.value.message_dict["notice"] == [
        "Kode klasifikasi hanya angka dan huruf, dipisah titik atau tanda hubung (mis. 000.9.2)."
    ]
    with pytest.raises(ValidationError, match="Jenis surat tidak dikenal: memo."):
        s.agency_set_classification_codes(actor=a.admin, agency=a.agency, codes={"memo": "000"})
    with pytest.raises(ValidationError) as caught:
        s.agency_set_classification_codes(actor=a.admin, agency=a.agency, codes={"notice": "1" * 31})
    assert caught.value.message_dict["notice"] == ["Kode klasifikasi paling panjang 30 karakter."]
    a.agency.refresh_from_db()
    assert a.agency.letter_classification_codes == {"notice": "000.9.2"}


def test_a_position_is_held_by_staff_with_the_fitting_role(a):
    position = s.signatory_position_set(
        actor=a.admin,
        unit=a.pelaksana,
        kind="ppid",
        holder=a.head,
        title="Kepala Dinas Kesehatan selaku PPID Pelaksana",
        reason="SK Gubernur 800/12",
    )
    assert (position.holder, position.acting) == (a.head, False)
    # An acting official: the same holder as Plt.
    s.signatory_position_set(
        actor=a.admin, unit=a.pelaksana, kind="ppid", holder=a.head, title=position.title, acting=True
    )
    assert SignatoryPosition.objects.get(unit=a.pelaksana, kind="ppid").acting
    events = _events("signatory.position_set")
    assert events[0].details["holder"] == {"from": None, "to": a.head.pk}
    assert events[0].reason == "SK Gubernur 800/12"
    assert events[1].details == {
        "unit": a.pelaksana.pk,
        "kind": "ppid",
        "acting": {"from": False, "to": True},
    }

    atasan = s.signatory_position_set(
        actor=a.admin, unit=a.utama, kind="atasan", holder=a.atasan, title="Sekretaris Daerah"
    )
    assert atasan.unit == a.utama


@pytest.mark.parametrize(
    ("unit", "kind", "holder", "title", "field", "message"),
    [
        ("pelaksana", "ppid", "officer", "Kepala", "holder", "Pejabat harus staf aktif dengan peran PPID"),
        ("utama", "ppid", "head", "Kepala", "holder", "Pejabat harus staf aktif dengan peran PPID"),
        ("utama", "atasan", "head", "Atasan", "holder", "Pejabat harus staf aktif dengan peran Atasan PPID"),
        ("utama", "atasan", "other_admin", "Atasan", "holder", "Pejabat harus staf aktif"),
        ("pelaksana", "atasan", "atasan", "Atasan", "kind", "Jabatan Atasan PPID dicatat pada PPID Utama."),
        ("pelaksana", "ppid", "head", "  ", "title", "Isi nama jabatan"),
        ("pelaksana", "bupati", "head", "Bupati", "kind", "Jabatan penanda tangan tidak dikenal."),
    ],
)
def test_a_position_is_refused_to_who_does_not_fit(a, unit, kind, holder, title, field, message):
    with pytest.raises(ValidationError) as caught:
        s.signatory_position_set(
            actor=a.admin, unit=getattr(a, unit), kind=kind, holder=getattr(a, holder), title=title
        )
    assert message in caught.value.message_dict[field][0]
    assert not SignatoryPosition.objects.exists()


def test_a_former_head_no_longer_fits(a):
    a.head.is_active = False
    a.head.save()
    with pytest.raises(ValidationError):
        s.signatory_position_set(actor=a.admin, unit=a.pelaksana, kind="ppid", holder=a.head, title="Kepala")


def test_a_staff_profile_keeps_nip_rank_and_initials_and_the_trail_no_values(a):
    profile = s.staff_profile_update(
        actor=a.admin,
        agency=a.agency,
        user=a.head,
        nip="19700101 200003 2 001",
        rank="Pembina Tk. I, IV/b",
        initials="lr",
    )
    assert (profile.nip, profile.rank, profile.initials) == (
        "197001012000032001",
        "Pembina Tk. I, IV/b",
        "LR",
    )
    (event,) = _events("staff.profile_changed")
    assert event.details == {"user": a.head.pk, "changed": ["initials", "nip", "rank"]}
    assert "197001012000032001" not in str(event.details)


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("12345", "NIP terdiri atas 18 angka."),
        ("1970010120000320011", "NIP terdiri atas 18 angka."),
        ("19701301200003 2 001", "NIP tidak sah: 8 angka pertamanya adalah tanggal lahir"),
        ("197001012000133001", "NIP tidak sah: periksa bulan pengangkatan"),
        ("197001012000035001", "NIP tidak sah: periksa bulan pengangkatan"),
    ],
)
def test_a_bad_nip_is_refused(a, nip, message):
    with pytest.raises(ValidationError) as caught:
        s.staff_profile_update(actor=a.admin, agency=a.agency, user=a.head, nip=nip)
    assert message in caught.value.message_dict["nip"][0]
    assert not StaffProfile.objects.exists()


def test_the_profile_of_someone_who_is_not_staff_here_is_refused(a):
    with pytest.raises(ValidationError, match="bukan staf badan publik ini"):
        s.staff_profile_update(actor=a.admin, agency=a.agency, user=a.other_admin, nip="197001012000031001")
    with pytest.raises(ValidationError) as caught:
        s.staff_profile_update(actor=a.admin, agency=a.agency, user=a.head, initials="A1")
    assert "initials" in caught.value.message_dict
    assert Unit.objects.count() == 4


def test_a_truncated_jpeg_is_refused_although_weasyprint_lets_pillow_load_it(a):
    import weasyprint  # noqa: F401 - it sets ImageFile.LOAD_TRUNCATED_IMAGES for the whole process

    data = image_file(300, 300, fmt="JPEG").read()
    with pytest.raises(ValidationError, match="Logo harus gambar PNG atau JPEG yang sah"):
        s.unit_logo_set(
            actor=a.admin, unit=a.pelaksana, logo=SimpleUploadedFile("l.jpg", data[: len(data) - 40])
        )
