"""Issue 16 point 5 on the pages: with approval before issue on, the officer's respond and extend cards say the letter
goes to the unit head; the request page shows the waiting draft to staff; the head approves ("Setujui dan
terbitkan") or returns it with a reason, which its drafter then reads; the requester sees none of it."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from agencies.models import StaffRole
from ppid import services as s
from ppid.models import ResponseDraft
from ppid.selectors import drafts_awaiting_approval
from tests.factories import make_staff
from tests.helpers import at

pytestmark = pytest.mark.django_db

SECRET = "Salinan DPA 2025 tanpa lampiran gaji"


@pytest.fixture
def team(world):
    world.agency.approval_before_issue = True
    world.agency.save(update_fields=["approval_before_issue"])
    world.pelaksana_head = make_staff(world.pelaksana, StaffRole.PPID, username="kepala_dinkes")
    return world


@pytest.fixture
def case(team, file_request):
    with at(2026, 10, 5, 10):
        obj = file_request(unit=team.pelaksana)
        s.information_request_process(request_id=obj.pk, actor=team.pelaksana_officer)
    return obj


def _detail(client, user, obj):
    client.force_login(user)
    return client.get(reverse("frontend:request_detail", args=[obj.pk])).content.decode()


def _respond(client, obj, **extra):
    data = {"respond-decision": "granted", "respond-provided_information": SECRET, "respond-fee_amount": "0"}
    data.update(extra)
    return client.post(reverse("frontend:request_action", args=[obj.pk, "respond"]), data)


def test_the_officers_forms_say_the_letter_goes_to_the_head(client, team, case):
    with at(2026, 10, 6, 9):
        page = _detail(client, team.pelaksana_officer, case)
        assert page.count("Dikirim ke kepala unit untuk persetujuan") == 2  # respond and extend
        head_page = _detail(client, team.pelaksana_head, case)
    assert "Dikirim ke kepala unit untuk persetujuan" not in head_page
    assert "Simpan pemberitahuan tertulis" in head_page


def test_the_officer_drafts_the_head_approves_and_the_citizen_reads_the_answer(client, team, case):
    with at(2026, 10, 6, 9):
        client.force_login(team.pelaksana_officer)
        resp = _respond(client, case)
        assert resp.status_code == 302
        page = client.get(resp["Location"]).content.decode()
        assert "Pemohon belum menerima apa pun" in page
        assert 'id="persetujuan-h"' in page and SECRET in page
        assert reverse("frontend:request_draft_preview", args=[case.pk]) in page
        assert "Setujui dan terbitkan" not in page  # only the head decides

        citizen_page = _detail(client, team.citizen, case)
        assert SECRET not in citizen_page and 'id="persetujuan-h"' not in citizen_page
        assert "Sudah dijawab" not in citizen_page

        head_page = _detail(client, team.pelaksana_head, case)
        assert "Setujui dan terbitkan" in head_page and "Kembalikan" in head_page
        resp = client.post(reverse("frontend:request_draft_decide", args=[case.pk, "setujui"]))
        assert resp.status_code == 302 and resp["Location"].endswith("#persetujuan-h")
    case.refresh_from_db()
    assert case.state == "responded"
    assert case.response.approved_by == team.pelaksana_head
    with at(2026, 10, 6, 10):
        assert SECRET in _detail(client, team.citizen, case)


def test_a_returned_draft_shows_the_reason_to_its_drafter(client, team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(
            request_id=case.pk, actor=team.pelaksana_officer, decision="granted", provided_information=SECRET
        )
        client.force_login(team.pelaksana_head)
        url = reverse("frontend:request_draft_decide", args=[case.pk, "kembalikan"])
        empty = client.post(url, {"kembali-reason": ""})
        assert empty.status_code == 200
        assert "Tuliskan alasan rancangan dikembalikan" in empty.content.decode()
        assert ResponseDraft.objects.get().state == "pending"
        assert client.post(url, {"kembali-reason": "Sebutkan nomor DPA."}).status_code == 302
        page = _detail(client, team.pelaksana_officer, case)
    assert "dikembalikan oleh" in page and "Sebutkan nomor DPA." in page
    with at(2026, 10, 6, 9):
        assert "Sebutkan nomor DPA." not in _detail(client, team.citizen, case)


def test_the_requester_and_other_staff_cannot_decide(client, team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(
            request_id=case.pk, actor=team.pelaksana_officer, decision="granted", provided_information=SECRET
        )
        url = reverse("frontend:request_draft_decide", args=[case.pk, "setujui"])
        preview = reverse("frontend:request_draft_preview", args=[case.pk])
        for user, code in (
            (team.citizen, 404),
            (team.outsider, 404),
            (team.pelaksana_officer, 403),
            (team.atasan, 403),
        ):
            client.force_login(user)
            assert client.post(url).status_code == code, user
        client.force_login(team.citizen)
        assert client.get(preview).status_code == 404
        client.force_login(team.atasan)
        assert client.get(preview).status_code == 404  # not a handling officer
    assert ResponseDraft.objects.get().state == "pending"


def test_the_draft_preview_is_the_letter_approval_would_issue(client, team, case):
    with at(2026, 10, 6, 9):
        s.information_request_respond(
            request_id=case.pk, actor=team.pelaksana_officer, decision="granted", provided_information=SECRET
        )
        client.force_login(team.pelaksana_head)
        resp = client.get(reverse("frontend:request_draft_preview", args=[case.pk]))
    assert resp.status_code == 200
    assert resp["Content-Type"] == "application/pdf"
    assert resp.content.startswith(b"%PDF")
    case.refresh_from_db()
    assert case.state == "in_process"  # nothing issued


def test_the_staff_home_partial_lists_the_drafts_waiting_for_me(team, case):
    with at(2026, 10, 6, 9):
        s.information_request_extend(request_id=case.pk, actor=team.pelaksana_officer, reason="Perlu waktu.")
    html = render_to_string(
        "frontend/work/_approvals.html", {"approvals": drafts_awaiting_approval(team.pelaksana_head)}
    )
    assert case.registration_number in html and "Perpanjangan batas waktu" in html
    empty = render_to_string(
        "frontend/work/_approvals.html", {"approvals": drafts_awaiting_approval(team.pelaksana_officer)}
    )
    assert "Tidak ada rancangan surat yang menunggu persetujuan Anda." in empty
