"""Issue 13 points 27 and 29: the public forms (complaint filing, tracking and the reporter's replies by code,
request filing) are limited per address and per tracking number, refuse oversized input with a message on the
form, and tracking does the same work for an unknown number as for a known one."""

import uuid
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.ratelimit import rate_for
from complaints import services as c
from complaints.models import Complaint
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

FILE = reverse("frontend:complaint_file")
TRACK = reverse("frontend:complaint_track")
LIMITED_ID = "Terlalu banyak percobaan"
LIMITED_EN = "Too many attempts"


def filing(world, **overrides):
    data = {
        "agency": world.agency.pk,
        "category": "health",
        "title": "Antrean puskesmas",
        "description": "Menunggu 5 jam tanpa kepastian",
        "anonymous": "on",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def pdf(name="bukti.pdf", pad=0):
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"0" * pad + b"\n%%EOF\n", "application/pdf")


def anonymous_complaint(world):
    return c.complaint_file(
        reporter=None,
        agency=world.agency,
        title="Pungli",
        description="Di loket",
        category="health",
        anonymous=True,
    )


# --- 27: complaint filing ------------------------------------------------------------------------------------------
def test_filing_complaints_from_one_address_is_limited_with_a_clear_message(client, world):
    limit, _period = rate_for("complaint_file")
    answers = [client.post(FILE, filing(world)).status_code for _ in range(limit)]
    assert answers == [303] * limit
    refused = client.post(FILE, filing(world, title="Satu lagi"))
    assert refused.status_code == 429
    assert LIMITED_ID in refused.content.decode()
    assert 'value="Satu lagi"' in refused.content.decode()  # the input is kept
    assert Complaint.objects.count() == limit
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.post(FILE, filing(world))
    assert english.status_code == 429 and LIMITED_EN in english.content.decode()


def test_another_address_may_still_file(client, world):
    limit, _period = rate_for("complaint_file")
    for _ in range(limit + 1):
        client.post(FILE, filing(world))
    assert client.post(FILE, filing(world), REMOTE_ADDR="203.0.113.77").status_code == 303


def test_an_oversized_description_is_refused_on_the_page_and_the_api(client, world, settings):
    too_long = "x" * (settings.LONG_TEXT_MAX_CHARS + 1)
    page = client.post(FILE, filing(world, description=too_long))
    assert page.status_code == 200 and "paling banyak" in page.content.decode()
    api = APIClient().post(
        "/api/v1/complaints/",
        {
            "agency": world.agency.slug,
            "title": "T",
            "description": too_long,
            "category": "health",
            "anonymous": True,
        },
        format="json",
    )
    assert api.status_code == 400 and "description" in api.json()["errors"]
    assert not Complaint.objects.exists()


def test_too_many_attachments_or_too_many_bytes_per_complaint_are_refused(client, world, settings):
    settings.COMPLAINT_MAX_ATTACHMENTS = 2
    many = client.post(FILE, {**filing(world), "attachments": [pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")]})
    assert many.status_code == 200 and "paling banyak 2 lampiran" in many.content.decode()
    settings.COMPLAINT_UPLOAD_TOTAL_BYTES = 1000
    heavy = client.post(FILE, {**filing(world), "attachments": [pdf("a.pdf", 600), pdf("b.pdf", 600)]})
    assert heavy.status_code == 200 and "Ukuran seluruh lampiran" in heavy.content.decode()
    assert not Complaint.objects.exists()


def test_title_over_its_length_is_a_form_error_on_every_database(client, world):
    page = client.post(FILE, filing(world, title="j" * 255, location="l" * 300, service="s" * 255))
    assert page.status_code == 200
    assert not Complaint.objects.exists()
    api = APIClient().post(
        "/api/v1/complaints/",
        {
            "agency": world.agency.slug,
            "title": "j" * 255,
            "description": "d",
            "category": "health",
            "anonymous": True,
        },
        format="json",
    )
    assert api.status_code == 400 and "title" in api.json()["errors"]


# --- 27: the reporter's replies by code, and request filing pages ---------------------------------------------------
def test_replies_by_tracking_code_are_limited_per_address(client, world):
    complaint, code = anonymous_complaint(world)
    url = reverse("frontend:complaint_track_action", args=["reopen"])
    limit, _period = rate_for("complaint_track")
    data = {
        "reopen-complaint": complaint.pk,
        "reopen-tracking_number": complaint.tracking_number,
        "reopen-tracking_code": "SALAH",
        "reopen-message": "Belum puas",
    }
    for _ in range(limit):
        client.post(url, data)
    refused = client.post(url, {**data, "reopen-tracking_code": code})
    assert refused.status_code == 429 and LIMITED_ID in refused.content.decode()


def test_request_filing_page_is_limited_per_account(client, world):
    client.force_login(world.citizen)
    url = reverse("frontend:request_file")
    limit, _period = rate_for("request_file")
    data = {
        "agency": world.agency.pk,
        "information_requested": "Anggaran 2025",
        "purpose": "Riset",
        "obtain_method": "softcopy",
        "delivery_method": "email",
    }
    for n in range(limit):
        client.post(
            url, {**data, "submission_key": str(uuid.uuid4()), "information_requested": f"Anggaran {n}"}
        )
    refused = client.post(url, {**data, "submission_key": str(uuid.uuid4())})
    assert refused.status_code == 429 and LIMITED_ID in refused.content.decode()


# --- 29: tracking ----------------------------------------------------------------------------------------------------
def test_tracking_hashes_once_for_an_unknown_number_as_for_a_known_one(world):
    complaint, _code = anonymous_complaint(world)
    with mock.patch.object(c, "check_password", wraps=c.check_password) as checked:
        for number in (complaint.tracking_number, "ADU/2099/99999", ""):
            with pytest.raises(c.NotFound):
                c.complaint_track(tracking_number=number, code="TEBAKAN-SALAH")
    assert checked.call_count == 3


def test_tracking_is_limited_per_address(client, world):
    complaint, code = anonymous_complaint(world)
    limit, _period = rate_for("complaint_track")
    for n in range(limit):
        client.post(TRACK, {"tracking_number": f"ADU/2099/{n}", "code": "SALAH"})
    refused = client.post(TRACK, {"tracking_number": complaint.tracking_number, "code": code})
    assert refused.status_code == 429 and LIMITED_ID in refused.content.decode()
    assert "Pungli" not in refused.content.decode()


def test_guessing_the_code_of_one_number_is_limited_across_addresses(client, world):
    complaint, code = anonymous_complaint(world)
    limit, _period = rate_for("complaint_track_number")
    for n in range(limit):
        client.post(
            TRACK,
            {"tracking_number": complaint.tracking_number, "code": "SALAH"},
            REMOTE_ADDR=f"198.51.100.{n}",
        )
    with mock.patch.object(c, "check_password", wraps=c.check_password) as checked:
        refused = client.post(
            TRACK,
            {"tracking_number": complaint.tracking_number.lower(), "code": code},
            REMOTE_ADDR="203.0.113.1",
        )
    assert refused.status_code == 429 and LIMITED_ID in refused.content.decode()
    assert checked.call_count == 0  # refused before any hashing
    # Other numbers are tracked as usual from that address.
    other, other_code = anonymous_complaint(world)
    ok = client.post(
        TRACK, {"tracking_number": other.tracking_number, "code": other_code}, REMOTE_ADDR="203.0.113.1"
    )
    assert ok.status_code == 200 and "Pungli" in ok.content.decode()


def test_a_logged_in_citizen_with_the_right_password_is_not_affected(client, world):
    # Sanity: the limits count public forms, not ordinary browsing.
    assert (
        client.post(reverse("frontend:login"), {"username": "pemohon", "password": PASSWORD}).status_code
        == 302
    )
    for _ in range(30):
        assert client.get(FILE).status_code == 200


def test_oversized_request_texts_are_refused_on_the_page_and_the_api(client, world, settings):
    from ppid.models import InformationRequest

    too_long = "x" * (settings.LONG_TEXT_MAX_CHARS + 1)
    data = {
        "agency": world.agency.pk,
        "information_requested": too_long,
        "purpose": "Riset",
        "obtain_method": "softcopy",
        "delivery_method": "email",
        "submission_key": str(uuid.uuid4()),
    }
    client.force_login(world.citizen)
    page = client.post(reverse("frontend:request_file"), data)
    assert page.status_code == 200 and "paling banyak" in page.content.decode()
    api = APIClient()
    api.force_authenticate(world.citizen)
    resp = api.post(
        "/api/v1/requests/", {**data, "agency": world.agency.slug, "purpose": too_long}, format="json"
    )
    assert resp.status_code == 400
    assert set(resp.json()["errors"]) == {"information_requested", "purpose"}
    assert not InformationRequest.objects.exists()


def test_an_oversized_objection_reason_is_refused_by_the_api(world, file_request, settings):
    request = file_request()
    api = APIClient()
    api.force_authenticate(world.citizen)
    resp = api.post(
        "/api/v1/objections/",
        {"request": request.pk, "grounds": ["a"], "reason": "x" * (settings.LONG_TEXT_MAX_CHARS + 1)},
        format="json",
    )
    assert resp.status_code == 400 and "reason" in resp.json()["errors"]


def test_the_complaint_service_checks_lengths_itself_on_every_database(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        c.complaint_file(
            reporter=None,
            agency=world.agency,
            title="j" * 201,
            description="d",
            category="health",
            location="l" * 256,
            anonymous=True,
        )
    assert set(refused.value.message_dict) == {"title", "location"}
    assert not Complaint.objects.exists()
