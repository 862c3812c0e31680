"""Filling the survey: offered on the finished case's page to its own requester only, once per case, anonymous."""

import pytest
from django.urls import reverse

from agencies.errors import InvalidTransition, NotFound
from audit.models import Event
from skm import events
from skm.models import SurveyInvitation, SurveyResponse
from skm.services import survey_response_submit

ANSWERS = {f"u{n}": "3" for n in range(1, 10)}


def _url(case):
    return reverse("frontend:skm_survey", args=["request", case.pk])


def test_the_requester_fills_it_once_from_the_case_page(world, completed_request, client):
    case = completed_request()
    client.force_login(world.citizen)
    page = client.get(reverse("frontend:request_detail", args=[case.pk])).content.decode()
    assert "Survei Kepuasan Masyarakat" in page and _url(case) in page

    form = client.get(_url(case)).content.decode()
    assert form.count("<fieldset") == 9 and "Sangat sesuai" in form and "<legend>1. Persyaratan" in form

    answer = client.post(_url(case), {**ANSWERS, "u9": "4", "suggestion": "  Ruang  tunggu   sejuk. "})
    assert answer.status_code == 302
    sheet = SurveyResponse.objects.get()
    assert (sheet.u1, sheet.u9, sheet.unit, sheet.case_kind, sheet.suggestion) == (
        3,
        4,
        case.unit,
        "request",
        "Ruang tunggu sejuk.",
    )
    assert SurveyInvitation.objects.get().used_at is not None
    assert Event.objects.filter(action=events.SKM_SUBMITTED).count() == 1

    page = client.get(reverse("frontend:request_detail", args=[case.pk])).content.decode()
    assert "sudah diisi" in page and _url(case) not in page
    again = client.post(_url(case), ANSWERS)
    assert "sudah diisi" in again.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_once_per_case_in_the_service(world, completed_request):
    case = completed_request()
    survey_response_submit(user=world.citizen, kind="request", case_id=case.pk, answers=ANSWERS)
    with pytest.raises(InvalidTransition):
        survey_response_submit(user=world.citizen, kind="request", case_id=case.pk, answers=ANSWERS)
    assert SurveyResponse.objects.count() == 1


def test_only_the_cases_requester_may_answer(world, completed_request, file_request, client):
    case = completed_request()
    for someone in (world.other_citizen, world.head, world.auditor, world.outsider):
        with pytest.raises(NotFound):
            survey_response_submit(user=someone, kind="request", case_id=case.pk, answers=ANSWERS)
        client.force_login(someone)
        assert client.get(_url(case)).status_code == 404
        assert client.post(_url(case), ANSWERS).status_code == 404
    client.logout()
    assert client.get(_url(case)).status_code == 302  # to the login page
    # Not before the case is finished, and not for a kind that does not exist.
    open_case = file_request(user=world.citizen)
    client.force_login(world.citizen)
    assert client.get(_url(open_case)).status_code == 404
    assert (
        "Isi survei kepuasan"
        not in client.get(reverse("frontend:request_detail", args=[open_case.pk])).content.decode()
    )
    assert client.get(reverse("frontend:skm_survey", args=["bogus", case.pk])).status_code == 404
    assert SurveyResponse.objects.count() == 0


def test_each_element_must_be_answered(world, completed_request, client):
    case = completed_request()
    client.force_login(world.citizen)
    answer = client.post(_url(case), {**ANSWERS, "u4": "", "u5": "7"})
    assert answer.status_code == 200
    text = answer.content.decode()
    assert "4. Biaya/tarif: Pilih salah satu dari empat jawaban." in text
    assert "5. Produk spesifikasi jenis pelayanan:" in text
    assert SurveyResponse.objects.count() == 0 and not SurveyInvitation.objects.filter(used_at__isnull=False)


def test_the_response_holds_nothing_that_leads_to_the_case_or_person():
    names = {f.name for f in SurveyResponse._meta.get_fields()}
    assert names == {
        "id",
        "agency",
        "unit",
        "case_kind",
        "year",
        "semester",
        "suggestion",
        *(f"u{n}" for n in range(1, 10)),
    }
