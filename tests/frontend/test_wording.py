"""Wording (issue 13, point 17): one spelling of "e-mail", one date and time format per language and no
Indonesian date in English text, "kata sandi Anda", true state messages on the profile page, and a true
sentence about letter case on the complaint pages."""

import datetime as dt
import html as html_lib
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from notifications.models import Notification
from notifications.reminders import run_deadline_jobs

WIB = ZoneInfo("Asia/Jakarta")
ID_MONTHS = ("Januari", "Februari", "Maret", "Mei", "Juni", "Juli", "Agustus", "Oktober", "Desember")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def english(client):
    client.cookies["django_language"] = "en"
    return client


def visible_text(page: str) -> str:
    """What a reader sees: the body without tags, scripts or attribute values."""
    body = page.split("<body", 1)[-1]
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


# --- dates and times ------------------------------------------------------------------------------------------
def test_dates_and_times_have_one_format_per_language(client, world, file_request):
    with at(2026, 7, 6, 10, 5):
        request = file_request()
    client.force_login(world.officer)
    with at(2026, 7, 7, 9):
        queue = client.get("/antrean/").content.decode()
        notifications = client.get("/notifikasi/").content.decode()
        detail = client.get(f"/permohonan/{request.pk}/").content.decode()
    due = request.due_date
    id_due = f"{due.day} {['Juli', 'Agustus'][due.month - 7]} {due.year}"
    assert id_due in queue  # the queue spells the month out like every other page
    assert "6 Juli 2026, 10.05" in notifications  # not "6 Jul 2026 10:05"
    assert "6 Juli 2026, 10.05" in detail

    english(client)
    with at(2026, 7, 7, 9):
        queue = client.get("/antrean/").content.decode()
        notifications = client.get("/notifikasi/").content.decode()
        detail = client.get(f"/permohonan/{request.pk}/").content.decode()
    en_due = f"{due.day} {['July', 'August'][due.month - 7]} {due.year}"
    assert en_due in queue
    assert "6 July 2026, 10:05" in notifications  # the English clock, not "10.05"
    assert "6 July 2026, 10:05" in detail
    for page in (queue, notifications, detail):
        text = visible_text(page)
        assert not [m for m in ID_MONTHS if re.search(rf"\b{m}\b", text)], (
            "an Indonesian month in English text"
        )


def test_a_reminder_in_english_has_an_english_date(world, file_request):
    world.officer.preferred_language = "en"
    world.officer.save(update_fields=["preferred_language"])
    with at(2026, 7, 6, 10):
        request = file_request()  # due Monday 20 July
    with at(2026, 7, 21, 9):
        run_deadline_jobs()
    english_message = Notification.objects.get(recipient=world.officer, kind="reminder.overdue").message
    indonesian_message = Notification.objects.get(recipient=world.head, kind="reminder.overdue").message
    assert english_message == f"{request.registration_number} has passed its deadline of 20 July 2026."
    assert indonesian_message == f"{request.registration_number} melewati batas waktu 20 Juli 2026."
    stored = Notification.objects.get(recipient=world.officer, kind="reminder.overdue").params
    assert stored["due"] == "2026-07-20"


# --- "e-mail" and "kata sandi Anda" -----------------------------------------------------------------------------
def _account_pages(client, world, language="id"):
    """The pages where Django's own strings (field labels, validators) meet ours, with their errors shown."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    client.logout()  # which also forgets the language cookie
    client.cookies["django_language"] = language
    pages = {
        "signup": client.post("/akun/daftar/", {"email": "bukan", "password1": "123", "password2": "1"}),
        "reset": client.post("/akun/lupa-sandi/", {"email": "bukan-alamat"}),
    }
    uid = urlsafe_base64_encode(force_bytes(world.citizen.pk))
    token = default_token_generator.make_token(world.citizen)
    landed = client.get(f"/akun/sandi-baru/{uid}/{token}/", follow=True)
    set_url = (
        landed.redirect_chain[-1][0] if landed.redirect_chain else f"/akun/sandi-baru/{uid}/set-password/"
    )
    pages["new-password"] = client.post(set_url, {"new_password1": "12345", "new_password2": "12345"})
    client.force_login(world.admin)
    client.cookies["django_language"] = language
    pages["staff"] = client.post(f"/kelola/{world.agency.slug}/staf/", {"email": "bukan"})
    return {name: visible_text(resp.content.decode()) for name, resp in pages.items()}


@pytest.mark.parametrize("language", ["id", "en"])
def test_one_spelling_of_e_mail_on_every_account_page(client, world, language):
    texts = _account_pages(client, world, language)
    for name, text in texts.items():
        other = re.findall(r"(?<![eE]-)\b(?:[Ee]mail|EMAIL)\b", text)
        assert not other, f"{name} ({language}) spells it {other}: one spelling, e-mail"
    assert ("Enter a valid e-mail address." if language == "en" else "alamat e-mail yang benar") in texts[
        "reset"
    ]


def test_password_wording_is_kata_sandi_anda(client, world):
    texts = _account_pages(client, world)
    text = texts["new-password"]
    assert "Kata sandi Anda tidak boleh terlalu mirip" in text  # was "Sandi anda tidak dapat terlalu mirip"
    assert "Kata sandi baru" in text
    for name, page in texts.items():
        assert not re.search(r"\banda\b", page), f"{name}: 'Anda' is written with a capital"
        assert not re.search(r"(?<![Kk]ata )\b[Ss]andi\b", page), f"{name}: 'kata sandi', not 'sandi'"


# --- the complaint pages say the truth about letter case ------------------------------------------------------
def test_the_code_is_not_case_sensitive_and_the_pages_say_so(client, world):
    from complaints import services as c

    with at(2026, 7, 6, 10):
        filed_url = client.post(
            "/pengaduan/baru/",
            {
                "agency": world.agency.pk,
                "category": "health",
                "title": "Antrean puskesmas",
                "description": "Menunggu 5 jam tanpa kepastian",
                "anonymous": "True",
                "submission_key": "6f1c2a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f",
            },
        ).url
        filed = client.get(filed_url).content.decode()
    complaint = c.Complaint.objects.get()
    code = re.findall(r'<dd class="mono big-code">([^<]+)</dd>', filed)[1]
    # What the code does: any case, with or without the hyphens, for the number too.
    typed = code.lower().replace("-", "")
    assert c.complaint_track(tracking_number=complaint.tracking_number.lower(), code=typed) == complaint
    assert "dibedakan." not in visible_text(filed).replace("tidak dibedakan", "")
    assert "Huruf besar dan kecil tidak dibedakan" in filed
    track = client.get("/pengaduan/lacak/").content.decode()
    assert "Huruf besar dan kecil tidak dibedakan" in track
    wrong = client.post("/pengaduan/lacak/", {"tracking_number": complaint.tracking_number, "code": "SALAH"})
    text = visible_text(wrong.content.decode())
    assert "termasuk huruf besar dan kecil" not in text
    assert "dibedakan." not in text.replace("tidak dibedakan", "")
    english(client)
    track = visible_text(client.get("/pengaduan/lacak/").content.decode())
    assert "Upper and lower case are not distinguished" in track


# --- the profile page's state messages are true -------------------------------------------------------------
def test_a_complete_profile_is_ready_to_file_with_its_button(client, world):
    client.force_login(world.citizen)
    page = client.get("/akun/profil/").content.decode()
    assert "Siap mengajukan permohonan" in page
    assert re.search(r'<a class="button" href="/permohonan/baru/">Ajukan permohonan</a>', page)


def test_an_incomplete_profile_says_exactly_what_is_missing(client, world):
    from tests.factories import UserFactory

    user = UserFactory()  # e-mail confirmed, no profile yet
    client.force_login(user)
    page = visible_text(client.get("/akun/profil/").content.decode())
    assert "Belum dapat mengajukan permohonan" in page
    assert "Lengkapi profil di bawah ini" in page
    assert "konfirmasi" not in page.lower()  # the e-mail is confirmed already: do not ask for it
    assert 'href="/permohonan/baru/"' not in client.get("/akun/profil/").content.decode()

    # An individual without a NIK (a profile kept from before NIKs were asked): the NIK is what is missing.
    from accounts.models import CitizenProfile

    CitizenProfile.objects.create(
        user=user, requester_type="individual", name="Budi", address="Jl. Merdeka 1"
    )
    page = visible_text(client.get("/akun/profil/").content.decode())
    assert "Isi NIK" in page

    # Unconfirmed e-mail with a complete profile: only the confirmation is missing.
    world.citizen.email_confirmed_at = None
    world.citizen.save(update_fields=["email_confirmed_at"])
    client.force_login(world.citizen)
    page = visible_text(client.get("/akun/profil/").content.decode())
    assert "Konfirmasi alamat e-mail Anda" in page
    assert "Lengkapi profil" not in page


def test_the_nik_is_marked_required_and_the_entity_number_is_only_for_legal_entities(client, world):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    page = client.get("/akun/profil/").content.decode()
    nik_label = re.search(r'<label for="id_nik">(.*?)</label>', page, re.S).group(1)
    assert "wajib bagi perorangan dan kelompok orang" in nik_label
    entity_label = re.search(r'<label for="id_entity_number">(.*?)</label>', page, re.S).group(1)
    assert "khusus badan hukum" in entity_label
    # Typed by an individual, it is not kept and not shown as theirs.
    client.post(
        "/akun/profil/",
        {
            "requester_type": "individual",
            "name": "Budi",
            "address": "Jl. Merdeka 1",
            "nik": "3273015505900001",
            "entity_number": "AHU-0001",
        },
    )
    page = client.get("/akun/profil/").content.decode()
    assert "AHU-0001" not in page
    assert "Nomor SK badan hukum" not in page.split("<h2>", 1)[0]

    # With a NIK stored, it is no longer required: the label says it is kept.
    nik_label = re.search(r'<label for="id_nik">(.*?)</label>', page, re.S).group(1)
    assert "wajib" not in nik_label
    assert "Kosongkan jika tidak ingin mengubah NIK yang tersimpan." in page


def test_the_profile_state_in_english(client, world):
    english(client)
    client.force_login(world.citizen)
    page = client.get("/akun/profil/").content.decode()
    assert "Ready to submit requests" in page and ">File a request</a>" in page
