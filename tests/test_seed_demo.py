import pytest
from django.core.management import call_command

from accounts.models import User
from agencies.models import Agency, Membership, StaffRole, Unit, UnitKind

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_creates_one_user_per_role(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-sandi-panjang-1")
    call_command("seed_demo")
    call_command("seed_demo")
    assert Agency.objects.count() == 1
    agency = Agency.objects.get()
    assert agency.units.filter(kind=UnitKind.UTAMA).count() == 1
    assert agency.units.filter(kind=UnitKind.PELAKSANA).count() == 2
    assert Unit.objects.count() == 3
    names = {"pemohon", "pemohon2", "petugas", "pelaksana", "atasan", "auditor", "admin"}
    assert set(User.objects.values_list("username", flat=True)) == names
    roles = dict(Membership.objects.values_list("user__username", "role"))
    assert roles == {
        "petugas": StaffRole.OFFICER,
        "pelaksana": StaffRole.OFFICER,
        "atasan": StaffRole.ATASAN,
        "auditor": StaffRole.AUDITOR,
        "admin": StaffRole.ADMIN,
    }
    assert Membership.objects.get(user__username="pelaksana").unit.kind == UnitKind.PELAKSANA
    assert User.objects.get(username="pemohon").can_file
    assert User.objects.get(username="atasan").check_password("demo-sandi-panjang-1")
    assert "demo-sandi-panjang-1" in capsys.readouterr().out


def test_demo_requests_are_created_once_through_the_services(monkeypatch):
    from ppid.models import InformationRequest

    monkeypatch.setenv("DEMO_PASSWORD", "demo-sandi-panjang-1")
    call_command("seed_demo")
    call_command("seed_demo_requests")
    call_command("seed_demo_requests")
    states = sorted(InformationRequest.objects.values_list("state", flat=True))
    assert states == ["in_process", "registered", "registered", "responded"]
    assert InformationRequest.objects.filter(channel="walk_in").count() == 1
