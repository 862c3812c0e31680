import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_page_explains_the_deadlines_in_indonesian(client):
    resp = client.get("/")
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "10 hari kerja" in html and '<html lang="id">' in html
    # Complaints too: their default clocks, and where to file and track one without an account.
    complaints = html.split('id="complaints-h"', 1)[1].split("</section>", 1)[0]
    assert "3 hari kerja" in complaints and "60 hari" in complaints
    assert reverse("frontend:complaint_file") in complaints
    assert reverse("frontend:complaint_track") in complaints


def test_language_switch_to_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "10 working days" in html
    assert "the complaint is verified and passed to the responsible unit." in html


def test_pages_use_no_external_assets(client):
    html = client.get("/").content.decode()
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html


def test_api_docs_are_self_hosted(client):
    html = client.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn" not in html.lower()
    assert client.get("/api/v1/schema/").status_code == 200


def test_pages_stay_indonesian_for_an_english_browser_until_switched(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in html


def test_api_follows_accept_language(client):
    bad = {"start": "2026-02-30", "working_days": "10"}
    en = client.get("/api/v1/calendar/due-date/", bad, HTTP_ACCEPT_LANGUAGE="en").json()
    id_ = client.get("/api/v1/calendar/due-date/", bad, HTTP_ACCEPT_LANGUAGE="id").json()
    assert en["errors"]["start"] == ["Invalid date: use the format YYYY-MM-DD."]
    assert id_["errors"]["start"] == ["Tanggal tidak valid: gunakan format TTTT-BB-HH."]


def test_switching_language_also_sets_the_language_of_a_users_notifications(client):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "en"
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "en"
