"""Demo data for `make run`: one agency with its units and one user per role, created once."""

import io
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import CitizenProfile, RequesterType, User
from agencies.models import Agency, PositionKind, SignatoryPosition, StaffProfile, StaffRole, Unit, UnitKind
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
    # The kop's first line above every unit's name (issue 17).
    "letterhead_parent": "PEMERINTAH PROVINSI JAWA BARAT",
    # EXAMPLE codes only, after the pattern of Permendagri 83/2022 (000.9 = kearsipan/informasi publik): each
    # agency sets its own from its classification scheme on the settings page.
    "letter_classification_codes": {
        "receipt": "000.9.2",
        "extension": "000.9.3",
        "notice": "000.9.4",
        "objection_receipt": "000.9.5",
        "objection_decision": "000.9.6",
    },
}
UNITS = [
    ("PPID", "PPID Utama Diskominfo Jawa Barat", UnitKind.UTAMA),
    ("DINKES", "PPID Pelaksana Dinas Kesehatan", UnitKind.PELAKSANA),
    ("DISDIK", "PPID Pelaksana Dinas Pendidikan", UnitKind.PELAKSANA),
]
# Each unit's own kop (what is left out comes from the agency). Demo addresses and contacts: example domains.
KOPS = {
    "PPID": {
        "letterhead_name": "DINAS KOMUNIKASI DAN INFORMATIKA",
        "address": "Jl. Tamansari No. 55",
        "city": "Bandung",
        "postal_code": "40132",
    },
    "DINKES": {
        "letterhead_name": "DINAS KESEHATAN",
        "address": "Jl. Pasteur No. 25",
        "city": "Bandung",
        "postal_code": "40171",
        "phone": "(022) 4238880",
        "email": "ppid@dinkes.example.go.id",
        "website": "https://dinkes.example.go.id",
    },
    "DISDIK": {
        "letterhead_name": "DINAS PENDIDIKAN",
        "address": "Jl. Dr. Radjiman No. 6",
        "city": "Bandung",
        "postal_code": "40171",
        "phone": "(022) 4264813",
        "email": "ppid@disdik.example.go.id",
        "website": "https://disdik.example.go.id",
    },
}
# Who signs by position (username, unit code, kind, title, Plt.): the Utama's head as PPID of the Utama, the
# Dinas Kesehatan's head (acting, so the demo letters show "Plt.") as its PPID, the Atasan PPID. Dinas Pendidikan
# has no head: its letters fall back to whoever issues them under the default title.
POSITIONS = [
    ("kepala", "PPID", PositionKind.PPID, "Kepala Dinas Komunikasi dan Informatika selaku PPID Utama", False),
    ("kepala_dinkes", "DINKES", PositionKind.PPID, "Kepala Dinas Kesehatan selaku PPID Pelaksana", True),
    ("atasan", "PPID", PositionKind.ATASAN, "Sekretaris Daerah selaku Atasan PPID", False),
]
# Made-up NIPs (birth date, appointment month, sex, sequence) and ranks; initials for the prepared-by line.
PROFILES = {
    "kepala": ("197203151998031004", "Pembina Utama Muda, IV/c", "YK"),
    "kepala_dinkes": ("197808222005012003", "Pembina Tk. I, IV/b", "LS"),
    "atasan": ("196911041994031002", "Pembina Utama Madya, IV/d", "HA"),
    "petugas": ("199002172015031001", "Penata Muda Tk. I, III/b", "AP"),
    "pelaksana": ("199205092018012002", "Penata Muda, III/a", "RP"),
    "pelaksana_disdik": ("198811302014021001", "Penata, III/c", "AG"),
}
# username, full name, unit code (None for citizens), role
USERS = [
    ("pemohon", "Siti Rahmawati", None, None),
    ("pemohon2", "Budi Santoso", None, None),
    ("petugas", "Andi Petugas (PPID Utama)", "PPID", StaffRole.OFFICER),
    ("kepala", "Yusuf Kepala PPID Utama", "PPID", StaffRole.PPID),
    ("pelaksana", "Rina Petugas (Dinas Kesehatan)", "DINKES", StaffRole.OFFICER),
    ("kepala_dinkes", "Dr. Lestari Kepala PPID Dinas Kesehatan", "DINKES", StaffRole.PPID),
    ("pelaksana_disdik", "Agus Petugas (Dinas Pendidikan)", "DISDIK", StaffRole.OFFICER),
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


def demo_logo_png() -> bytes:
    """A simple made-up emblem, drawn here (no downloaded image): a shield with a star and waves."""
    from PIL import Image, ImageDraw

    size = (240, 280)
    image = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    shield = [(20, 20), (220, 20), (220, 150), (120, 265), (20, 150)]
    draw.polygon(shield, fill=(11, 83, 148), outline=(0, 0, 0), width=6)
    draw.polygon([(40, 40), (200, 40), (200, 145), (120, 235), (40, 145)], fill=(20, 120, 70))
    star = [(120, 55), (133, 95), (175, 95), (141, 119), (154, 160), (120, 135), (86, 160), (99, 119),
            (65, 95), (107, 95)]  # fmt: skip
    draw.polygon(star, fill=(245, 200, 30))
    for y in (175, 195):
        draw.line([(55, y), (85, y - 8), (120, y), (155, y - 8), (185, y)], fill=(255, 255, 255), width=6)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


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
        agency.logo.save("logo", ContentFile(demo_logo_png()))
        for code, name, kind in UNITS:
            units[code] = Unit.objects.create(
                agency=agency, code=code, name=name, kind=kind, parent=utama, **KOPS[code]
            )
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
            if username in PROFILES:
                nip, rank, initials = PROFILES[username]
                StaffProfile.objects.create(user=user, nip=nip, rank=rank, initials=initials)
        for username, unit_code, kind, title, acting in POSITIONS:
            SignatoryPosition.objects.create(
                unit=units[unit_code],
                kind=kind,
                title=title,
                holder=User.objects.get(username=username),
                acting=acting,
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo agency created: {agency.name} ({agency.slug}), {len(USERS)} demo users."
            )
        )
