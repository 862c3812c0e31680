"""Demo survey responses for `make run` (after seed_demo_register), once: an agency with any response is left
as it is."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from agencies.models import Agency, Unit
from skm.demo import seed_responses
from skm.models import SurveyResponse

DEMO_AGENCY = "diskominfo-jabar"


class Command(BaseCommand):
    help = "Create the demo agency's satisfaction survey responses (SKM), once."

    def handle(self, *args, **options):
        agency = Agency.objects.filter(slug=DEMO_AGENCY).first()
        if agency is None:
            self.stdout.write("No demo agency as seed_demo creates it: no demo survey responses.")
            return
        if SurveyResponse.objects.filter(agency=agency).exists():
            self.stdout.write("Demo survey responses already present: left as they are.")
            return
        units = {u.code: u for u in Unit.objects.filter(agency=agency)}
        today = timezone.now().astimezone(agency.tzinfo).date()
        with transaction.atomic():
            count = seed_responses(agency=agency, units=units, today=today)
        self.stdout.write(self.style.SUCCESS(f"Demo survey responses created: {count}."))
