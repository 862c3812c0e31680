import pytest
from django.core.management import call_command
from django.urls import reverse

from agencies.models import Agency
from skm.ikm import ikm_table
from skm.models import SurveyResponse

pytestmark = pytest.mark.django_db


def test_demo_responses_are_created_once_and_the_ikm_shows(monkeypatch, capsys, client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT
    call_command("seed_demo_skm")
    assert "no demo survey responses" in capsys.readouterr().out
    monkeypatch.setenv("DEMO_PASSWORD", "demo-sandi-panjang-1")
    call_command("seed_demo")
    call_command("seed_demo_skm")
    assert "Demo survey responses created" in capsys.readouterr().out
    count = SurveyResponse.objects.count()
    call_command("seed_demo_skm")
    assert "already present" in capsys.readouterr().out
    assert SurveyResponse.objects.count() == count > 0
    agency = Agency.objects.get()
    rows = ikm_table(agency)
    assert {r.grade for r in rows if r.unit_id} >= {"A", "B"}  # the units' grades differ
    page = client.get(reverse("frontend:stats_agency", args=[agency.slug])).content.decode()
    assert "Indeks Kepuasan Masyarakat" in page and "Sangat baik" in page
