"""Every output of the survey (the statistics page, its CSV, the API, the dashboard, the annual report page and
PDF) shows the IKM and never a case number, a requester's name or account next to a rating."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from skm.services import survey_response_submit

YEAR = 2026


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def rated(world, completed_request):
    """Two citizens' requests, each rated with distinctive answers (all 1s and all 4s) and a suggestion."""
    first = completed_request(world.citizen)
    second = completed_request(world.other_citizen)
    survey_response_submit(
        user=world.citizen,
        kind="request",
        case_id=first.pk,
        answers={f"u{n}": 1 for n in range(1, 10)},
        suggestion="Saran khas nomor satu",
    )
    survey_response_submit(
        user=world.other_citizen,
        kind="request",
        case_id=second.pk,
        answers={f"u{n}": 4 for n in range(1, 10)},
    )
    return [first, second]


def _outputs(world, client) -> dict[str, str]:
    slug = world.agency.slug
    public = {
        "stats page": client.get(reverse("frontend:stats_agency", args=[slug]), {"year": YEAR}),
        "api json": client.get(reverse("api:stats-ikm"), {"agency": slug, "year": YEAR}),
        "api csv": client.get(reverse("api:stats-ikm"), {"agency": slug, "format": "csv"}),
        "stats csv": client.get(
            reverse("api:stats-ikm"), {"agency": slug, "format": "csv", "dialect": "spreadsheet"}
        ),
    }
    client.force_login(world.auditor)
    staff = {
        "dashboard": client.get(reverse("frontend:dashboard_agency", args=[slug])),
        "report page": client.get(reverse("frontend:annual_report", args=[slug, YEAR])),
        "report pdf": client.get(reverse("frontend:annual_report_pdf", args=[slug, YEAR])),
    }
    texts = {}
    for name, response in {**public, **staff}.items():
        assert response.status_code == 200, name
        body = response.content
        texts[name] = _pdf_text(body) if name == "report pdf" else body.decode("utf-8-sig")
    return texts


def test_no_output_joins_a_rating_to_a_person(world, rated, client):
    texts = _outputs(world, client)
    people = [world.citizen, world.other_citizen]
    for name, text in texts.items():
        # The IKM is there: two respondents, (1 + 4) / 2 × 25 = 62.50, D.
        assert "62.50" in text or "62,5" in text, name
        for case in rated:
            assert case.registration_number not in text, name
            assert case.requester_name not in text, name
        for person in people:
            assert person.email not in text, name
        # Suggestions are for the auditors' dashboard only, and there without a case or a person (above).
        assert ("Saran khas nomor satu" in text) == (name == "dashboard"), name
    json = client.get(reverse("api:stats-ikm"), {"agency": world.agency.slug}).json()
    row = json["rows"][0]
    assert set(row) == {
        "unit_id",
        "unit",
        "year",
        "semester",
        "respondents",
        "element_means",
        "index",
        "ikm",
        "grade",
        "grade_label",
        "small_sample",
    }
    assert (row["respondents"], row["ikm"], row["grade"], row["small_sample"]) == (2, "62.50", "D", True)


def test_the_api_is_public_and_answers_unknown_agencies_404(world, client):
    assert client.get(reverse("api:stats-ikm"), {"agency": "tidak-ada"}).status_code == 404
    assert client.get(reverse("api:stats-ikm")).status_code == 400
    answer = client.get(reverse("api:stats-ikm"), {"agency": world.agency.slug})
    assert answer.status_code == 200 and answer.json()["rows"] == []
