"""Issue 17 point 6: an agency's administrators reword the letters' opening, rights paragraph and closing in a safe
placeholder language; what the law requires stays; every version is kept and each letter prints its own."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from agencies.models import StaffRole
from audit.models import Event
from letters import events
from letters.kinds import LetterKind
from letters.models import IssuedLetter, LetterTemplate
from letters.services import letter_of, letter_render, letter_template_save
from letters.templates_text import KINDS, NOTICE_RIGHTS, default_texts, render_text
from ppid import letters
from ppid import services as s
from ppid.letter_samples import render_template_preview
from ppid.models import InformationRequest
from tests.factories import make_staff
from tests.ppid.test_letters import pdf_text

WIB = ZoneInfo("Asia/Jakarta")
NEW_RIGHTS = (
    "Bila Saudara keberatan atas pemberitahuan ini, ajukan keberatan tertulis kepada Atasan PPID "
    "{nama_badan_publik} paling lambat 30 (tiga puluh) hari kerja. Nomor Saudara: {nomor_registrasi}."
)


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def notice_texts(**changes):
    return {**default_texts(LetterKind.NOTICE), **changes}


def save(world, kind=LetterKind.NOTICE, actor=None, reason="Penyesuaian gaya bahasa", **changes):
    return letter_template_save(
        agency=world.agency,
        kind=kind,
        texts={**default_texts(kind), **changes},
        actor=actor or world.admin,
        reason=reason,
    )


def responded(world, file_request, day: int):
    with at(2026, 11, day, 10):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk, actor=world.officer, decision="granted", provided_information="Salinan DPA"
        )
    return InformationRequest.objects.get(pk=request.pk)


# -- the placeholder language ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Yth. {{ info_request.requester_name }}",
        "{% load static %}Surat",
        "{# komentar #}",
        "Nama: {nama_pemohon.__class__}",
        "Nama: {nama_pemohon!r}",
        "Nama: {nama_pemohon:>40}",
        "Nama: {0}",
        "Nama: { nama_pemohon }",
        "Nomor: {nomor_rekening}",
        "Kurung tak berpasangan { di sini",
    ],
)
def test_template_code_and_unknown_placeholders_are_refused_on_save_and_nothing_is_stored(world, text):
    with pytest.raises(ValidationError) as exc:
        save(world, opening=text)

    assert "opening" in exc.value.message_dict
    assert LetterTemplate.objects.count() == 0
    assert not Event.objects.filter(action=events.LETTER_TEMPLATE_SAVED).exists()


def test_the_refusal_names_the_unknown_placeholder_and_what_may_be_used(world):
    with pytest.raises(ValidationError) as exc:
        save(world, opening="Nama: {nama_pemohon.__class__}")

    (message,) = exc.value.message_dict["opening"]
    assert "{nama_pemohon.__class__}" in message
    assert "{nama_pemohon}" in message and "{nomor_registrasi}" in message


def test_html_is_printed_literally_and_a_value_that_looks_like_a_placeholder_is_not_substituted_again():
    html = render_text(
        "<script>alert(1)</script> Yth. {nama_pemohon}, {nomor_registrasi} {tidak_ada}",
        {"nama_pemohon": "{nomor_registrasi} <b>Siti</b>", "nomor_registrasi": "REG/1"},
    )

    assert "<script>" not in html and "<b>" not in html
    assert html == (
        "&lt;script&gt;alert(1)&lt;/script&gt; Yth. {nomor_registrasi} &lt;b&gt;Siti&lt;/b&gt;, "
        '<span class="nobr">REG/1</span> {tidak_ada}'
    )


def test_a_script_tag_saved_in_a_text_is_printed_as_text_in_the_letter(world):
    save(world, closing="<script>alert('x')</script> Demikian, {nama_pemohon}.")

    text = pdf_text(
        render_template_preview(
            agency=world.agency,
            kind=LetterKind.NOTICE,
            texts=LetterTemplate.objects.get().texts,
            actor=world.admin,
        )
    )

    assert "<script>alert('x')</script> Demikian, Nama Pemohon (contoh)." in text


# -- what the law requires -------------------------------------------------------------------------------------


def test_removing_a_required_phrase_is_refused_and_stores_nothing(world):
    without_days = NOTICE_RIGHTS.replace("30 (tiga puluh) hari kerja", "beberapa waktu")
    without_atasan = NOTICE_RIGHTS.replace("Atasan PPID", "kami")

    for rights in (without_days, without_atasan, ""):
        with pytest.raises(ValidationError) as exc:
            save(world, rights=rights)
        assert "rights" in exc.value.message_dict

    with pytest.raises(ValidationError) as exc:
        save(world, rights=without_days)
    assert "30 (tiga puluh) hari kerja" in exc.value.message_dict["rights"][0]
    assert LetterTemplate.objects.count() == 0


def test_the_decision_keeps_the_komisi_informasi_its_14_working_days_and_the_last_day(world):
    rights = default_texts(LetterKind.OBJECTION_DECISION)["rights"]

    for broken in (
        rights.replace("14 (empat belas) hari kerja", "dua minggu"),
        rights.replace("Komisi Informasi", "pengadilan"),
        rights.replace("{kalimat_batas_waktu}", ""),
    ):
        with pytest.raises(ValidationError):
            save(world, kind=LetterKind.OBJECTION_DECISION, rights=broken)
    assert LetterTemplate.objects.count() == 0


def test_a_reason_is_required_and_an_unchanged_text_is_not_a_new_version(world):
    with pytest.raises(ValidationError) as exc:
        save(world, reason="  ", rights=NEW_RIGHTS)
    assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError):
        save(world)  # the defaults as they are
    assert LetterTemplate.objects.count() == 0


# -- versions --------------------------------------------------------------------------------------------------


def test_each_save_makes_the_next_version_and_is_audited(world):
    first = save(world, rights=NEW_RIGHTS, reason="Bahasa lebih sederhana")
    second = save(world, rights=NEW_RIGHTS, closing="Demikian disampaikan.", reason="Penutup")
    save(world, kind=LetterKind.RECEIPT, opening="Tanda bukti untuk {nama_pemohon}.")

    assert (first.version, second.version) == (1, 2)
    assert LetterTemplate.objects.get(kind=LetterKind.RECEIPT).version == 1
    event = Event.objects.filter(action=events.LETTER_TEMPLATE_SAVED).order_by("pk")[1]
    assert event.actor == world.admin
    assert event.reason == "Penutup"
    assert event.details == {"kind": "notice", "version": 2, "changed": ["closing"]}


def test_a_letter_issued_before_a_change_keeps_its_wording_and_a_new_one_uses_the_new(world, file_request):
    before = responded(world, file_request, 2)
    old_letter = letter_of(before, LetterKind.NOTICE)
    assert old_letter.template_version is None and not old_letter.pdf  # rendered later, by the worker

    version = save(world, rights=NEW_RIGHTS)
    after = responded(world, file_request, 3)
    new_letter = letter_of(after, LetterKind.NOTICE)
    letter_render(old_letter.pk)  # the worker renders the old letter only now

    old_text = pdf_text(letters.render_notice(before, viewer=world.citizen))
    old_copy = pdf_text(letters.render_notice(before, viewer=world.auditor))
    new_text = pdf_text(letters.render_notice(after, viewer=world.citizen))

    assert new_letter.template_version == version
    for text in (old_text, old_copy):
        assert "misalnya sejak pemberitahuan ini diterima" in text
        assert "Bila Saudara keberatan" not in text
    assert (
        "Bila Saudara keberatan atas pemberitahuan ini, ajukan keberatan tertulis kepada Atasan PPID Diskominfo"
        in (new_text)
    )
    assert f"Nomor Saudara: {after.registration_number}." in new_text
    assert "misalnya sejak pemberitahuan ini diterima" not in new_text


def test_a_later_version_changes_no_letter_that_recorded_an_earlier_one(world, file_request):
    save(world, rights=NEW_RIGHTS)
    request = responded(world, file_request, 2)
    html_before = letters.render_issued_letter(letter_of(request, LetterKind.NOTICE))

    save(world, rights=NEW_RIGHTS.replace("Bila Saudara", "Jika Saudara"))

    assert (
        letters.render_issued_letter(IssuedLetter.objects.get(pk=letter_of(request, "notice").pk))
        == html_before
    )


# -- who may change them ---------------------------------------------------------------------------------------


def test_only_the_agencys_administrators_may_save(world):
    other_admin = make_staff(world.other_utama, StaffRole.ADMIN, username="admin-lain")
    for actor in (world.officer, world.head, world.atasan, world.auditor, world.outsider, other_admin):
        with pytest.raises(PermissionDenied):
            save(world, actor=actor, rights=NEW_RIGHTS)
    assert LetterTemplate.objects.count() == 0


def test_pages_admin_saves_a_version_and_sees_it_in_the_history(client, world):
    client.force_login(world.admin)
    url = reverse("frontend:letter_template_edit", args=[world.agency.slug, "notice"])

    page = client.get(url)
    assert page.status_code == 200
    assert "{nama_badan_publik}" in page.content.decode()

    answer = client.post(url, {**notice_texts(rights=NEW_RIGHTS), "reason": "Bahasa lebih sederhana"})

    assert answer.status_code == 302
    assert LetterTemplate.objects.get().texts["rights"] == NEW_RIGHTS
    history = client.get(url).content.decode()
    assert "Versi 1" in history and "Bahasa lebih sederhana" in history
    listing = client.get(reverse("frontend:letter_templates", args=[world.agency.slug])).content.decode()
    assert "Versi 1" in listing


def test_pages_bad_input_is_shown_and_nothing_is_stored(client, world):
    client.force_login(world.admin)
    url = reverse("frontend:letter_template_edit", args=[world.agency.slug, "notice"])

    answer = client.post(url, {**notice_texts(opening="Yth. {{ user.password }}"), "reason": "uji"})

    assert answer.status_code == 400
    assert "Kode templat" in answer.content.decode()
    assert LetterTemplate.objects.count() == 0


def test_pages_every_text_says_what_is_wrong_at_once(client, world):
    client.force_login(world.admin)
    url = reverse("frontend:letter_template_edit", args=[world.agency.slug, "objection_decision"])

    answer = client.post(url, {"opening": "Yth. {nama_pemohon.__class__}", "rights": "", "reason": "uji"})

    html = answer.content.decode()
    assert answer.status_code == 400
    assert "{nama_pemohon.__class__}" in html and "Placeholder tidak dikenal" in html
    assert "Teks ini wajib diisi" in html
    assert LetterTemplate.objects.count() == 0


def test_pages_others_may_not_save_and_other_agencies_do_not_exist(client, world):
    url = reverse("frontend:letter_template_edit", args=[world.agency.slug, "notice"])
    data = {**notice_texts(rights=NEW_RIGHTS), "reason": "uji"}

    client.force_login(world.officer)
    assert client.get(url).status_code == 200  # staff read the texts in force
    assert client.post(url, data).status_code == 403
    assert client.post(url, {**data, "pratinjau": "1"}).status_code == 403

    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, data).status_code == 404
    assert client.get(reverse("frontend:letter_templates", args=[world.agency.slug])).status_code == 404

    client.force_login(world.admin)
    assert (
        client.get(reverse("frontend:letter_template_edit", args=[world.agency.slug, "nope"])).status_code
        == 404
    )
    assert LetterTemplate.objects.count() == 0


# -- preview ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", LetterKind.values)
def test_the_preview_is_a_sample_letter_marked_pratinjau_with_the_unsaved_texts(client, world, kind):
    client.force_login(world.admin)
    url = reverse("frontend:letter_template_edit", args=[world.agency.slug, kind])
    texts = {**default_texts(kind), "closing": "Demikian, {nama_badan_publik} {nomor_surat}."}

    answer = client.post(url, {**texts, "pratinjau": "1"})

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"
    text = pdf_text(answer.content)
    assert "PRATINJAU" in text
    assert "Demikian, Diskominfo PRATINJAU." in text
    assert LetterTemplate.objects.count() == 0


@pytest.mark.parametrize("kind", LetterKind.values)
def test_every_placeholder_a_kind_offers_is_filled_in_its_letter(world, kind):
    every = " ".join(f"[{{{name}}}]" for name in KINDS[kind].placeholders)

    text = pdf_text(
        render_template_preview(
            agency=world.agency, kind=kind, texts={**default_texts(kind), "closing": every}, actor=world.admin
        )
    )

    assert "{" not in text and "[]" not in text
    assert "[Diskominfo]" in text


def test_a_preview_of_a_broken_text_shows_the_errors_instead(client, world):
    client.force_login(world.admin)
    url = reverse("frontend:letter_template_edit", args=[world.agency.slug, "notice"])

    answer = client.post(url, {**notice_texts(rights="Tidak ada hak."), "pratinjau": "1"})

    assert answer.status_code == 400
    assert "wajib ada" in answer.content.decode()


def test_the_pages_speak_english_too(client, world):
    client.force_login(world.admin)
    client.cookies["django_language"] = "en"

    html = client.get(
        reverse("frontend:letter_template_edit", args=[world.agency.slug, "notice"])
    ).content.decode()

    assert "Placeholders you may use" in html
    assert "Save as a new version" in html
