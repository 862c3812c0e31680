"""Deadline explanations are built when a page is shown, in the viewer's language and with dates written out, not
in the language of whoever filed the request (the stored text stays for the API and old rows)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from ppid import services as s
from ppid.models import InformationRequest, Objection

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def steps_section(html: str) -> str:
    return html.split('id="tenggat-h"', 1)[1].split("</section>", 1)[0]


def page(client, user, url, language=None):
    client.force_login(user)
    if language:
        client.cookies["django_language"] = language
    return client.get(url).content.decode()


@pytest.fixture
def filed_in_indonesian(world, file_request):
    """Filed Friday 13 March 2026 while Indonesian was active: Nyepi and Idul Fitri fall in the count; due 6 April."""
    with at(2026, 3, 13, 10), translation.override("id"):
        return file_request()


def test_request_filed_in_indonesian_is_explained_in_english_to_an_english_viewer(
    client, world, filed_in_indonesian
):
    assert "hari ke-0" in filed_in_indonesian.deadline_log[0]["explanation"]  # stored as worded at filing
    with at(2026, 3, 16, 9):
        html = page(
            client, world.citizen, reverse("frontend:request_detail", args=[filed_in_indonesian.pk]), "en"
        )
    steps = steps_section(html)
    assert "Received 13 March 2026 (day 0). 10 working days counted" in steps
    assert "14 March 2026 skipped: Saturday" in steps and "15 March 2026 skipped: Sunday" in steps
    assert "National holiday: " in steps
    assert "Due on 6 April 2026 at 23:59 WIB." in steps
    assert "hari ke-0" not in steps and "dilewati" not in steps and "2026-03-13" not in steps


def test_request_filed_in_english_is_explained_in_indonesian_to_an_indonesian_viewer(
    client, world, file_request
):
    with at(2026, 3, 13, 10), translation.override("en"):
        request = file_request()
    assert "day 0" in request.deadline_log[0]["explanation"]
    with at(2026, 3, 16, 9):
        html = page(client, world.citizen, reverse("frontend:request_detail", args=[request.pk]))
    steps = steps_section(html)
    assert "Diterima 13 Maret 2026 (hari ke-0). Dihitung 10 hari kerja" in steps
    assert "14 Maret 2026 dilewati: Sabtu" in steps and "Libur nasional: " in steps
    assert "Jatuh tempo 6 April 2026 pukul 23.59 WIB." in steps
    assert "Received" not in steps and "skipped" not in steps


def test_the_extension_counts_from_the_original_due_date_not_from_a_receipt(client, world, file_request):
    with at(2026, 7, 6, 10):  # Monday: due Monday 20 July; the extension adds seven working days, to 29 July
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_extend(
            request_id=request.pk, actor=world.officer, reason="Tersebar di tiga unit."
        )
        html = page(client, world.citizen, reverse("frontend:request_detail", args=[request.pk]))
    steps = steps_section(html)
    assert "Perpanjangan 7 hari kerja dihitung sejak batas waktu semula 20 Juli 2026" in steps
    assert "Diterima 20 Juli 2026" not in steps  # the original due date is not a receipt date
    assert "Diterima 6 Juli 2026 (hari ke-0)" in steps  # the first step still counts from receipt
    assert "Jatuh tempo 29 Juli 2026" in steps


def test_a_stored_step_without_the_counting_data_shows_its_stored_text(client, world, file_request):
    with at(2026, 7, 6, 10):
        request = file_request()
    InformationRequest.objects.filter(pk=request.pk).update(
        deadline_log=[
            {"step": "initial", "due_date": "2026-07-20", "explanation": "Teks lama yang tersimpan."}
        ]
    )
    with at(2026, 7, 7, 10):
        html = page(client, world.citizen, reverse("frontend:request_detail", args=[request.pk]), "en")
    assert "Teks lama yang tersimpan." in steps_section(html)


def test_objection_grounds_and_deadline_follow_the_viewer_language(client, world, filed_in_indonesian):
    with at(2026, 3, 25, 10), translation.override("id"):
        s.information_request_process(request_id=filed_in_indonesian.pk, actor=world.officer)
        s.information_request_respond(
            request_id=filed_in_indonesian.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi penerima.",
        )
    with at(2026, 4, 1, 10), translation.override("id"):
        objection = s.objection_file(
            requester=world.citizen,
            request_id=filed_in_indonesian.pk,
            grounds=["a", "d"],
            reason="Sudah diumumkan.",
        )
    assert (
        "pemberitahuan tertulis" in objection.ground_windows["a"]["arose_because"]
    )  # stored as worded at filing
    url = reverse("frontend:objection_detail", args=[objection.pk])
    with at(2026, 4, 2, 10):
        english = page(client, world.citizen, url, "en")
        client.cookies.pop("django_language")
        indonesian = page(client, world.citizen, url)
    assert "Arose from the written notice dated 25 March 2026;" in english
    assert "Muncul karena" not in english and "pemberitahuan tertulis tanggal" not in english
    assert (
        "Received 1 April 2026 (day 0)." in english and "hari ke-0" not in english.split('id="riwayat-h"')[0]
    )
    assert "Muncul karena pemberitahuan tertulis tanggal 25 Maret 2026;" in indonesian
    assert "Diterima 1 April 2026 (hari ke-0)." in indonesian


def test_objection_rows_stored_before_the_kind_was_kept_show_their_stored_reason(
    client, world, filed_in_indonesian
):
    with at(2026, 3, 25, 10):
        s.information_request_process(request_id=filed_in_indonesian.pk, actor=world.officer)
        s.information_request_respond(
            request_id=filed_in_indonesian.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi penerima.",
        )
    with at(2026, 4, 1, 10):
        objection = s.objection_file(
            requester=world.citizen,
            request_id=filed_in_indonesian.pk,
            grounds=["a"],
            reason="Sudah diumumkan.",
        )
    windows = {"a": {k: v for k, v in objection.ground_windows["a"].items() if k != "arose_kind"}}
    windows["a"]["arose_because"] = "alasan lama"
    Objection.objects.filter(pk=objection.pk).update(ground_windows=windows)
    with at(2026, 4, 2, 10):
        html = page(client, world.citizen, reverse("frontend:objection_detail", args=[objection.pk]))
    assert "Muncul karena alasan lama;" in html


def test_the_timeline_explains_its_deadlines_in_the_viewers_language_too(client, world, filed_in_indonesian):
    with at(2026, 3, 16, 9):
        html = page(
            client, world.citizen, reverse("frontend:request_detail", args=[filed_in_indonesian.pk]), "en"
        )
    explanations = html.split('class="tl-explain"')[1:]
    assert explanations, "the timeline shows how its deadline was counted"
    first = explanations[0].split("</details>", 1)[0]
    assert "Received 13 March 2026 (day 0)" in first and "hari ke-0" not in first
