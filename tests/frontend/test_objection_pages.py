"""Objection (keberatan) and dispute (sengketa) pages: the requester's form with only the grounds that fit, the
objection page with the Atasan PPID's response, the decision letter, the dispute record, the Atasan's queue,
offline objections and the request page's combined timeline."""

import datetime as dt
import io
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from audit.models import Event
from ppid import letters
from ppid import services as s
from ppid.models import Dispute, Objection, ObjectionState

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages)).strip()


def offered_grounds(html: str) -> set[str]:
    return set(re.findall(r'name="grounds" value="([a-g])"', html))


def section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"', 1)[1]


def file_url(request):
    return reverse("frontend:objection_file", args=[request.pk])


def detail_url(objection):
    return reverse("frontend:objection_detail", args=[objection.pk])


def action_url(objection, name):
    return reverse("frontend:objection_action", args=[objection.pk, name])


def objection_data(grounds=("a",), **overrides):
    data = {
        "grounds": list(grounds),
        "reason": "Data yang saya minta bukan data pribadi; nama penerima beasiswa sudah diumumkan sekolah.",
        "proxy_name": "",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


@pytest.fixture
def refused(world, file_request):
    """Filed Friday 13 March 2026 (due 6 April), refused under Pasal 17 h on Wednesday 25 March."""
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 3, 25, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi penerima.",
        )
    request.refresh_from_db()
    return request


@pytest.fixture
def objection(world, refused):
    """Filed on 1 April 2026 on grounds a and d; the Atasan must respond by 19 May."""
    with at(2026, 4, 1, 10):
        return s.objection_file(
            requester=world.citizen,
            request_id=refused.pk,
            grounds=["a", "d"],
            reason="Nama penerima beasiswa sudah diumumkan sekolah.",
        )


@pytest.fixture
def decided(world, objection):
    with at(2026, 4, 10, 14):
        return s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="granted",
            reasons="Nama penerima beasiswa bukan informasi yang dikecualikan.",
            order="Berikan daftar nama penerima per sekolah tanpa NIK dan alamat.",
            comply_by=D(2026, 4, 24),
        )


# --- The requester's form --------------------------------------------------------------------------------------
def test_after_a_refusal_the_form_offers_a_b_d_e_with_why_and_the_last_day(client, world, refused):
    with at(2026, 4, 1, 10):
        client.force_login(world.citizen)
        html = client.get(file_url(refused)).content.decode()
    assert offered_grounds(html) == {"a", "b", "d", "e"}
    assert "penolakan atas permohonan berdasarkan alasan pengecualian Pasal 17" in html
    assert "pemberitahuan tertulis tanggal 25 Maret 2026" in html  # why the ground arose
    assert "8 Mei 2026" in html  # the last day: 30 working days after the notice
    assert 'name="submission_key"' in html


def test_an_unanswered_request_past_its_due_date_offers_only_b_and_c(client, world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 4, 1, 10):  # still within the ten working days: nothing to object to yet
        client.force_login(world.citizen)
        html = client.get(file_url(request)).content.decode()
    assert offered_grounds(html) == set()
    assert "belum ada alasan keberatan" in html and "6 April 2026" in html
    with at(2026, 4, 7, 9):
        client.force_login(world.citizen)
        html = client.get(file_url(request)).content.decode()
    assert offered_grounds(html) == {"b", "c"}
    assert "21 Mei 2026" in html


def test_when_every_window_has_closed_the_page_still_offers_them_marked_late(client, world, refused):
    with at(2026, 5, 11, 10):
        client.force_login(world.citizen)
        html = client.get(file_url(refused)).content.decode()
    assert offered_grounds(html) == {"a", "b", "d", "e"}  # a late objection is never refused (Pasal 36(1))
    assert "Batas waktunya sudah lewat: keberatan tetap didaftarkan" in html and "8 Mei 2026" in html


def test_filing_through_the_page_creates_the_objection_and_lands_on_it(client, world, refused):
    with at(2026, 4, 1, 10):
        client.force_login(world.citizen)
        resp = client.post(file_url(refused), objection_data(grounds=("a", "d")))
        objection = Objection.objects.get()
        assert resp.status_code == 302 and resp.url == detail_url(objection)
        html = client.get(resp.url).content.decode()
    assert objection.grounds == ["a", "d"] and objection.requester == world.citizen
    assert objection.due_date == D(2026, 5, 19)
    assert f"Keberatan Anda terdaftar dengan nomor {objection.registration_number}" in html
    assert "19 Mei 2026" in html
    assert "hari ke-0" in html  # how the Atasan's deadline was counted
    assert "nama penerima beasiswa sudah diumumkan sekolah." in html  # the requester's reason


def test_the_same_submission_twice_creates_one_objection(client, world, refused):
    with at(2026, 4, 1, 10):
        client.force_login(world.citizen)
        data = objection_data()
        first, second = client.post(file_url(refused), data), client.post(file_url(refused), data)
    assert Objection.objects.count() == 1
    assert first.url == second.url


def test_a_ground_posted_by_hand_that_does_not_fit_is_refused_in_indonesian(client, world, refused):
    with at(2026, 4, 1, 10):
        client.force_login(world.citizen)
        resp = client.post(file_url(refused), objection_data(grounds=("c",), reason="Alasan saya sendiri"))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "tidak sesuai dengan riwayat permohonan ini" in html
    assert "Alasan saya sendiri" in html  # the input is kept
    assert not Objection.objects.exists()


def test_another_citizen_gets_404_on_the_form_and_the_objection(client, world, refused, objection):
    client.force_login(world.other_citizen)
    assert client.get(file_url(refused)).status_code == 404
    assert client.post(file_url(refused), objection_data()).status_code == 404
    assert client.get(detail_url(objection)).status_code == 404
    assert client.post(action_url(objection, "withdraw"), {}).status_code == 404
    assert client.get(reverse("frontend:objection_letter", args=[objection.pk])).status_code == 404
    client.force_login(world.outsider)  # staff of another agency
    assert client.get(detail_url(objection)).status_code == 404


def test_the_request_page_lists_the_objection_and_offers_the_form_only_to_the_requester(
    client, world, refused, objection
):
    with at(2026, 4, 2, 10):
        client.force_login(world.citizen)
        html = client.get(reverse("frontend:request_detail", args=[refused.pk])).content.decode()
        keberatan = section(html, "keberatan-h")
        assert objection.registration_number in keberatan and detail_url(objection) in keberatan
        # One objection at a time: while it waits, the requester is told so instead of offered the form.
        assert file_url(refused) not in keberatan and "sedang menunggu tanggapan Atasan PPID" in keberatan
        assert reverse("frontend:objection_offline", args=[refused.pk]) not in keberatan

        client.force_login(world.officer)
        html = client.get(reverse("frontend:request_detail", args=[refused.pk])).content.decode()
    keberatan = section(html, "keberatan-h")
    assert file_url(refused) not in keberatan
    assert reverse("frontend:objection_offline", args=[refused.pk]) in keberatan


# --- The Atasan PPID ---------------------------------------------------------------------------------------------
def test_the_atasan_queue_lists_the_objection_and_the_atasan_decides_through_the_page(
    client, world, objection
):
    with at(2026, 4, 6, 10):
        client.force_login(world.atasan)
        queue = client.get(reverse("frontend:objection_queue")).content.decode()
        assert objection.registration_number in queue and detail_url(objection) in queue
        assert "Dalam batas waktu" in queue  # its deadline badge
        assert reverse("frontend:objection_queue") in client.get(reverse("frontend:home")).content.decode()

        assert client.post(action_url(objection, "review"), {}).status_code == 302
        page = client.get(detail_url(objection)).content.decode()
        assert action_url(objection, "decide") in page and 'name="decide-outcome"' in page
        resp = client.post(
            action_url(objection, "decide"),
            {
                "decide-outcome": "granted",
                "decide-reasons": "Nama penerima beasiswa bukan informasi yang dikecualikan.",
                "decide-order": "Berikan daftar nama penerima per sekolah.",
                "decide-comply_by": "2026-04-20",
            },
        )
        assert resp.status_code == 302
        html = client.get(detail_url(objection)).content.decode()
        queue = client.get(reverse("frontend:objection_queue")).content.decode()
    objection.refresh_from_db()
    assert objection.state == ObjectionState.DECIDED and objection.decided_by == world.atasan
    assert objection.comply_by == D(2026, 4, 20)
    assert "Keberatan diterima: PPID wajib memenuhi" in html
    assert "20 April 2026" in html
    assert reverse("frontend:objection_letter", args=[objection.pk]) in html
    assert objection.registration_number not in queue  # answered: no longer waiting


def test_the_queue_is_404_for_anyone_who_is_not_atasan(client, world):
    for user in (world.citizen, world.officer, world.head, world.auditor):
        client.force_login(user)
        assert client.get(reverse("frontend:objection_queue")).status_code == 404
        queue_link = f'href="{reverse("frontend:objection_queue")}"'
        assert queue_link not in client.get(reverse("frontend:home")).content.decode()


def test_an_officer_sees_no_decide_form_and_a_forged_post_gets_403(client, world, objection):
    with at(2026, 4, 6, 10):
        client.force_login(world.officer)
        html = client.get(detail_url(objection)).content.decode()
        assert action_url(objection, "decide") not in html
        resp = client.post(
            action_url(objection, "decide"),
            {"decide-outcome": "upheld", "decide-reasons": "Pengecualian sudah tepat."},
        )
    assert resp.status_code == 403
    objection.refresh_from_db()
    assert objection.state == ObjectionState.REGISTERED and objection.outcome == ""


def test_upholding_without_reasons_shows_the_error_and_the_objection_stays_open(client, world, objection):
    with at(2026, 4, 6, 10):
        client.force_login(world.atasan)
        resp = client.post(
            action_url(objection, "decide"),
            {"decide-outcome": "upheld", "decide-reasons": "", "decide-order": "Catatan yang saya tulis"},
        )
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "wajib disertai alasan tertulis (Pasal 36 ayat 3)" in html
    assert 'class="error-summary"' in html
    assert "Catatan yang saya tulis" in html  # the input is kept
    objection.refresh_from_db()
    assert objection.state == ObjectionState.REGISTERED and objection.is_open


def test_deciding_twice_answers_409_and_changes_nothing(client, world, decided):
    with at(2026, 4, 13, 10):
        client.force_login(world.atasan)
        resp = client.post(
            action_url(decided, "decide"),
            {"decide-outcome": "upheld", "decide-reasons": "Berubah pikiran."},
        )
    assert resp.status_code == 409
    assert "sudah ditanggapi atau dicabut" in resp.content.decode()
    decided.refresh_from_db()
    assert decided.outcome == "granted"


def test_the_requester_withdraws_the_objection(client, world, objection):
    with at(2026, 4, 6, 10):
        client.force_login(world.citizen)
        html = client.get(detail_url(objection)).content.decode()
        assert action_url(objection, "decide") not in html
        assert reverse("frontend:objection_withdraw", args=[objection.pk]) in html  # after a confirmation
        resp = client.post(
            action_url(objection, "withdraw"), {"withdraw-reason": "Sudah diberi informasinya."}
        )
    assert resp.status_code == 302
    objection.refresh_from_db()
    assert objection.state == ObjectionState.WITHDRAWN


# --- The decision letter ---------------------------------------------------------------------------------------
def test_the_decision_letter_downloads_as_pdf_only_once_decided(client, world, objection):
    url = reverse("frontend:objection_letter", args=[objection.pk])
    client.force_login(world.citizen)
    assert client.get(url).status_code == 404  # not decided yet: the letter does not exist
    with at(2026, 4, 10, 14):
        s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="upheld",
            reasons="Pengecualian Pasal 17 huruf h sudah tepat.",
        )
        client.force_login(world.citizen)
        resp = client.get(url)
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    assert "attachment" in resp["Content-Disposition"]
    text = pdf_text(resp.content)
    assert objection.registration_number in text
    assert "Komisi Informasi" in text


@pytest.fixture
def atasan_in_bandung(world):
    """The Atasan's name and the agency's city as they are when the letter is issued (its kop and signatory
    are snapshots of that moment)."""
    world.atasan.first_name, world.atasan.last_name = "Rina", "Wulandari"
    world.atasan.save()
    world.agency.city = "Bandung"
    world.agency.save()


def test_render_objection_decision_is_an_indonesian_letter_with_the_whole_response(
    world, atasan_in_bandung, decided
):
    decided.refresh_from_db()

    with translation.override("en"):  # the caller's page language does not matter
        text = pdf_text(letters.render_objection_decision(decided))

    assert "TANGGAPAN ATASAN PPID ATAS KEBERATAN" in text
    assert "DISKOMINFO" in text
    assert f"Nomor registrasi keberatan : {decided.registration_number}" in text
    assert "Rabu, 1 April 2026 pukul 10.00 WIB" in text  # received
    assert decided.request.registration_number in text
    assert "Dokumen anggaran Dinas Kesehatan tahun 2025" in text
    assert "Siti" in text
    assert "a. penolakan atas permohonan berdasarkan alasan pengecualian Pasal 17" in text
    assert "d. permohonan ditanggapi tidak sebagaimana yang diminta" in text
    assert "Nama penerima beasiswa sudah diumumkan sekolah." in text  # the requester's reason
    assert "Keberatan diterima: PPID wajib memenuhi" in text
    assert "Nama penerima beasiswa bukan informasi yang dikecualikan." in text
    assert "Berikan daftar nama penerima per sekolah tanpa NIK dan alamat." in text
    assert "Jumat, 24 April 2026" in text  # comply by
    assert "Penyelesaian secara musyawarah : Tidak" in text
    assert "Bandung, 10 April 2026" in text
    assert "Rina Wulandari" in text
    assert "Komisi Informasi" in text and "14 (empat belas) hari kerja" in text
    assert "Pasal 37 ayat 2" in text
    assert "Kamis, 30 April 2026" in text  # 14 working days from 10 April, skipping the weekends
    assert "3273015505900001" not in re.sub(r"\s", "", text)


def test_render_objection_decision_refuses_an_undecided_objection(objection):
    with pytest.raises(ValueError, match="not been decided"):
        letters.render_objection_decision(objection)


# --- Disputes ----------------------------------------------------------------------------------------------------
def test_a_dispute_is_registered_after_the_decision_and_its_windows_are_shown(client, world, objection):
    register = reverse("frontend:dispute_register", args=[objection.pk])
    register_form = f'action="{register}#'
    with at(2026, 4, 6, 10):
        client.force_login(world.officer)
        html = client.get(detail_url(objection)).content.decode()
        assert register_form not in html  # the Atasan has not answered and the 30 days are running
    with at(2026, 4, 10, 14):
        s.objection_decide(
            objection_id=objection.pk, actor=world.atasan, outcome="upheld", reasons="Pengecualian tepat."
        )
    with at(2026, 4, 20, 10):
        client.force_login(world.officer)
        assert register_form in client.get(detail_url(objection)).content.decode()
        resp = client.post(
            register,
            {
                "ki-commission": "Komisi Informasi Provinsi Jawa Barat",
                "ki-ki_register_number": "005/IV/KI-JBR-PS/2026",
                "ki-filed_on": "2026-04-20",
                "ki-notice_received_on": "",
            },
        )
        assert resp.status_code == 302
        html = client.get(detail_url(objection)).content.decode()
    dispute = Dispute.objects.get()
    assert dispute.objection == objection and dispute.recorded_by == world.officer
    sengketa = section(html, "sengketa-h")
    assert "005/IV/KI-JBR-PS/2026" in sengketa
    windows = section(html, "tenggat-sengketa-h")
    assert "Pengajuan sengketa ke Komisi Informasi" in windows
    assert "KI memulai penyelesaian sengketa" in windows
    assert "Dipenuhi tepat waktu" in windows  # filed within the 14 working days
    assert "<details" in windows and "hari ke-0" in windows  # how each window was counted
    assert register_form not in html  # recorded once


def test_dispute_progress_sends_only_what_changed_and_hearings_are_added(client, world, decided):
    with at(2026, 4, 20, 10):
        dispute = s.dispute_register(
            objection_id=decided.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="005/IV/KI-JBR-PS/2026",
            filed_on=D(2026, 4, 20),
        )
    with at(2026, 5, 6, 10):
        client.force_login(world.atasan)
        html = client.get(detail_url(decided)).content.decode()
        data = {
            name: value for name, value in re.findall(r'name="(sengketa-[a-z_]+)"[^>]*value="([^"]*)"', html)
        }
        data.update({"sengketa-first_hearing_on": "2026-05-05", "sengketa-reason": "Relaas diterima."})
        resp = client.post(reverse("frontend:dispute_update", args=[decided.pk]), data)
        assert resp.status_code == 302
        resp = client.post(
            reverse("frontend:dispute_hearing", args=[decided.pk]),
            {
                "sidang-held_on": "2026-05-05",
                "sidang-kind": "preliminary",
                "sidang-notes": "Para pihak hadir.",
            },
        )
        assert resp.status_code == 302
        html = client.get(detail_url(decided)).content.decode()
    dispute.refresh_from_db()
    assert dispute.first_hearing_on == D(2026, 5, 5)
    update = Event.objects.for_object(dispute).get(action="dispute.updated")
    assert list(update.details) == ["first_hearing_on"] and update.reason == "Relaas diterima."
    assert "Pemeriksaan awal" in html and "Para pihak hadir." in html


def test_a_bad_dispute_date_keeps_the_form_with_the_error(client, world, decided):
    with at(2026, 4, 20, 10):
        client.force_login(world.officer)
        resp = client.post(
            reverse("frontend:dispute_register", args=[decided.pk]),
            {
                "ki-commission": "KI Jawa Barat",
                "ki-ki_register_number": "006/IV/KI-JBR-PS/2026",
                "ki-filed_on": "2026-05-20",
            },
        )
    assert resp.status_code == 200
    assert "Tanggal tidak boleh di masa depan." in resp.content.decode()
    assert not Dispute.objects.exists()


def test_the_requester_sees_the_dispute_but_cannot_record_it(client, world, decided):
    with at(2026, 4, 20, 10):
        client.force_login(world.citizen)
        html = client.get(detail_url(decided)).content.decode()
        assert f'action="{reverse("frontend:dispute_register", args=[decided.pk])}#' not in html
        assert "Pengajuan sengketa ke Komisi Informasi" in html
        resp = client.post(
            reverse("frontend:dispute_register", args=[decided.pk]),
            {"ki-commission": "KI", "ki-ki_register_number": "1/KI", "ki-filed_on": "2026-04-20"},
        )
    assert resp.status_code == 403
    assert not Dispute.objects.exists()


# --- Officer: a written objection received offline ----------------------------------------------------------
def test_an_officer_records_an_offline_objection_in_the_agency_zone(client, world, refused):
    url = reverse("frontend:objection_offline", args=[refused.pk])
    with at(2026, 4, 2, 10):
        client.force_login(world.citizen)
        assert client.get(url).status_code == 403
        client.force_login(world.officer)
        html = client.get(url).content.decode()
        assert offered_grounds(html) == set("abcdefg")  # all letters: the service checks the fit
        resp = client.post(
            url,
            {
                "received_at": "2026-04-01T15:30",
                "channel": "post",
                "grounds": ["a"],
                "reason": "Surat keberatan tertanggal 30 Maret 2026.",
                "proxy_name": "LBH Bandung",
                "submission_key": str(uuid.uuid4()),
            },
        )
    objection = Objection.objects.get()
    assert resp.status_code == 302 and resp.url == detail_url(objection)
    assert objection.received_at == dt.datetime(2026, 4, 1, 15, 30, tzinfo=WIB)
    assert objection.channel == "post" and objection.requester == world.citizen
    assert objection.proxy_name == "LBH Bandung"


# --- The combined timeline -------------------------------------------------------------------------------------
def test_the_request_page_tells_the_whole_story_in_order(client, world, decided):
    with at(2026, 4, 13, 10):
        client.force_login(world.citizen)
        html = client.get(reverse("frontend:request_detail", args=[decided.request.pk])).content.decode()
        client.force_login(world.officer)
        staff_html = client.get(
            reverse("frontend:request_detail", args=[decided.request.pk])
        ).content.decode()
    story = section(html, "riwayat-h")
    steps = [
        "Permohonan didaftarkan",
        "Mulai diproses",
        "Pemberitahuan tertulis diberikan",
        "Keberatan didaftarkan",
        "Atasan PPID menanggapi keberatan",
    ]
    positions = [story.index(step) for step in steps]
    assert positions == sorted(positions)
    assert decided.registration_number in story
    assert "Terdaftar → Sudah ditanggapi" in story  # the objection's states, in words
    assert "Batas waktu pemberitahuan tertulis" in story and "Dipenuhi tepat waktu" in story
    assert "Pengajuan sengketa ke Komisi Informasi" in story
    assert "<details" in story
    assert "atasan" not in story  # who acted is for staff
    assert "Oleh: atasan" in section(staff_html, "riwayat-h")


def test_an_offline_objection_on_ground_b_names_the_berkala_dip_item(client, world, refused):
    from tests.register_helpers import published_item

    url = reverse("frontend:objection_offline", args=[refused.pk])
    with at(2026, 4, 2, 10):
        item = published_item(world, made_on=None, title="Laporan Keuangan Semester II 2025")
        client.force_login(world.officer)
        assert "Laporan Keuangan Semester II 2025" in client.get(url).content.decode()
        resp = client.post(
            url,
            {
                "received_at": "2026-04-01T15:30",
                "channel": "post",
                "grounds": ["b"],
                "dip_choice": str(item.pk),
                "reason": "Laporan keuangan tidak diperbarui.",
                "submission_key": str(uuid.uuid4()),
            },
        )
    objection = Objection.objects.get()
    assert resp.status_code == 302 and objection.dip_item == item and not objection.dip_item_absent
