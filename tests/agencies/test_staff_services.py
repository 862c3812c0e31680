"""Staff administration services: adding staff (with an invitation for a new account), revoking roles without
ever locking the agency out, and editing units. Every change is audited with who and why."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import User
from agencies.models import Membership, StaffRole, Unit
from agencies.services import membership_revoke, staff_add, unit_update
from audit.models import Event
from tests.factories import CitizenProfileFactory, UserFactory, make_agency, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency_a():
    agency, utama, pelaksana = make_agency(name="Dinas A", slug="dinas-a")
    admin = make_staff(utama, StaffRole.ADMIN, username="admin-a")
    return agency, utama, pelaksana, admin


@pytest.fixture
def agency_b():
    agency, utama, pelaksana = make_agency(name="Dinas B", slug="dinas-b")
    admin = make_staff(utama, StaffRole.ADMIN, username="admin-b")
    return agency, utama, pelaksana, admin


def test_an_existing_user_gets_the_role_and_the_trail_says_who_and_why(agency_a):
    agency, _, pelaksana, admin = agency_a
    person = UserFactory(email="rina@dinas-a.go.id", first_name="Rina")
    result = staff_add(
        actor=admin,
        agency=agency,
        email="  RINA@dinas-a.go.id ",
        unit=pelaksana,
        role=StaffRole.OFFICER,
        reason="SK Kadis 12/2026",
    )
    assert result.granted and not result.account_created and not result.invitation_sent
    assert Membership.objects.filter(user=person, unit=pelaksana, role=StaffRole.OFFICER).exists()
    event = Event.objects.get(action="membership.granted")
    assert event.actor == admin and event.agency == agency and event.reason == "SK Kadis 12/2026"
    assert event.details == {"user": person.pk, "unit": pelaksana.pk, "role": "officer", "new_account": False}
    assert mail.outbox == []  # the person already has a password


def test_a_new_address_gets_an_account_without_password_and_an_invitation_after_commit(
    agency_a, django_capture_on_commit_callbacks
):
    agency, utama, _, admin = agency_a
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = staff_add(
            actor=admin,
            agency=agency,
            email="Budi.Santoso@dinas-a.go.id",
            name="Budi Santoso",
            unit=utama,
            role=StaffRole.PPID,
        )
    # One invitation after commit (besides the websocket refresh of the new member's open sockets).
    assert [c.func.__name__ for c in callbacks if hasattr(c, "func")].count("_send_staff_invitation") == 1
    user = User.objects.get(email="budi.santoso@dinas-a.go.id")
    assert result.account_created and result.invitation_sent
    assert user.username == "budi.santoso" and user.get_full_name() == "Budi Santoso"
    assert not user.has_usable_password()
    assert {e.action for e in Event.objects.filter(agency=agency)} >= {
        "account.staff_created",
        "membership.granted",
    }
    (message,) = mail.outbox
    assert message.to == ["budi.santoso@dinas-a.go.id"]
    assert "Dinas A" in message.subject
    assert re.search(r"https?://\S+/akun/sandi-baru/\S+/\S+/", message.body)
    html = message.alternatives[0][0]
    assert "/akun/sandi-baru/" in html and "English" in html


def test_a_username_already_taken_gets_a_suffix(agency_a):
    agency, utama, _, admin = agency_a
    UserFactory(username="budi", email="budi@lain.id")
    staff_add(actor=admin, agency=agency, email="budi@dinas-a.go.id", name="Budi", unit=utama, role="officer")
    assert User.objects.get(email="budi@dinas-a.go.id").username == "budi2"


def test_a_new_account_needs_a_name(agency_a):
    agency, utama, _, admin = agency_a
    with pytest.raises(ValidationError) as exc:
        staff_add(actor=admin, agency=agency, email="baru@dinas-a.go.id", unit=utama, role="officer")
    assert "name" in exc.value.message_dict
    assert not User.objects.filter(email="baru@dinas-a.go.id").exists()


def test_a_unit_of_another_agency_is_refused_and_nothing_is_created(agency_a, agency_b):
    agency, _, _, admin = agency_a
    _, b_utama, _, _ = agency_b
    with pytest.raises(ValidationError) as exc:
        staff_add(actor=admin, agency=agency, email="x@dinas-a.go.id", name="X", unit=b_utama, role="officer")
    assert "unit" in exc.value.message_dict
    assert not User.objects.filter(email="x@dinas-a.go.id").exists()
    assert not Membership.objects.filter(unit=b_utama).exclude(user__username="admin-b").exists()


def test_staff_of_another_agency_cannot_be_added(agency_a, agency_b):
    agency, utama, _, admin = agency_a
    _, b_utama, _, _ = agency_b
    other = make_staff(b_utama, StaffRole.OFFICER, email="orang@dinas-b.go.id")
    with pytest.raises(ValidationError) as exc:
        staff_add(actor=admin, agency=agency, email=other.email, unit=utama, role="officer")
    assert "staf badan publik lain" in exc.value.message_dict["email"][0]
    assert not Membership.objects.filter(user=other, unit=utama).exists()


def test_a_citizen_account_may_become_staff_and_the_result_says_so(agency_a):
    agency, utama, _, admin = agency_a
    citizen = CitizenProfileFactory().user
    result = staff_add(actor=admin, agency=agency, email=citizen.email, unit=utama, role="officer")
    assert result.was_citizen and result.granted
    assert Membership.objects.filter(user=citizen, unit=utama).exists()


@pytest.mark.parametrize("who", ["officer", "other_admin", "citizen"])
def test_only_the_agencys_administrators_add_staff(agency_a, agency_b, who):
    agency, utama, _, _ = agency_a
    actor = {
        "officer": lambda: make_staff(utama, StaffRole.OFFICER),
        "other_admin": lambda: agency_b[3],
        "citizen": lambda: CitizenProfileFactory().user,
    }[who]()
    with pytest.raises(PermissionDenied):
        staff_add(actor=actor, agency=agency, email="y@dinas-a.go.id", name="Y", unit=utama, role="officer")
    assert not User.objects.filter(email="y@dinas-a.go.id").exists()


def test_the_same_role_twice_is_refused_but_a_pending_invitation_is_sent_again(
    agency_a, django_capture_on_commit_callbacks
):
    agency, utama, _, admin = agency_a
    existing = make_staff(utama, StaffRole.OFFICER, email="ada@dinas-a.go.id")
    with pytest.raises(ValidationError, match="sudah memegang peran"):
        staff_add(actor=admin, agency=agency, email=existing.email, unit=utama, role="officer")

    with django_capture_on_commit_callbacks(execute=True):
        staff_add(
            actor=admin, agency=agency, email="undang@dinas-a.go.id", name="U", unit=utama, role="officer"
        )
    with django_capture_on_commit_callbacks(execute=True):
        again = staff_add(
            actor=admin, agency=agency, email="undang@dinas-a.go.id", unit=utama, role="officer"
        )
    assert not again.granted and again.invitation_sent
    assert len(mail.outbox) == 2
    assert Event.objects.filter(action="account.staff_invitation_resent").count() == 1


def test_revoking_needs_a_reason_and_is_audited(agency_a):
    agency, _, pelaksana, admin = agency_a
    officer = make_staff(pelaksana, StaffRole.OFFICER)
    membership = officer.memberships.get()
    with pytest.raises(ValidationError) as exc:
        membership_revoke(actor=admin, membership=membership, reason="   ")
    assert "reason" in exc.value.message_dict
    assert Membership.objects.filter(pk=membership.pk).exists()

    membership_revoke(actor=admin, membership=membership, reason="Mutasi ke dinas lain")
    assert not Membership.objects.filter(pk=membership.pk).exists()
    event = Event.objects.get(action="membership.revoked")
    assert event.actor == admin and event.reason == "Mutasi ke dinas lain"
    assert event.details == {"user": officer.pk, "unit": pelaksana.pk, "role": "officer"}


def test_the_last_administrator_role_cannot_be_revoked(agency_a):
    agency, utama, _, admin = agency_a
    own = admin.memberships.get()
    with pytest.raises(ValidationError, match="satu-satunya administrator"):
        membership_revoke(actor=admin, membership=own, reason="Pensiun")
    assert Membership.objects.filter(pk=own.pk).exists()

    # An inactive second administrator does not count: the agency would still be locked out.
    idle = make_staff(utama, StaffRole.ADMIN, is_active=False)
    with pytest.raises(ValidationError, match="satu-satunya administrator"):
        membership_revoke(actor=admin, membership=own, reason="Pensiun")

    successor = make_staff(utama, StaffRole.ADMIN)
    membership_revoke(actor=admin, membership=own, reason="Pensiun")
    assert not Membership.objects.filter(pk=own.pk).exists()
    with pytest.raises(ValidationError, match="satu-satunya administrator"):
        membership_revoke(actor=successor, membership=successor.memberships.get(), reason="Coba")
    assert idle.memberships.exists()


def test_only_the_agencys_administrators_revoke(agency_a, agency_b):
    _, utama, pelaksana, _ = agency_a
    officer = make_staff(pelaksana, StaffRole.OFFICER)
    for actor in (make_staff(utama, StaffRole.ATASAN), agency_b[3]):
        with pytest.raises(PermissionDenied):
            membership_revoke(actor=actor, membership=officer.memberships.get(), reason="x")
    assert officer.memberships.exists()


def test_a_unit_is_renamed_with_a_reason_and_the_trail_keeps_both_values(agency_a):
    agency, _, pelaksana, admin = agency_a
    with pytest.raises(ValidationError) as exc:
        unit_update(actor=admin, unit=pelaksana, name="Baru", code="BARU", reason="")
    assert "reason" in exc.value.message_dict

    unit_update(
        actor=admin, unit=pelaksana, name="PPID Pelaksana Dinkes", code="dinkes2", reason="Perda SOTK 2026"
    )
    pelaksana.refresh_from_db()
    assert (pelaksana.name, pelaksana.code) == ("PPID Pelaksana Dinkes", "DINKES2")
    event = Event.objects.get(action="unit.updated")
    assert event.reason == "Perda SOTK 2026" and event.actor == admin
    assert event.details["code"] == {"from": "DINKES", "to": "DINKES2"}


def test_a_unit_code_must_stay_unique_in_the_agency(agency_a, agency_b):
    agency, utama, pelaksana, admin = agency_a
    with pytest.raises(ValidationError) as exc:
        unit_update(actor=admin, unit=pelaksana, name=pelaksana.name, code="ppid", reason="Salah ketik")
    assert "sudah dipakai" in exc.value.message_dict["code"][0]
    # Another agency's codes do not matter.
    unit_update(actor=admin, unit=pelaksana, name=pelaksana.name, code="U-B", reason="ok")
    with pytest.raises(PermissionDenied):
        unit_update(actor=agency_b[3], unit=pelaksana, name="Diambil", code="X", reason="x")
    assert Unit.objects.get(pk=pelaksana.pk).name != "Diambil"
