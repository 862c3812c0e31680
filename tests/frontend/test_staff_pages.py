"""The staff and unit administration pages as an agency administrator, a colleague and an outsider see them."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from agencies.models import Membership, StaffRole, Unit
from audit.models import Event
from tests.factories import CitizenProfileFactory, UserFactory, make_agency, make_staff

pytestmark = pytest.mark.django_db


class Agency:
    def __init__(self):
        self.agency, self.utama, self.pelaksana = make_agency(name="Dinas A", slug="dinas-a")
        self.admin = make_staff(self.utama, StaffRole.ADMIN, username="admin-a", first_name="Ani")
        self.officer = make_staff(
            self.pelaksana,
            StaffRole.OFFICER,
            username="petugas-a",
            first_name="Oki",
            email="oki@dinas-a.go.id",
        )
        self.other, self.other_utama, _ = make_agency(name="Dinas B", slug="dinas-b")
        self.other_admin = make_staff(self.other_utama, StaffRole.ADMIN, username="admin-b")

    def url(self, name, *args):
        return reverse(f"frontend:{name}", args=[self.agency.slug, *args])


@pytest.fixture
def a():
    return Agency()


def _html(resp) -> str:
    return resp.content.decode()


def test_the_staff_page_lists_everyone_and_filters_by_unit_and_role(client, a):
    client.force_login(a.admin)
    html = _html(client.get(a.url("staff")))
    assert "oki@dinas-a.go.id" in html and "Oki" in html and "PPID Pelaksana Dinas Kesehatan" in html
    assert "Administrator badan publik" in html and "Ani" in html

    html = _html(client.get(a.url("staff"), {"unit": a.pelaksana.pk}))
    assert "oki@dinas-a.go.id" in html and "admin-a@" not in html
    html = _html(client.get(a.url("staff"), {"role": "agency_admin"}))
    assert "oki@dinas-a.go.id" not in html and "admin-a@" in html
    # A unit of another agency in the filter is an error, never that agency's staff.
    resp = client.get(a.url("staff"), {"unit": a.other_utama.pk})
    assert resp.status_code == 200
    assert "Pilih unit dari badan publik ini." in _html(resp) and "admin-b@" not in _html(resp)


def test_the_manage_page_links_to_the_staff_page(client, a):
    client.force_login(a.officer)
    assert a.url("staff") in _html(client.get(reverse("frontend:manage")))


def test_an_admin_gives_an_existing_user_a_role_and_it_shows_on_the_page_and_in_the_trail(client, a):
    person = UserFactory(email="rina@dinas-a.go.id", first_name="Rina")
    client.force_login(a.admin)
    resp = client.post(
        a.url("staff"),
        {
            "email": "rina@dinas-a.go.id",
            "unit": a.pelaksana.pk,
            "role": "ppid",
            "reason": "SK 7/2026",
        },
        follow=True,
    )
    html = _html(resp)
    assert "Rina kini memegang peran PPID (kepala unit) di PPID Pelaksana Dinas Kesehatan." in html
    assert "rina@dinas-a.go.id" in html.split("<tbody>", 1)[1]
    assert Membership.objects.filter(user=person, unit=a.pelaksana, role="ppid").exists()
    trail = _html(client.get(a.url("audit")))
    assert "membership.granted" in trail and "SK 7/2026" in trail and "admin-a" in trail


def test_a_citizen_account_becomes_staff_with_a_note(client, a):
    citizen = CitizenProfileFactory().user
    client.force_login(a.admin)
    html = _html(
        client.post(
            a.url("staff"), {"email": citizen.email, "unit": a.utama.pk, "role": "officer"}, follow=True
        )
    )
    assert "sebelumnya akun pemohon" in html
    assert citizen.memberships.filter(unit=a.utama).exists()


def test_a_new_address_gets_an_invitation_that_sets_a_password_and_logs_in(
    client, a, django_capture_on_commit_callbacks
):
    client.force_login(a.admin)
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(
            a.url("staff"),
            {"email": "baru@dinas-a.go.id", "name": "Dewi Lestari", "unit": a.utama.pk, "role": "officer"},
            follow=True,
        )
    assert "Undangan untuk membuat kata sandi dikirim" in _html(resp)
    assert "undangan belum diterima" in _html(resp)
    user = User.objects.get(email="baru@dinas-a.go.id")
    assert not user.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["baru@dinas-a.go.id"] and "Dewi Lestari" in message.body
    link = re.search(r"https?://[^/\s]+(/akun/sandi-baru/\S+/)", message.body).group(1)

    client.logout()
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "sandi-staf-yang-kuat-9"
    assert client.post(form_url, {"new_password1": new, "new_password2": new}).status_code == 302
    resp = client.post(reverse("frontend:login"), {"username": "baru@dinas-a.go.id", "password": new})
    assert resp.status_code == 302
    assert client.get(a.url("staff")).status_code == 200  # now staff of the agency
    # The link worked once.
    assert "tidak valid" in _html(client.get(link, follow=True))


def test_a_unit_of_another_agency_is_a_form_error_and_nothing_is_created(client, a):
    client.force_login(a.admin)
    resp = client.post(
        a.url("staff"),
        {"email": "baru@dinas-a.go.id", "name": "Dewi", "unit": a.other_utama.pk, "role": "officer"},
    )
    html = _html(resp)
    assert resp.status_code == 200
    assert "Pilih unit dari badan publik ini." in html
    assert 'value="baru@dinas-a.go.id"' in html and 'value="Dewi"' in html  # input kept
    assert not User.objects.filter(email="baru@dinas-a.go.id").exists()
    assert not Membership.objects.filter(unit=a.other_utama).exclude(user=a.other_admin).exists()


def test_invalid_input_is_shown_again_in_indonesian(client, a):
    client.force_login(a.admin)
    html = _html(
        client.post(a.url("staff"), {"email": "bukan-email", "name": "Dewi", "unit": "", "role": "raja"})
    )
    assert "Alamat e-mail tidak valid" in html and "Pilih unit." in html
    assert "Pilih salah satu peran yang tersedia." in html
    assert 'value="bukan-email"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    # A new address without a name: the service's answer lands on the name field.
    html = _html(
        client.post(a.url("staff"), {"email": "baru@dinas-a.go.id", "unit": a.utama.pk, "role": "officer"})
    )
    assert "Isi nama" in html and 'id="id_name_error"' in html
    assert not User.objects.filter(email="baru@dinas-a.go.id").exists()


def test_staff_of_another_agency_cannot_be_added(client, a):
    client.force_login(a.admin)
    html = _html(
        client.post(a.url("staff"), {"email": a.other_admin.email, "unit": a.utama.pk, "role": "officer"})
    )
    assert "sudah menjadi staf badan publik lain" in html
    assert not a.other_admin.memberships.filter(unit=a.utama).exists()


def test_revoking_needs_a_reason_then_removes_the_role(client, a):
    client.force_login(a.admin)
    membership = a.officer.memberships.get()
    url = a.url("staff_revoke", membership.pk)
    page = _html(client.get(url))
    assert "oki@dinas-a.go.id" in page and "Alasan pencabutan" in page

    html = _html(client.post(url, {"reason": "  "}))
    assert "Sebutkan alasan pencabutan peran." in html
    assert Membership.objects.filter(pk=membership.pk).exists()

    resp = client.post(url, {"reason": "Pindah tugas", "next": "https://evil.example/"}, follow=True)
    assert resp.redirect_chain[-1][0] == a.url("staff")  # an outside address is ignored
    assert "dicabut" in _html(resp)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    event = Event.objects.get(action="membership.revoked")
    assert event.reason == "Pindah tugas" and event.actor == a.admin


def test_revoking_from_the_unit_page_returns_there(client, a):
    client.force_login(a.admin)
    unit_url = a.url("unit_detail", a.pelaksana.pk)
    html = _html(client.get(unit_url))
    membership = a.officer.memberships.get()
    revoke = f"{a.url('staff_revoke', membership.pk)}?next={unit_url}"
    assert revoke in html
    assert f"{a.url('staff')}?unit={a.pelaksana.pk}" in html
    resp = client.post(revoke, {"reason": "Pindah tugas", "next": unit_url})
    assert resp.status_code == 302 and resp["Location"] == unit_url


def test_the_last_administrator_cannot_be_revoked(client, a):
    client.force_login(a.admin)
    own = a.admin.memberships.get()
    html = _html(client.post(a.url("staff_revoke", own.pk), {"reason": "Pensiun"}))
    assert "satu-satunya administrator" in html
    assert Membership.objects.filter(pk=own.pk).exists()


def test_a_colleague_reads_the_list_without_forms_and_cannot_post(client, a):
    client.force_login(a.officer)
    html = _html(client.get(a.url("staff")))
    assert "Ani" in html and "oki@dinas-a.go.id" in html
    assert 'method="post"' not in html.split('id="main"', 1)[1]
    assert "Cabut peran" not in html and "Tambah staf" not in html
    resp = client.post(
        a.url("staff"), {"email": "x@dinas-a.go.id", "name": "X", "unit": a.utama.pk, "role": "agency_admin"}
    )
    assert resp.status_code == 403
    assert not User.objects.filter(email="x@dinas-a.go.id").exists()
    membership = a.admin.memberships.get()
    assert client.post(a.url("staff_revoke", membership.pk), {"reason": "kudeta"}).status_code == 403
    assert client.get(a.url("unit_edit", a.pelaksana.pk)).status_code == 403
    assert (
        client.post(a.url("unit_edit", a.pelaksana.pk), {"name": "X", "code": "X", "reason": "x"}).status_code
        == 403
    )
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "Cabut peran" not in _html(client.get(a.url("unit_detail", a.utama.pk)))


@pytest.mark.parametrize("who", ["anonymous", "citizen", "other_admin"])
def test_outsiders_get_not_found(client, a, who):
    if who == "citizen":
        client.force_login(CitizenProfileFactory().user)
    elif who == "other_admin":
        client.force_login(a.other_admin)
    membership = a.officer.memberships.get()
    for url in (a.url("staff"), a.url("staff_revoke", membership.pk), a.url("unit_edit", a.pelaksana.pk)):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"reason": "x", "name": "X", "code": "X"}).status_code == 404, url
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_admin_cannot_reach_another_agencys_rows_through_their_own_agency(client, a):
    client.force_login(a.admin)
    theirs = a.other_admin.memberships.get()
    assert client.get(a.url("staff_revoke", theirs.pk)).status_code == 404
    assert client.post(a.url("staff_revoke", theirs.pk), {"reason": "x"}).status_code == 404
    assert client.get(a.url("unit_edit", a.other_utama.pk)).status_code == 404
    assert Membership.objects.filter(pk=theirs.pk).exists()


def test_an_admin_renames_a_unit_with_a_reason(client, a):
    client.force_login(a.admin)
    url = a.url("unit_edit", a.pelaksana.pk)
    assert a.url("unit_edit", a.pelaksana.pk) in _html(client.get(a.url("units")))
    html = _html(client.post(url, {"name": "PPID Pelaksana Dinkes", "code": "ppid"}))
    assert "Sebutkan alasan perubahan." in html and 'value="PPID Pelaksana Dinkes"' in html
    html = _html(client.post(url, {"name": "PPID Pelaksana Dinkes", "code": "ppid", "reason": "SOTK"}))
    assert "Kode unit ini sudah dipakai unit lain" in html
    assert Unit.objects.get(pk=a.pelaksana.pk).name == "PPID Pelaksana Dinas Kesehatan"

    resp = client.post(
        url, {"name": "PPID Pelaksana Dinkes", "code": "dinkes-2", "reason": "Perda SOTK"}, follow=True
    )
    assert resp.redirect_chain[-1][0] == a.url("unit_detail", a.pelaksana.pk)
    assert "PPID Pelaksana Dinkes" in _html(resp) and "DINKES-2" in _html(resp)
    trail = _html(client.get(a.url("audit")))
    assert "unit.updated" in trail and "Perda SOTK" in trail


def test_the_manage_entry_is_marked_current_on_every_administration_page(client, a):
    client.force_login(a.admin)
    slug = a.agency.slug
    for url in (
        reverse("frontend:manage"),
        reverse("frontend:staff", args=[slug]),
        reverse("frontend:units", args=[slug]),
        reverse("frontend:holidays"),
    ):
        html = client.get(url).content.decode()
        assert f'href="{reverse("frontend:manage")}" aria-current="page"' in html, url
    html = client.get(reverse("frontend:due_date")).content.decode()
    assert f'href="{reverse("frontend:manage")}" aria-current="page"' not in html
    assert f'href="{reverse("frontend:due_date")}" aria-current="page"' in html
