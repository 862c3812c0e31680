"""Case pages as their users meet them (issue 13): what the requester is shown of notes meant for colleagues,
when "Ajukan keberatan" is offered, where a refused action's error appears, the confirmation before an
irreversible withdrawal, and the print stylesheet."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from ppid import services as s
from ppid.models import RequestState

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
MONDAY = dt.datetime(2026, 7, 6, 10, 0, tzinfo=WIB)
FORWARD_NOTE = "Tolong dicek Bu Ani, datanya di lemari arsip lantai 2."


def detail_url(obj):
    return reverse("frontend:request_detail", args=[obj.pk])


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    def client_for(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return client_for


@pytest.fixture
def forwarded(world, file_request):
    request = file_request()
    s.information_request_forward(
        request_id=request.pk, actor=world.officer, unit=world.pelaksana, note=FORWARD_NOTE
    )
    return request


# --- 11. The forward note is for colleagues ------------------------------------------------------------------
def test_the_requester_does_not_read_the_forward_note_but_staff_do(client, world, forwarded):
    client.force_login(world.citizen)
    citizen_page = client.get(detail_url(forwarded)).content.decode()
    assert "Diteruskan ke unit lain" in citizen_page  # the step itself is part of the requester's story
    assert FORWARD_NOTE not in citizen_page

    client.force_login(world.pelaksana_officer)
    assert FORWARD_NOTE in client.get(detail_url(forwarded)).content.decode()


def test_the_objection_page_timeline_hides_the_forward_note_from_the_requester(client, world, forwarded):
    s.information_request_process(request_id=forwarded.pk, actor=world.pelaksana_officer)
    s.information_request_respond(
        request_id=forwarded.pk,
        actor=world.pelaksana_officer,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="Memuat data pribadi penerima.",
    )
    objection = s.objection_file(
        requester=world.citizen, request_id=forwarded.pk, grounds=["a"], reason="Bukan rahasia pribadi."
    )
    url = reverse("frontend:objection_detail", args=[objection.pk])
    client.force_login(world.citizen)
    assert FORWARD_NOTE not in client.get(url).content.decode()
    client.force_login(world.atasan)
    assert FORWARD_NOTE in client.get(url).content.decode()


def test_the_api_events_follow_the_same_rule(world, api, forwarded):
    path = f"/api/v1/requests/{forwarded.pk}/events/"
    citizen = {e["action"]: e for e in api(world.citizen).get(path).json()}
    staff = {e["action"]: e for e in api(world.pelaksana_officer).get(path).json()}
    assert citizen["request.forward"]["reason"] == ""  # the field stays (API contract), its text does not
    assert staff["request.forward"]["reason"] == FORWARD_NOTE


# --- 20. "Ajukan keberatan" only while an objection is possible, with its last day ---------------------------


def test_no_objection_entry_before_any_ground_has_arisen(client, world, file_request):
    with time_machine.travel(MONDAY, tick=False):
        request = file_request()
        client.force_login(world.citizen)
        html = client.get(detail_url(request)).content.decode()
    assert "Ajukan keberatan</a>" not in html
    # The requester is told when it becomes possible: after the notice, or once its due date passes unanswered.
    assert "20 Juli 2026" in html.split('id="keberatan-h"')[1].split("</section>")[0]


def test_the_objection_entry_says_until_when_in_the_viewers_language(client, world, file_request):
    with time_machine.travel(MONDAY, tick=False):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Memuat data pribadi penerima.",
        )
    # Refused on 6 July 2026: 30 working days later (17 August and the cuti bersama skipped) is the last day.
    from ppid.windows import objection_ground_windows

    last = max(w.closes.due_date for w in objection_ground_windows(request).values())
    with time_machine.travel(MONDAY + dt.timedelta(days=3), tick=False):
        client.force_login(world.citizen)
        section = (
            client.get(detail_url(request))
            .content.decode()
            .split('id="keberatan-h"')[1]
            .split("</section>")[0]
        )
        assert "Ajukan keberatan</a>" in section
        assert f"{last.day} Agustus 2026" in section
        client.cookies["django_language"] = "en"
        english = (
            client.get(detail_url(request))
            .content.decode()
            .split('id="keberatan-h"')[1]
            .split("</section>")[0]
        )
        assert f"{last.day} August 2026" in english and "Agustus" not in english
        client.cookies["django_language"] = "id"
    # Once every ground's window has closed, the page says since when; a late objection is still registered
    # (UU 14/2008 Pasal 36(1), issue 14), so the entry stays, marked late, and says what lateness means.
    with time_machine.travel(dt.datetime.combine(last, dt.time(12), WIB) + dt.timedelta(days=1), tick=False):
        client.force_login(world.citizen)
        section = (
            client.get(detail_url(request))
            .content.decode()
            .split('id="keberatan-h"')[1]
            .split("</section>")[0]
        )
        assert "Ajukan keberatan</a>" not in section
        assert "Ajukan keberatan (terlambat)</a>" in section
        assert "dicatat sebagai terlambat" in section
        assert f"{last.day} Agustus 2026" in section


def test_no_objection_entry_for_a_withdrawn_request(client, world, file_request):
    request = file_request()
    s.information_request_withdraw(request_id=request.pk, actor=world.citizen, reason="")
    client.force_login(world.citizen)
    assert "Ajukan keberatan</a>" not in client.get(detail_url(request)).content.decode()


# --- 10. Withdrawing asks first, on its own page -------------------------------------------------------------
def test_withdrawing_a_request_asks_for_confirmation_first(client, world, file_request):
    request = file_request()
    client.force_login(world.citizen)
    html = client.get(detail_url(request)).content.decode()
    confirm_url = reverse("frontend:request_withdraw", args=[request.pk])
    # No withdrawing form on the case page: a link to the confirmation step, at the end of the page.
    assert reverse("frontend:request_action", args=[request.pk, "withdraw"]) not in html
    assert f'href="{confirm_url}"' in html
    assert html.index(f'href="{confirm_url}"') > html.index('id="riwayat-h"')

    page = client.get(confirm_url).content.decode()
    assert "Pencabutan tidak dapat dibatalkan" in page
    assert 'name="withdraw-reason"' in page and "Ya, cabut permohonan" in page
    assert f'href="{detail_url(request)}"' in page  # the way back
    request.refresh_from_db()
    assert request.state == RequestState.REGISTERED  # looking changes nothing

    resp = client.post(confirm_url, {"withdraw-reason": "Sudah mendapat datanya dari kecamatan."})
    assert resp.status_code == 302 and resp.url == detail_url(request)
    request.refresh_from_db()
    assert request.state == RequestState.WITHDRAWN
    assert request.withdraw_reason == "Sudah mendapat datanya dari kecamatan."
    # Nothing left to confirm: the step sends the requester back to the case.
    assert client.get(confirm_url).url == detail_url(request)


def test_only_the_requester_reaches_the_withdrawal_step(client, world, file_request):
    request = file_request()
    confirm_url = reverse("frontend:request_withdraw", args=[request.pk])
    for person in (world.officer, world.other_citizen):
        client.force_login(person)
        assert client.get(confirm_url).status_code == 404
        assert client.post(confirm_url, {}).status_code == 404
    request.refresh_from_db()
    assert request.state == RequestState.REGISTERED


def test_withdrawing_an_objection_asks_for_confirmation_first(client, world, file_request):
    from ppid.models import ObjectionState

    request = file_request()
    s.information_request_process(request_id=request.pk, actor=world.officer)
    s.information_request_respond(
        request_id=request.pk,
        actor=world.officer,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="Memuat data pribadi penerima.",
    )
    objection = s.objection_file(
        requester=world.citizen, request_id=request.pk, grounds=["a"], reason="Bukan rahasia pribadi."
    )
    client.force_login(world.citizen)
    detail = reverse("frontend:objection_detail", args=[objection.pk])
    confirm_url = reverse("frontend:objection_withdraw", args=[objection.pk])
    html = client.get(detail).content.decode()
    assert reverse("frontend:objection_action", args=[objection.pk, "withdraw"]) not in html
    assert f'href="{confirm_url}"' in html
    page = client.get(confirm_url).content.decode()
    assert "Pencabutan tidak dapat dibatalkan" in page and "Ya, cabut keberatan" in page
    objection.refresh_from_db()
    assert objection.state == ObjectionState.REGISTERED
    assert client.post(confirm_url, {"withdraw-reason": ""}).url == detail
    objection.refresh_from_db()
    assert objection.state == ObjectionState.WITHDRAWN


# --- 14. A refused action is answered where its button is -----------------------------------------------------
def _form_with_anchor(html: str, anchor: str) -> str:
    """The <form> that posts to `#anchor`, with its contents; fails if no form posts there."""
    match = re.search(rf'<form method="post" action="[^"]*#{anchor}"[^>]*>(.*?)</form>', html, re.S)
    assert match, f"no form posts to #{anchor}"
    return match.group(1)


def test_a_refused_publication_is_answered_in_the_publish_form_and_the_page_opens_there(client, world):
    last_year = 2026
    with time_machine.travel(dt.datetime(2027, 2, 1, 9, tzinfo=WIB), tick=False):
        client.force_login(world.head)
        url = reverse("frontend:annual_report", args=[world.agency.slug, last_year])
        html = client.post(url, {"aksi": "terbitkan"}).content.decode()
    # The form posts to its own section, so the browser shows it, and the refusal sits above its button.
    publish_form = _form_with_anchor(html, "publish-h")
    assert 'id="publish-h"' in html
    assert 'class="error-summary"' in publish_form
    assert publish_form.index('class="error-summary"') < publish_form.index('type="submit"')
    assert "Bagian A" in publish_form.split('class="error-summary"')[1].split("</div>")[0]
    # The texts form is answered the same way.
    _form_with_anchor(html, "texts-h")


def test_the_nik_form_is_answered_where_it_is(client, world, file_request):
    request = file_request()
    client.force_login(world.officer)
    html = client.post(reverse("frontend:request_reveal_nik", args=[request.pk]), {"nik-purpose": ""}).content
    form = _form_with_anchor(html.decode(), "lihat-nik")
    assert 'class="error-summary"' in form
    assert 'id="lihat-nik"' in html.decode()


def test_a_refused_action_is_shown_in_its_own_card_above_its_button():
    from django.template.loader import render_to_string

    from frontend.common.actions import place_action_error
    from frontend.requests.forms import ExtendForm
    from frontend.requests.views import ACTIONS

    actions = [
        {"name": name, "spec": ACTIONS[name], "form": ExtendForm(prefix=name)}
        for name in ("extend", "complete")
    ]
    left = place_action_error(actions, ("extend", None), "Perpanjangan hanya dapat dilakukan satu kali.")
    assert left == ""  # nothing left for the top of the page: the card says it
    card = render_to_string(
        "frontend/_action.html", {"action": actions[0], "url": "/permohonan/1/aksi/extend/"}
    )
    assert 'action="/permohonan/1/aksi/extend/#aksi-extend"' in card
    assert card.index("Perpanjangan hanya dapat dilakukan satu kali.") < card.index('type="submit"')
    # A card that is gone (the case moved on) leaves the message for the top of the page.
    assert place_action_error(actions, ("process", None), "Sudah diproses.") == "Sudah diproses."
