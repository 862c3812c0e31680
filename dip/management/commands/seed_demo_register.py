"""Demo register for `make run` (after seed_demo): DIP items, DIK entries and the SK penetapan of the demo agency,
through the register's services. Once: an agency that has any of them is left as it is."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings

from accounts.models import User
from agencies.models import Agency, Unit
from dip.demo import register_present, seed_register

DEMO_AGENCY = "diskominfo-jabar"
DEMO_PEOPLE = ["petugas", "kepala", "pelaksana", "kepala_dinkes", "pelaksana_disdik"]
DEMO_UNITS = {"PPID", "DINKES", "DISDIK"}


class Command(BaseCommand):
    help = "Create the demo agency's register (DIP items, DIK entries, SK penetapan), once."

    def handle(self, *args, **options):
        agency = Agency.objects.filter(slug=DEMO_AGENCY).first()
        people = {u.username: u for u in User.objects.filter(username__in=DEMO_PEOPLE)}
        units = {u.code: u for u in Unit.objects.filter(agency=agency)} if agency else {}
        if agency is None or len(people) < len(DEMO_PEOPLE) or not DEMO_UNITS <= set(units):
            self.stdout.write("No demo agency as seed_demo creates it: no demo register.")
            return
        if register_present(agency):
            self.stdout.write("Demo register already present: left as it is.")
            return
        # As the demo requests: the demo addresses receive nothing, their notifications stay in the bell.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            with transaction.atomic():
                counts = seed_register(agency=agency, units=units, people=people)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo register created: {counts['items']} DIP items, {counts['dik']} DIK entries, the SK penetapan."
            )
        )
