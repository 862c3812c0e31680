"""The administration pages of letterheads, logos, classification codes, signatories and staff profiles
(issue 17), as an agency administrator, a colleague and an outsider see them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from agencies.models import SignatoryPosition, StaffProfile, StaffRole
from tests.factories import make_agency, make_staff

pytestmark = pytest.mark.django_db


class A:
    def __init__(self):
        self.agency, self.utama, self.pelaksana = make_agency(name="Dinas A", slug="dinas-a")
        self.agency.letterhead_parent = "PEMERINTAH PROVINSI JAWA BARAT"
        self.agency.save()
        self.admin = make_staff(self.utama, StaffRole.ADMIN, username="admin-a")
        self.head = make_staff(
            self.pelaksana, StaffRole.PPID, username="kadinkes", first_name="Lestari", last_name="Wulan"
        )
        self.officer = make_staff(self.pelaksana, StaffRole.OFFICER, username="petugas-a")
        self.auditor = make_staff(self.utama, StaffRole.AUDITOR, username="auditor-a")
        self.atasan = make_staff(self.utama, StaffRole.ATASAN, username="atasan-a", first_name="Hendra")
        self.other, self.other_utama, _ = make_agency(name="Dinas B", slug="dinas-b")
        self.outsider = make_staff(self.other_utama, StaffRole.ADMIN, username="admin-b")

    def url(self, name, *args):
        return reverse(f"frontend:{name}", args=[self.agency.slug, *args])


@pytest.fixture
def a():
    return A()


def png(width=30, height=30) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def test_the_unit_form_saves_the_kop_and_previews_it(client, a):
    client.force_login(a.admin)
    url = a.url("unit_edit", a.pelaksana.pk)
    html = client.get(url).content.decode()
    assert "Kop surat" in html and 'name="kop-letterhead_name"' in html
    assert "PEMERINTAH PROVINSI JAWA BARAT" in html  # the preview, with the agency's Pemda line

    resp = client.post(
        url,
        {
            "bagian": "kop",
            "kop-letterhead_name": "Dinas Kesehatan",
            "kop-address": "Jl. Pasteur No. 25",
            "kop-city": "Bandung",
            "kop-postal_code": "40171",
            "kop-phone": "(022) 4238880",
            "kop-email": "",
            "kop-website": "",
            "kop-reason": "Alamat baru",
        },
    )
    assert resp.status_code == 302
    a.pelaksana.refresh_from_db()
    assert (a.pelaksana.letterhead_name, a.pelaksana.postal_code) == ("DINAS KESEHATAN", "40171")
    html = client.get(url).content.decode()
    assert "Jl. Pasteur No. 25" in html and "DINAS KESEHATAN" in html

    resp = client.post(url, {"bagian": "kop", "kop-postal_code": "401", "kop-email": "salah"})
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Kode pos terdiri atas 5 angka." in html or "Alamat e-mail tidak valid" in html
    a.pelaksana.refresh_from_db()
    assert a.pelaksana.postal_code == "40171"


def test_the_unit_form_uploads_a_logo_and_refuses_a_disguised_file(client, a):
    client.force_login(a.admin)
    url = a.url("unit_edit", a.pelaksana.pk)
    fake = SimpleUploadedFile("logo.png", b"GIF89a not really", content_type="image/png")
    html = client.post(url, {"bagian": "logo", "logo-logo": fake}).content.decode()
    assert "Logo harus gambar PNG atau JPEG yang sah" in html
    a.pelaksana.refresh_from_db()
    assert not a.pelaksana.logo

    assert client.post(url, {"bagian": "logo", "logo-logo": png()}).status_code == 302
    a.pelaksana.refresh_from_db()
    assert a.pelaksana.logo
    html = client.get(url).content.decode()
    assert 'class="kop-logo" src="data:image/png;base64,' in html

    assert client.post(url, {"bagian": "logo", "logo-remove": "on"}).status_code == 302
    a.pelaksana.refresh_from_db()
    assert not a.pelaksana.logo
    # Neither a file nor "remove": said so, nothing changes.
    html = client.post(url, {"bagian": "logo"}).content.decode()
    assert "Pilih berkas logo, atau centang Hapus logo." in html


def test_the_unit_name_form_still_works_beside_the_kop(client, a):
    client.force_login(a.admin)
    resp = client.post(
        a.url("unit_edit", a.pelaksana.pk),
        {"name": "PPID Pelaksana Dinkes", "code": "DINKES", "reason": "Nama"},
    )
    assert resp.status_code == 302
    a.pelaksana.refresh_from_db()
    assert a.pelaksana.name == "PPID Pelaksana Dinkes"


def test_the_settings_page_has_the_pemda_line_logo_and_a_code_field_per_kind(client, a):
    client.force_login(a.admin)
    url = a.url("agency_settings")
    html = client.get(url).content.decode()
    assert 'name="letterhead_parent"' in html
    assert 'name="logo-logo"' in html
    for label in ("Tanda bukti penerimaan permohonan", "Pemberitahuan tertulis", "Tanggapan atas keberatan"):
        assert label in html
    resp = client.post(url, {"bagian": "kode", "kode-notice": "000.9.2", "kode-receipt": "045.2"})
    assert resp.status_code == 302
    a.agency.refresh_from_db()
    assert a.agency.letter_classification_codes == {"notice": "000.9.2", "receipt": "045.2"}
    html = client.post(url, {"bagian": "kode", "kode-notice": "000/9"}).content.decode()
    assert "Kode klasifikasi hanya angka dan huruf" in html
    a.agency.refresh_from_db()
    assert a.agency.letter_classification_codes["notice"] == "000.9.2"
    assert client.post(url, {"bagian": "logo", "logo-logo": png()}).status_code == 302
    a.agency.refresh_from_db()
    assert a.agency.logo


def test_the_signatories_page_lists_positions_and_sets_a_plt(client, a):
    StaffProfile.objects.create(user=a.head, nip="197001012000032001", rank="Pembina, IV/a")
    client.force_login(a.admin)
    html = client.get(a.url("signatories")).content.decode()
    assert html.count("belum ditetapkan") == 3  # the PPID of both units, the Atasan PPID

    edit = a.url("signatory_edit", a.pelaksana.pk, "ppid")
    html = client.get(edit).content.decode()
    assert "Lestari Wulan" in html and "petugas-a" not in html  # only the unit's heads are offered
    resp = client.post(
        edit, {"holder": a.head.pk, "title": "Kepala Dinas Kesehatan selaku PPID Pelaksana", "acting": "on"}
    )
    assert resp.status_code == 302
    position = SignatoryPosition.objects.get(unit=a.pelaksana, kind="ppid")
    assert (position.holder, position.acting) == (a.head, True)
    html = client.get(a.url("signatories")).content.decode()
    assert "Plt. Kepala Dinas Kesehatan selaku PPID Pelaksana" in html
    assert "197001012000032001" in html and "Pembina, IV/a" in html

    # An officer is not among the choices, even posted by hand.
    html = client.post(edit, {"holder": a.officer.pk, "title": "Kepala"}).content.decode()
    assert "Pilih salah satu pejabat yang tersedia." in html
    # The Atasan PPID is kept on the PPID Utama only.
    assert client.get(a.url("signatory_edit", a.pelaksana.pk, "atasan")).status_code == 404
    resp = client.post(
        a.url("signatory_edit", a.utama.pk, "atasan"), {"holder": a.atasan.pk, "title": "Sekda"}
    )
    assert resp.status_code == 302


def test_the_staff_page_edits_a_members_nip_rank_and_initials(client, a):
    client.force_login(a.admin)
    url = a.url("staff_profile", a.head.pk)
    assert url in client.get(a.url("staff")).content.decode()
    html = client.post(url, {"nip": "1970", "rank": "", "initials": ""}).content.decode()
    assert "NIP terdiri atas 18 angka." in html
    assert not StaffProfile.objects.exists()
    resp = client.post(url, {"nip": "19700101 200003 2 001", "rank": "Pembina, IV/a", "initials": "lw"})
    assert resp.status_code == 302
    profile = StaffProfile.objects.get(user=a.head)
    assert (profile.nip, profile.rank, profile.initials) == ("197001012000032001", "Pembina, IV/a", "LW")
    # Someone who is not staff of this agency has no profile page here.
    assert client.get(a.url("staff_profile", a.outsider.pk)).status_code == 404


@pytest.mark.parametrize("who", ["officer", "auditor", "head", "outsider"])
def test_only_the_agency_administrator_reaches_the_letter_pages(client, a, who):
    client.force_login(getattr(a, who))
    for url in (
        a.url("signatories"),
        a.url("signatory_edit", a.pelaksana.pk, "ppid"),
        a.url("staff_profile", a.head.pk),
        a.url("agency_settings"),
    ):
        assert client.get(url).status_code == 404, url
        assert (
            client.post(url, {"nip": "197001012000032001", "holder": a.head.pk, "title": "X"}).status_code
            == 404
        )
    # The unit form: 403 for the agency's own staff, 404 for another agency's.
    expected = 404 if who == "outsider" else 403
    resp = client.post(a.url("unit_edit", a.pelaksana.pk), {"bagian": "kop", "kop-city": "Garut"})
    assert resp.status_code == expected
    a.pelaksana.refresh_from_db()
    assert a.pelaksana.city == ""
    assert not SignatoryPosition.objects.exists() and not StaffProfile.objects.exists()


def test_the_letter_pages_speak_english_once_switched(client, a):
    client.force_login(a.admin)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(a.url("signatories")).content.decode()
    assert "<h1>Signatories</h1>" in html and "not set" in html
    html = client.get(a.url("unit_edit", a.pelaksana.pk)).content.decode()
    assert "Letterhead" in html and "Save letterhead" in html and "Remove logo" in html
    html = client.get(a.url("agency_settings")).content.decode()
    assert "Letter classification codes" in html and "Written notice" in html
    html = client.post(a.url("staff_profile", a.head.pk), {"nip": "123"}).content.decode()
    assert "The NIP has 18 digits." in html
