"""Demo data for `make run`: one agency with its units and one user per role, created once."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import CitizenProfile, RequesterType, User
from agencies.models import Agency, StaffRole, Unit, UnitKind
from agencies.services import membership_grant

AGENCY = {
    "slug": "diskominfo-jabar",
    "name": "Dinas Komunikasi dan Informatika Provinsi Jawa Barat",
    "time_zone": "Asia/Jakarta",
    "province_code": "32",
    "address": "Jl. Tamansari No. 55, Bandung 40132",
    "city": "Bandung",
    "phone": "(022) 2502898",
    "email": "ppid@diskominfo.example.go.id",
    "website": "https://diskominfo.example.go.id",
}
UNITS = [
    ("PPID", "PPID Utama Diskominfo Jawa Barat", UnitKind.UTAMA),
    ("DINKES", "PPID Pelaksana Dinas Kesehatan", UnitKind.PELAKSANA),
    ("DISDIK", "PPID Pelaksana Dinas Pendidikan", UnitKind.PELAKSANA),
]
# username, full name, unit code (None for citizens), role
USERS = [
    ("pemohon", "Siti Rahmawati", None, None),
    ("pemohon2", "Budi Santoso", None, None),
    ("petugas", "Andi Petugas (PPID Utama)", "PPID", StaffRole.OFFICER),
    ("pelaksana", "Rina Petugas (Dinas Kesehatan)", "DINKES", StaffRole.OFFICER),
    # The unit heads (role ppid) approve the officers' letters before issue (issue 16 point 5).
    ("kepala", "Dewi Kepala (PPID Utama)", "PPID", StaffRole.PPID),
    ("kepala_dinkes", "Bambang Kepala (Dinas Kesehatan)", "DINKES", StaffRole.PPID),
    ("atasan", "Dr. Hendra Atasan PPID", "PPID", StaffRole.ATASAN),
    ("auditor", "Maya Auditor Inspektorat", "PPID", StaffRole.AUDITOR),
    ("admin", "Admin Diskominfo", "PPID", StaffRole.ADMIN),
]
# Syntactically valid, made-up NIKs (Bandung, born 1990 and 1985).
CITIZENS = {
    "pemohon": ("3273015505900001", "Jl. Merdeka No. 10, Bandung", "Wiraswasta"),
    "pemohon2": ("3273011203850002", "Jl. Asia Afrika No. 8, Bandung", "Dosen"),
}


def demo_password() -> tuple[str, bool]:
    """DEMO_PASSWORD, or one generated once and kept in var/ (git-ignored). Returns (password, generated)."""
    if os.environ.get("DEMO_PASSWORD"):
        return os.environ["DEMO_PASSWORD"], False
    path = Path(settings.BASE_DIR) / "var" / "demo-password"
    if path.exists():
        return path.read_text().strip(), True
    path.parent.mkdir(parents=True, exist_ok=True)
    password = "demo-" + secrets.token_urlsafe(9)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password, True


def demo_users_present() -> bool:
    return User.objects.filter(username__in=[username for username, *_ in USERS]).exists()


class Command(BaseCommand):
    help = (
        "Create the demo agency, its units and one user per role, once: a database that already has an "
        "agency or a demo user is left exactly as it is (`make run` calls this on every start)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # Seed once. An administrator's settings, units and roles, and the users' own changes (name,
        # password, profile) are theirs from then on; a restart must not put the demo values back.
        if Agency.objects.exists() or demo_users_present():
            self.stdout.write("Demo data already present: left as it is.")
            return
        password, _generated = demo_password()
        agency = Agency.objects.create(**AGENCY)
        units = {}
        utama = None
        for code, name, kind in UNITS:
            units[code] = Unit.objects.create(agency=agency, code=code, name=name, kind=kind, parent=utama)
            if kind == UnitKind.UTAMA:
                utama = units[code]
        now = timezone.now()
        for username, full_name, unit_code, role in USERS:
            first, _, last = full_name.partition(" ")
            user = User(username=username, first_name=first, last_name=last[:150])
            user.email = f"{username}@demo.example.id"
            user.email_confirmed_at = now
            user.set_password(password)
            user.save()
            if unit_code:
                membership_grant(actor=None, user=user, unit=units[unit_code], role=role)
            else:
                nik, address, occupation = CITIZENS[username]
                profile = CitizenProfile(
                    user=user,
                    requester_type=RequesterType.INDIVIDUAL,
                    name=full_name,
                    address=address,
                    occupation=occupation,
                    phone="0812-0000-0000",
                )
                profile.set_nik(nik)
                profile.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo agency created: {agency.name} ({agency.slug}), {len(USERS)} demo users."
            )
        )
