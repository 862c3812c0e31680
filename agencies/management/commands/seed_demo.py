"""Demo data for `make run`: one agency with its units and one user per role. Safe to run again."""

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


class Command(BaseCommand):
    help = "Create (or refresh) the demo agency, its units and one user per role."

    @transaction.atomic
    def handle(self, *args, **options):
        password, generated = demo_password()
        agency, _ = Agency.objects.update_or_create(slug=AGENCY["slug"], defaults=AGENCY)
        units = {}
        utama = None
        for code, name, kind in UNITS:
            unit, _ = Unit.objects.update_or_create(
                agency=agency, code=code, defaults={"name": name, "kind": kind, "parent": utama}
            )
            units[code] = unit
            if kind == UnitKind.UTAMA:
                utama = unit
        now = timezone.now()
        for username, full_name, unit_code, role in USERS:
            first, _, last = full_name.partition(" ")
            user, _ = User.objects.get_or_create(username=username)
            user.first_name, user.last_name = first, last[:150]
            user.email = f"{username}@demo.example.id"
            user.email_confirmed_at = user.email_confirmed_at or now
            user.set_password(password)
            user.save()
            if unit_code:
                membership_grant(actor=None, user=user, unit=units[unit_code], role=role)
            else:
                nik, address, occupation = CITIZENS[username]
                profile, _ = CitizenProfile.objects.get_or_create(
                    user=user, defaults={"name": full_name, "address": address}
                )
                profile.requester_type = RequesterType.INDIVIDUAL
                profile.name, profile.address, profile.occupation = full_name, address, occupation
                profile.phone = "0812-0000-0000"
                profile.set_nik(nik)
                profile.save()
        self.stdout.write(self.style.SUCCESS(f"Demo agency: {agency.name} ({agency.slug})"))
        self.stdout.write("Demo users (username: role):")
        for username, _name, unit_code, role in USERS:
            label = StaffRole(role).label if role else "pemohon (warga)"
            self.stdout.write(f"  {username:<10} {label}{' · ' + units[unit_code].name if unit_code else ''}")
        source = "generated, kept in var/demo-password" if generated else "from DEMO_PASSWORD"
        self.stdout.write(f"Password for all demo users: {password}   ({source})")
