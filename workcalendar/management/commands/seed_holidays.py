from django.core.management.base import BaseCommand, CommandError

from workcalendar.models import Holiday
from workcalendar.seed import seed_holidays


class Command(BaseCommand):
    help = "Load national holidays and cuti bersama from the `holidays` package for the given years."

    def add_arguments(self, parser):
        parser.add_argument(
            "--year", type=int, action="append", dest="years", help="Year to load (repeatable)"
        )

    def handle(self, *args, years=None, **options):
        years = years or []
        if not years:
            raise CommandError("Give at least one --year.")
        if any(y < 2000 or y > 2100 for y in years):
            raise CommandError("Years must be between 2000 and 2100.")
        created = seed_holidays(Holiday, years=years)
        self.stdout.write(f"{created} holiday(s) added, moved or removed for {', '.join(map(str, years))}.")
        self.stdout.write("Check them against the year's SKB and add regional or agency holidays by hand.")
