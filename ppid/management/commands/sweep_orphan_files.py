"""Delete uploads that no row refers to (left by a crash mid-filing), older than the grace period."""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand

from agencies.uploads import sweep_orphan_files


class Command(BaseCommand):
    help = "Delete files under PRIVATE_MEDIA_ROOT with no row, older than ORPHAN_FILE_GRACE_HOURS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--grace-hours",
            type=float,
            default=None,
            help=f"keep files younger than this (default {settings.ORPHAN_FILE_GRACE_HOURS})",
        )

    def handle(self, *args, grace_hours=None, **options):
        grace = dt.timedelta(hours=grace_hours) if grace_hours is not None else None
        removed = sweep_orphan_files(grace=grace)
        self.stdout.write(f"{len(removed)} orphaned file(s) removed")
