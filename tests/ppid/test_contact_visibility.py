"""The requester's address, phone and e-mail, walked through every output as every role.

One rule decides who reads them (`ppid.rules.may_see_requester_contact`): the requester, the officers handling
the request and the Atasan PPID. Every output that can show a request's contacts (its page, its four PDF
letters, the objection's page, the API) shows them exactly to those; the outputs that never show them (the
queues, the audit events, the CSV downloads, the e-mails) show them to nobody. A letter asked for by someone
else (an auditor, an administrator) still renders, with the contacts left out.
"""

import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from agencies.models import StaffRole
from ppid import rules
from ppid import services as s
from tests.factories import UnitFactory, make_staff

WIB = ZoneInfo("Asia/Jakarta")
ADDRESS = "Jl. Kenari Rahasia No. 17, Cimahi"
PHONE = "081299887766"
EMAIL = "siti.kontak@example.id"
CONTACTS = {"address": ADDRESS, "phone": PHONE, "email": EMAIL}


def at(*args):
    return time_machine.travel(datetime(*args, tzinfo=WIB), tick=False)


def _squeeze(text: str) -> str:
    # pypdf may break a line inside the address or put spaces between glyphs.
    return re.sub(r"\s+", "", text)


def shown(text: str) -> set[str]:
    """Which of the contacts a text shows."""
    flat = _squeeze(text)
    return {name for name, value in CONTACTS.items() if _squeeze(value) in flat}


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def case(world, mailoutbox, django_capture_on_commit_callbacks):
    """A request to the PPID Pelaksana, extended, refused, objected to and decided."""
    citizen = world.citizen
    citizen.email = EMAIL
    citizen.save()
    profile = citizen.citizen_profile
    profile.address, profile.phone = ADDRESS, PHONE
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        with at(2026, 3, 13, 10):
            request = s.information_request_file(
                requester=citizen,
                agency=world.agency,
                unit=world.pelaksana,
                information_requested="Dokumen anggaran Dinas Kesehatan tahun 2025",
                purpose="Penelitian",
                obtain_method="softcopy",
                delivery_method="email",
            )
        with at(2026, 3, 16, 10):
            s.information_request_process(request_id=request.pk, actor=world.pelaksana_officer)
            s.information_request_extend(
                request_id=request.pk, actor=world.pelaksana_officer, reason="Dokumen di arsip pusat."
            )
        with at(2026, 3, 25, 10):
            s.information_request_respond(
                request_id=request.pk,
                actor=world.pelaksana_officer,
                decision="rejected",
                exemption_grounds=["h"],
                consequence_test="Data pribadi pasien.",
            )
        with at(2026, 4, 1, 10):
            objection = s.objection_file(
                requester=citizen, request_id=request.pk, grounds=["a"], reason="Bukan data pribadi."
            )
        with at(2026, 4, 10, 14):
            s.objection_decide(
                objection_id=objection.pk,
                actor=world.atasan,
                outcome="granted",
                reasons="Bukan informasi yang dikecualikan.",
                order="Berikan dokumennya.",
                comply_by=date(2026, 4, 24),
            )
    request.refresh_from_db()
    objection.refresh_from_db()
    assert request.requester_address == ADDRESS and request.requester_email == EMAIL  # the snapshot
    return request, objection


def roles(world) -> dict:
    other_unit = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    return {
        "requester": world.citizen,
        "other citizen": world.other_citizen,
        "Utama officer": world.officer,
        "Pelaksana of the handling unit": world.pelaksana_officer,
        "Pelaksana of another unit": make_staff(other_unit, StaffRole.OFFICER, username="disdik"),
        "Atasan": world.atasan,
        "auditor": world.auditor,
        "agency administrator": world.admin,
        "anonymous": None,
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def api_client_for(user):
    from rest_framework.test import APIClient

    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def body(response) -> str:
    if response.status_code != 200:
        return ""
    if response.get("Content-Type", "").startswith("application/pdf"):
        return pdf_text(response.content)
    return response.content.decode()


def test_contacts_reach_exactly_whom_the_rule_allows_in_every_output(world, case, mailoutbox):
    request, objection = case
    viewers = roles(world)
    allowed = {
        name
        for name, user in viewers.items()
        if rules.may_see_requester_contact(request, user or AnonymousUser())
    }
    # The rule itself, so the walk below cannot pass by allowing everyone or nobody.
    assert allowed == {"requester", "Utama officer", "Pelaksana of the handling unit", "Atasan"}

    every, address = set(CONTACTS), {"address"}  # the letters addressed to the requester name the address
    letter = "frontend:request_letter"
    showing = {  # outputs that show contacts to those allowed (and to nobody else): what they show
        "request page": (reverse("frontend:request_detail", args=[request.pk]), every),
        "receipt": (reverse(letter, args=[request.pk, "tanda-terima"]), every),
        "extension letter": (reverse(letter, args=[request.pk, "perpanjangan"]), address),
        "written notice": (reverse(letter, args=[request.pk, "pemberitahuan"]), every),
        "objection decision": (reverse("frontend:objection_letter", args=[objection.pk]), address),
        "objection receipt": (reverse("frontend:objection_receipt", args=[objection.pk]), every),
        "API request": (reverse("api:request-detail", args=[request.pk]), every),
        "API request list": (reverse("api:request-list"), every),
    }
    never = [  # outputs that never show them, whoever asks
        ("request queue", reverse("frontend:queue")),
        ("request list", reverse("frontend:request_list")),
        ("objection page", reverse("frontend:objection_detail", args=[objection.pk])),
        ("objection queue", reverse("frontend:objection_queue")),
        ("audit trail", reverse("frontend:audit", args=[world.agency.slug])),
        ("compliance CSV", reverse("frontend:dashboard_compliance_csv", args=[world.agency.slug])),
        ("overdue CSV", reverse("frontend:dashboard_overdue_csv", args=[world.agency.slug])),
    ]
    api_never = [
        ("API request events", reverse("api:request-events", args=[request.pk])),
        ("API objection", reverse("api:objection-detail", args=[objection.pk])),
        ("API objection events", reverse("api:objection-events", args=[objection.pk])),
        ("API statistics CSV", reverse("api:stats-requests") + "?agency=diskominfo&year=2026&format=csv"),
        ("API overdue", reverse("api:stats-overdue") + "?agency=diskominfo"),
    ]

    seen, wrong = {}, []
    with at(2026, 4, 13, 10):
        for role, user in viewers.items():
            page, api = client_for(user), api_client_for(user)
            outputs = [(name, url, what) for name, (url, what) in showing.items()]
            outputs += [(name, url, set()) for name, url in never + api_never]
            for name, url, what in outputs:
                response = (api if name.startswith("API") else page).get(url)
                assert response.status_code < 500, (role, name)
                found = shown(body(response))
                expected = what if role in allowed else set()
                if response.status_code == 200:
                    seen.setdefault(name, set()).add(role)
                if found != expected:
                    wrong.append((role, name, sorted(found), sorted(expected)))
    assert wrong == [], "\n".join(map(str, wrong))
    # Every letter and page was really read by every role the rule lets see the contacts, and the letters
    # by the auditor and the administrator too (rendered, without the contacts).
    for name in showing:
        assert allowed | {"auditor", "agency administrator"} <= seen[name], name
    assert {"auditor", "agency administrator"} <= seen["compliance CSV"] & seen["overdue CSV"]

    # E-mail: notifications carry case numbers only.
    assert mailoutbox, "the scenario sends notifications"
    for message in mailoutbox:
        texts = [message.subject, message.body, *(content for content, _type in message.alternatives)]
        assert shown(" ".join(texts)) == set(), message.to


def test_a_letter_for_an_auditor_renders_without_the_contacts(world, case):
    request, objection = case
    from ppid import letters

    every, address = set(CONTACTS), {"address"}
    for viewer in (world.auditor, world.admin, world.citizen, world.atasan):
        allowed = rules.may_see_requester_contact(request, viewer)
        for pdf, what in (
            (letters.render_receipt(request, viewer=viewer), every),
            (letters.render_extension_letter(request, viewer=viewer), address),
            (letters.render_notice(request, viewer=viewer), every),
            (letters.render_objection_decision(objection, viewer=viewer), address),
            (letters.render_objection_receipt(objection, viewer=viewer), every),
        ):
            text = pdf_text(pdf)
            assert _squeeze(request.registration_number) in _squeeze(text)
            assert "Siti" in text  # the addressee is still named
            assert shown(text) == (what if allowed else set()), viewer.username
            if not allowed:
                assert "tidak ditampilkan" in text.lower()


def test_api_gives_the_contacts_only_under_the_rule(world, case):
    request, _objection = case
    url = reverse("api:request-detail", args=[request.pk])
    own = api_client_for(world.citizen).get(url).json()
    assert own["requester_contact"] == {"address": ADDRESS, "phone": PHONE, "email": EMAIL}
    audit = api_client_for(world.auditor).get(url).json()
    assert audit["requester_contact"] is None
    assert "requester_name" in audit  # the identity snapshot stays
