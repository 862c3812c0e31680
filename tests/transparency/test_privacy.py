"""Nothing personal can be read from any statistic, export, report or summary row: no requester's or reporter's
name, NIK, address or e-mail, and no free text of any case (request, purpose, complaint, reasons, notes)."""

import io
import json

import pytest
import time_machine
from pypdf import PdfReader
from rest_framework.test import APIClient

from tests.fixtures.scenario import AT, SECRETS
from transparency.models import SummaryRow
from transparency.summary import refresh_summary


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def everything(scenario):
    """Every output of the transparency app for the scenario, as text."""
    w = scenario.world
    public, auditor, head = APIClient(), APIClient(), APIClient()
    auditor.force_authenticate(w.auditor)
    head.force_authenticate(w.head)
    texts = []
    with time_machine.travel(AT, tick=False):
        for refreshed in (False, True):
            if refreshed:
                refresh_summary(agency=w.agency)
                texts.append(
                    json.dumps(list(SummaryRow.objects.values("day", "unit", "counts")), default=str)
                )
            for url in ("/api/v1/stats/requests/", "/api/v1/stats/complaints/"):
                for params in ({}, {"format": "csv"}, {"unit": w.pelaksana.pk}):
                    query = {"agency": "diskominfo", "year": 2026, **params}
                    response = public.get(url, query)
                    assert response.status_code == 200
                    texts.append(response.content.decode("utf-8-sig"))
                texts.append(public.get(url, {"year": 2026}).content.decode())
        texts.append(public.get("/api/v1/stats/definitions/").content.decode())
        for url in ("/api/v1/stats/compliance/", "/api/v1/stats/compliance/overdue/"):
            texts.append(auditor.get(url, {"agency": "diskominfo"}).content.decode())
        report = {"agency": "diskominfo", "year": 2026}
        texts.append(head.get("/api/v1/stats/annual-report/", report).content.decode())
        texts.append(_pdf_text(head.get("/api/v1/stats/annual-report/pdf/", report).content))
    return "\n".join(texts)


def test_no_personal_data_or_free_text_in_any_output(scenario, everything):
    assert "requests.received" in everything and "complaints.received" in everything  # the outputs are there
    for secret in SECRETS:
        assert secret not in everything, secret


def test_the_secrets_are_really_in_the_cases(scenario):
    """The check above can fail: the same data is right there in the cases the statistics count."""
    r1 = scenario.r1
    r1.refresh_from_db()
    assert (r1.information_requested, r1.purpose) == (SECRETS[0], SECRETS[1])
    assert r1.requester_name == "Siti" and r1.requester_address.startswith("Jl. Contoh")
    assert r1.requester_email == "pemohon@example.id" and r1.requester_nik_last4 == "0001"
    officer = APIClient()
    officer.force_authenticate(scenario.world.officer)
    detail = officer.get(f"/api/v1/requests/{r1.pk}/").content.decode()
    assert SECRETS[0] in detail and "Siti" in detail
