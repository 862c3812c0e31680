import pytest
from django.core.management import call_command

from accounts.models import User
from agencies.models import Agency, Membership, StaffRole, Unit, UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """The demo logo and letters land in a throwaway directory, never in var/private."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT


def test_seed_demo_is_idempotent_and_creates_one_user_per_role(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-sandi-panjang-1")
    call_command("seed_demo")
    call_command("seed_demo")
    assert Agency.objects.count() == 1
    agency = Agency.objects.get()
    assert agency.units.filter(kind=UnitKind.UTAMA).count() == 1
    assert agency.units.filter(kind=UnitKind.PELAKSANA).count() == 2
    assert Unit.objects.count() == 3
    names = {"pemohon", "pemohon2", "petugas", "kepala", "pelaksana", "kepala_dinkes", "pelaksana_disdik"}
    names |= {"atasan", "auditor", "admin"}
    assert set(User.objects.values_list("username", flat=True)) == names
    roles = dict(Membership.objects.values_list("user__username", "role"))
    assert roles == {
        "petugas": StaffRole.OFFICER,
        "kepala": StaffRole.PPID,
        "pelaksana": StaffRole.OFFICER,
        "kepala_dinkes": StaffRole.PPID,
        "pelaksana_disdik": StaffRole.OFFICER,
        "atasan": StaffRole.ATASAN,
        "auditor": StaffRole.AUDITOR,
        "admin": StaffRole.ADMIN,
    }
    assert Membership.objects.get(user__username="pelaksana").unit.kind == UnitKind.PELAKSANA
    assert Membership.objects.get(user__username="kepala_dinkes").unit.code == "DINKES"
    assert Membership.objects.get(user__username="kepala").unit.kind == UnitKind.UTAMA
    assert User.objects.get(username="pemohon").can_file
    assert User.objects.get(username="atasan").check_password("demo-sandi-panjang-1")
    capsys.readouterr()
    call_command("demo_users")
    listing = capsys.readouterr().out
    assert "Password for all demo users: demo-sandi-panjang-1" in listing
    assert "  pelaksana  Petugas · PPID Pelaksana Dinas Kesehatan" in listing


def test_the_demo_agency_has_kops_a_logo_codes_and_signatories(monkeypatch):
    from PIL import Image

    from agencies.models import SignatoryPosition, StaffProfile
    from letters.letterhead import letterhead_for, signatory_for

    monkeypatch.setenv("DEMO_PASSWORD", "demo-sandi-panjang-1")
    call_command("seed_demo")
    agency = Agency.objects.get()
    assert agency.letterhead_parent == "PEMERINTAH PROVINSI JAWA BARAT"
    with agency.logo.open("rb") as fh, Image.open(fh) as logo:
        assert logo.format == "PNG" and max(logo.size) <= 2000
    assert set(agency.letter_classification_codes) == {
        "receipt",
        "extension",
        "notice",
        "objection_receipt",
        "objection_decision",
    }
    kops = {unit.code: letterhead_for(unit) for unit in agency.units.all()}
    assert kops["DINKES"]["name"] == "DINAS KESEHATAN"
    assert kops["DINKES"]["address"] == "Jl. Pasteur No. 25"
    assert kops["DISDIK"]["name"] == "DINAS PENDIDIKAN"
    assert kops["PPID"]["phone"] == "(022) 2502898"  # the agency's: the unit leaves it empty
    assert all(kop["parent"] == "PEMERINTAH PROVINSI JAWA BARAT" and kop["logo"] for kop in kops.values())
    holders = {
        (p.unit.code, p.kind): (p.holder.username, p.acting)
        for p in SignatoryPosition.objects.select_related("unit", "holder")
    }
    assert holders == {
        ("PPID", "ppid"): ("kepala", False),
        ("DINKES", "ppid"): ("kepala_dinkes", True),
        ("PPID", "atasan"): ("atasan", False),
    }
    for profile in StaffProfile.objects.all():
        profile.full_clean()  # 18-digit NIPs
    dinkes = signatory_for(agency.units.get(code="DINKES"), "ppid")
    assert (dinkes["name"], dinkes["acting"], dinkes["nip"]) == (
        "Dr. Lestari Kepala PPID Dinas Kesehatan",
        True,
        "197808222005012003",
    )
    assert signatory_for(agency.units.get(code="DINKES"), "atasan")["rank"] == "Pembina Utama Madya, IV/d"


def test_demo_requests_are_created_once_through_the_services(monkeypatch):
    from ppid.models import InformationRequest, Objection

    monkeypatch.setenv("DEMO_PASSWORD", "demo-sandi-panjang-1")
    call_command("seed_demo")
    call_command("seed_demo_requests")
    call_command("seed_demo_requests")
    states = sorted(InformationRequest.objects.values_list("state", flat=True))
    assert states == ["in_process"] * 2 + ["registered"] * 17 + ["responded"]
    assert InformationRequest.objects.filter(channel="walk_in").count() == 6
    # The staff home has something to show: cases taken, assigned by a head, left for the unit, overdue.
    assert InformationRequest.objects.filter(assigned_to__username="petugas").count() == 3
    assert InformationRequest.objects.filter(assigned_to__username="pelaksana").count() == 2
    assert InformationRequest.objects.filter(assigned_to__isnull=True).count() == 14
    assert {r.unit.code for r in InformationRequest.objects.all()} == {"PPID", "DINKES", "DISDIK"}
    # Material asked of two units, one answered; an officer's notice waiting for the head; an internal note.
    from casenotes.models import CaseNote
    from ppid.models import Contribution, ResponseDraft

    assert sorted(Contribution.objects.values_list("unit__code", "state")) == [
        ("DINKES", "answered"),
        ("DISDIK", "asked"),
    ]
    assert ResponseDraft.objects.filter(state="pending").count() == 1
    assert CaseNote.objects.count() >= 2  # the forward's note and the officer's
    # The demo agency asks for approval before issue: the officer's notice was approved by the Utama's head.
    answered = InformationRequest.objects.get(state="responded")
    assert Agency.objects.get().approval_before_issue
    assert (answered.response.responded_by.username, answered.response.approved_by.username) == (
        "petugas",
        "kepala",
    )
    # The Atasan's queue shows an objection to a request and one on ground b without a request.
    made = sorted((o.grounds, o.request_id is None) for o in Objection.objects.all())
    assert made == [(["a"], False), (["b"], True)]


def test_seeding_again_leaves_what_the_administrator_and_the_users_changed(monkeypatch, capsys):
    """`make run` seeds on every start: the second start must find the demo as its users left it."""
    from agencies.services import agency_update_settings, membership_revoke, unit_update
    from audit.models import Event
    from notifications.models import Notification
    from ppid import services
    from ppid.models import InformationRequest

    monkeypatch.setenv("DEMO_PASSWORD", "demo-sandi-panjang-1")
    call_command("seed_demo")
    call_command("seed_demo_requests")
    agency = Agency.objects.get(slug="diskominfo-jabar")
    admin = User.objects.get(username="admin")
    agency_update_settings(
        actor=admin,
        agency=agency,
        data={"name": "Diskominfo Jabar", "phone": "(022) 7654321", "pause_on_clarification": False},
        reason="Nama resmi yang baru",
    )
    unit_update(
        actor=admin,
        unit=Unit.objects.get(agency=agency, code="DISDIK"),
        name="PPID Pelaksana Disdik",
        code="DIK",
        reason="Kode baru",
    )
    membership_revoke(
        actor=admin, membership=Membership.objects.get(user__username="auditor"), reason="Pindah tugas"
    )
    pemohon = User.objects.get(username="pemohon")
    pemohon.first_name = "Sitti"
    pemohon.set_password("sandi-pribadi-pemohon-1")
    pemohon.save()
    profile = pemohon.citizen_profile
    profile.address = "Jl. Cihampelas No. 3, Bandung"
    profile.save()
    registered = InformationRequest.objects.filter(state="registered", requester=pemohon).get()
    services.information_request_withdraw(request_id=registered.pk, actor=pemohon, reason="Sudah dapat")
    counts = {
        model.__name__: model.objects.count()
        for model in (Agency, Unit, User, Membership, InformationRequest, Event, Notification)
    }

    monkeypatch.setenv("DEMO_PASSWORD", "sandi-demo-yang-lain-2")
    call_command("seed_demo")
    call_command("seed_demo_requests")

    agency.refresh_from_db()
    assert (agency.name, agency.phone, agency.pause_on_clarification) == (
        "Diskominfo Jabar",
        "(022) 7654321",
        False,
    )
    assert Unit.objects.get(agency=agency, code="DIK").name == "PPID Pelaksana Disdik"
    assert not Unit.objects.filter(code="DISDIK").exists()
    assert not Membership.objects.filter(user__username="auditor").exists()
    pemohon.refresh_from_db()
    assert pemohon.first_name == "Sitti"
    assert pemohon.check_password("sandi-pribadi-pemohon-1")
    assert pemohon.citizen_profile.address == "Jl. Cihampelas No. 3, Bandung"
    # Nobody's password was reset to the new DEMO_PASSWORD either.
    assert User.objects.get(username="atasan").check_password("demo-sandi-panjang-1")
    registered.refresh_from_db()
    assert registered.state == "withdrawn"
    assert {
        model.__name__: model.objects.count()
        for model in (Agency, Unit, User, Membership, InformationRequest, Event, Notification)
    } == counts
    # The list printed at start says how things are now, not how the seed made them.
    capsys.readouterr()
    call_command("demo_users")
    assert "Password for the demo users: the one of their first start, not DEMO_PASSWORD." in (
        capsys.readouterr().out
    )
    monkeypatch.setenv("DEMO_PASSWORD", "demo-sandi-panjang-1")
    call_command("demo_users")
    listing = capsys.readouterr().out
    assert "Demo agency: Diskominfo Jabar (diskominfo-jabar)" in listing
    assert "  pemohon    pemohon (warga)   (own password)" in listing
    assert "  pemohon2   pemohon (warga)\n" in listing
    assert "  auditor    tanpa peran" in listing
    assert "Password for the demo users not marked otherwise: demo-sandi-panjang-1" in listing


def test_the_demo_register_is_created_once_through_the_services(monkeypatch, capsys, client):
    import datetime as dt

    from django.urls import reverse
    from django.utils import timezone

    from dip.models import DikEntry, DipEstablishment, DipItem, DipVersion
    from dip.selectors import dik_due_for_review, overdue_items_for, public_items

    monkeypatch.setenv("DEMO_PASSWORD", "demo-sandi-panjang-1")
    call_command("seed_demo")
    call_command("seed_demo_requests")
    call_command("seed_demo_register")
    assert "Demo register created: 7 DIP items, 2 DIK entries" in capsys.readouterr().out
    # Once: a second run (every `make run`) changes nothing, not even after an officer's edit.
    DipItem.objects.filter(category="setiap_saat").update(retention="Diubah petugas")
    call_command("seed_demo_register")
    assert "already present" in capsys.readouterr().out
    assert DipItem.objects.count() == 7 and DikEntry.objects.count() == 2
    assert DipItem.objects.filter(retention="Diubah petugas").count() == 3

    agency = Agency.objects.get()
    today = timezone.localdate(timezone=agency.tzinfo)
    public = public_items().filter(agency=agency)
    assert (
        sorted(public.values_list("category", flat=True))
        == ["berkala"] * 3 + ["serta_merta"] + ["setiap_saat"] * 2
    )
    assert {i.unit.code for i in public} == {"PPID", "DINKES", "DISDIK"}
    # Every item has its PDF, a real one.
    for item in DipItem.objects.all():
        (document,) = item.documents.all()
        with document.file.open("rb") as fh:
            content = fh.read()
        assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
        assert document.content_type == "application/pdf"
    # One berkala item is overdue, and its unit's officer sees it on the staff home.
    pelaksana = User.objects.get(username="pelaksana")
    (overdue,) = overdue_items_for(pelaksana, today=today)
    assert overdue.title.startswith("Laporan Kinerja Instansi Pemerintah (LAKIP)")
    assert (
        DipVersion.objects.filter(item=overdue, at__gte=timezone.now() - dt.timedelta(days=100)).count() == 0
    )
    # One published item has a revision waiting; one draft waits for review.
    revised = DipItem.objects.get(pending__isnull=False)
    assert revised.state == "published" and revised.pending["title"].startswith(
        "Rencana Kerja dan Anggaran Perubahan"
    )
    assert revised.review_requested_at is not None
    assert DipItem.objects.get(state="draft").review_requested_at is not None
    # Two DIK entries in force, one with a full consequence test, one to be reviewed within 60 days.
    assert set(DikEntry.objects.values_list("state", flat=True)) == {"in_force"}
    full = DikEntry.objects.get(ground="c")
    assert all(
        getattr(full, f) for f in ("document", "exempt_content", "legal_basis", "harm", "public_interest")
    )
    (review,) = dik_due_for_review(today=today, lead_days=60)
    assert review.ground == "b" and review.period_until == today + dt.timedelta(days=45)
    assert DipEstablishment.objects.get().number.startswith("188.4/Kep.25-Diskominfo/")
    # The home page lists the flood warning.
    assert "Peringatan Dini Banjir dan Tanah Longsor" in client.get(reverse("frontend:home")).content.decode()


def test_the_demo_register_needs_the_demo_agency(capsys):
    call_command("seed_demo_register")
    assert "no demo register" in capsys.readouterr().out
    from dip.models import DipItem

    assert not DipItem.objects.exists()
