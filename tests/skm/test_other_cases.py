"""The survey of a decided objection and of a completed complaint: offered to the objector or reporter only,
and the semester is the one the case finished in (the agency's zone)."""

import pytest

from agencies.errors import NotFound
from skm.models import SurveyResponse
from skm.selectors import survey_offer
from skm.services import survey_response_submit

ANSWERS = {f"u{n}": 2 for n in range(1, 10)}


def test_a_decided_objection_is_rated_by_its_objector_once(world, scenario):
    decided, still_open = scenario.o1, scenario.o2
    assert survey_offer(still_open, world.other_citizen) is None
    assert survey_offer(decided, world.other_citizen) is None
    assert survey_offer(decided, world.citizen).filled is False
    with pytest.raises(NotFound):
        survey_response_submit(user=world.atasan, kind="objection", case_id=decided.pk, answers=ANSWERS)
    survey_response_submit(user=world.citizen, kind="objection", case_id=decided.pk, answers=ANSWERS)
    sheet = SurveyResponse.objects.get()
    assert (sheet.case_kind, sheet.unit, sheet.year, sheet.semester) == ("objection", decided.unit, 2026, 1)
    assert survey_offer(decided, world.citizen).filled is True


def test_a_completed_complaint_is_rated_by_its_reporter(world, scenario):
    complaint = scenario.c4
    assert survey_offer(complaint, world.citizen).filled is False
    assert survey_offer(complaint, world.officer) is None
    survey_response_submit(user=world.citizen, kind="complaint", case_id=complaint.pk, answers=ANSWERS)
    assert SurveyResponse.objects.get().case_kind == "complaint"


def test_the_objection_page_offers_the_survey_to_its_objector(world, scenario, client):
    from django.urls import reverse

    client.force_login(world.citizen)
    page = client.get(reverse("frontend:objection_detail", args=[scenario.o1.pk])).content.decode()
    assert reverse("frontend:skm_survey", args=["objection", scenario.o1.pk]) in page
    client.force_login(world.officer)
    page = client.get(reverse("frontend:objection_detail", args=[scenario.o1.pk])).content.decode()
    assert "skm-h" not in page
