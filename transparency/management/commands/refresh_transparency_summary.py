"""Rebuild the materialised summary (counts by day and month) behind the public statistics."""

from django.core.management.base import BaseCommand, CommandError

from agencies.models import Agency
from transparency.summary import refresh_all, refresh_summary


class Command(BaseCommand):
    help = "Rebuild the transparency statistics summary of one agency (--agency) or of every agency."

    def add_arguments(self, parser):
        parser.add_argument("--agency", help="the agency's slug; default: every agency")

    def handle(self, *args, agency=None, **options):
        if agency:
            found = Agency.objects.filter(slug=agency).first()
            if found is None:
                raise CommandError(f"No agency {agency!r}.")
            refreshes = [refresh_summary(agency=found)]
        else:
            refreshes = refresh_all()
        for refresh in refreshes:
            self.stdout.write(
                f"{refresh.agency.slug}: {refresh.rows} rows as of {refresh.refreshed_at.isoformat()} "
                f"in {refresh.duration_ms} ms"
            )
