"""The demo users as they are now, and their password: what `make run` prints last, before serving."""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.management.base import BaseCommand

from accounts.models import User
from agencies.models import Agency, Membership, StaffRole

from .seed_demo import AGENCY, USERS


def seeded_password() -> str | None:
    """DEMO_PASSWORD, else the one seed_demo generated into var/; None if neither is there."""
    if os.environ.get("DEMO_PASSWORD"):
        return os.environ["DEMO_PASSWORD"]
    path = Path(settings.BASE_DIR) / "var" / "demo-password"
    return path.read_text().strip() if path.exists() else None


class Command(BaseCommand):
    help = "List the demo users that exist, their roles as they are now, and the demo password."

    def handle(self, *args, **options):
        users = {u.username: u for u in User.objects.filter(username__in=[name for name, *_ in USERS])}
        if not users:
            self.stdout.write("No demo users (run seed_demo on an empty database).")
            return
        agency = Agency.objects.filter(slug=AGENCY["slug"]).first()
        if agency is not None:
            self.stdout.write(f"Demo agency: {agency.name} ({agency.slug})")
        roles: dict[int, list[str]] = {}
        for membership in Membership.objects.filter(user__in=users.values()).select_related("unit"):
            label = f"{StaffRole(membership.role).label} · {membership.unit.name}"
            roles.setdefault(membership.user_id, []).append(label)
        password = seeded_password()
        matching = {
            n for n, u in users.items() if password is not None and check_password(password, u.password)
        }
        # Seeding never resets a password: someone who set their own keeps it, and is marked.
        own = set(users) - matching if matching else set()
        self.stdout.write("Demo users (username: role):")
        for username, *_ in USERS:
            user = users.get(username)
            if user is None:
                continue
            label = "; ".join(roles.get(user.pk, [])) or (
                "pemohon (warga)" if hasattr(user, "citizen_profile") else "tanpa peran"
            )
            self.stdout.write(f"  {username:<10} {label}{'   (own password)' if username in own else ''}")
        if not matching:
            self.stdout.write(
                "Password for the demo users: the one of their first start"
                + (", not DEMO_PASSWORD." if password else " (set DEMO_PASSWORD to it).")
            )
        elif own:
            self.stdout.write(f"Password for the demo users not marked otherwise: {password}")
        else:
            source = "from DEMO_PASSWORD" if os.environ.get("DEMO_PASSWORD") else "kept in var/demo-password"
            self.stdout.write(f"Password for all demo users: {password}   ({source})")
