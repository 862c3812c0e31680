"""Complaint pages: filing with and without an account, tracking with the secret code, the reporter's and the
staff's detail page with its transitions, the queue, and above all that an anonymous reporter never shows."""

import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import Event
from complaints import services as c
from complaints.models import Complaint, ComplaintMessage, ComplaintState
from ppid.models import InformationRequest, RequestState
from tests.factories import CitizenProfileFactory

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
MONDAY = dt.datetime(2026, 7, 6, 10, 0, tzinfo=WIB)
TRACK = reverse("frontend:complaint_track")
FILE = reverse("frontend:complaint_file")
QUEUE = reverse("frontend:complaint_queue")
WRONG_CODE_MESSAGE = "Nomor pelacakan atau kode rahasia tidak cocok."


@pytest.fixture
def frozen():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf(name="bukti.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n", "application/pdf")


def filing_data(world, **overrides):
    data = {
        "agency": world.agency.pk,
        "service": "Rawat jalan",
        "category": "health",
        "title": "Antrean puskesmas",
        "description": "Menunggu 5 jam tanpa kepastian",
        "occurred_on": "2026-07-01",
        "location": "Puskesmas Sukajadi",
        "latitude": "-6.914744",
        "longitude": "107.609810",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def file(world, reporter="citizen", **kwargs):
    data = {
        "agency": world.agency,
        "title": "Antrean puskesmas",
        "description": "Menunggu 5 jam tanpa kepastian",
        "category": "health",
        "location": "Puskesmas Sukajadi",
    }
    data.update(kwargs)
    who = reporter if not isinstance(reporter, str) else getattr(world, reporter)
    return c.complaint_file(reporter=who, **data)


def handled(world, complaint):
    c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    return c.complaint_respond(
        complaint_id=complaint.pk, actor=world.pelaksana_officer, message="Petugas loket sudah ditegur"
    )


def detail_url(complaint):
    return reverse("frontend:complaint_detail", args=[complaint.pk])


def action_url(complaint, name):
    return reverse("frontend:complaint_action", args=[complaint.pk, name])


def tracked_post(client, complaint, code, action, **fields):
    data = {
        f"{action}-complaint": complaint.pk,
        f"{action}-tracking_number": complaint.tracking_number,
        f"{action}-tracking_code": code,
    }
    data.update({f"{action}-{k}": v for k, v in fields.items()})
    return client.post(reverse("frontend:complaint_track_action", args=[action]), data)


def error_block(html: str) -> str:
    return re.search(r'<div class="error-summary" role="alert">(.*?)</div>', html, re.S).group(1)


# --- Filing --------------------------------------------------------------------------------------------------
def test_citizen_files_and_lands_on_the_detail_with_the_tracking_number(client, world, frozen):
    client.force_login(world.citizen)
    form_page = client.get(FILE).content.decode()
    assert 'name="submission_key"' in form_page and 'type="checkbox" name="anonymous"' in form_page
    assert "tidak ditampilkan kepada siapa pun yang menangani" in form_page  # anonymity, explained
    assert "tidak pernah dipublikasikan" in form_page  # confidentiality, explained

    resp = client.post(FILE, filing_data(world, attachments=[pdf()]))

    complaint = Complaint.objects.get()
    assert resp.status_code == 302 and resp.url == detail_url(complaint)
    assert complaint.reporter == world.citizen and not complaint.anonymous
    assert str(complaint.latitude) == "-6.914744" and complaint.occurred_on == dt.date(2026, 7, 1)
    html = client.get(resp.url).content.decode()
    assert f"Pengaduan Anda terdaftar dengan nomor pelacakan {complaint.tracking_number}" in html
    assert "Antrean puskesmas" in html and "Menunggu verifikasi" in html
    assert "hari ke-0" in html  # each clock explained from the deadline log
    attachment = complaint.attachments.get()
    download = client.get(reverse("frontend:complaint_attachment", args=[complaint.pk, attachment.pk]))
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment")


def test_double_submit_by_a_citizen_files_one_complaint(client, world, frozen):
    client.force_login(world.citizen)
    data = filing_data(world)
    client.post(FILE, data)
    client.post(FILE, data)
    assert Complaint.objects.count() == 1


def test_bad_coordinates_keep_the_input_and_file_nothing(client, world, frozen):
    client.force_login(world.citizen)
    resp = client.post(FILE, filing_data(world, latitude="95", title="Judul yang tetap ada"))
    html = resp.content.decode()
    assert resp.status_code == 200 and "Koordinat tidak valid." in html
    assert 'value="Judul yang tetap ada"' in html
    assert not Complaint.objects.exists()


def test_a_future_incident_date_is_reported_with_the_other_errors_in_one_round(client, world, frozen):
    client.force_login(world.citizen)
    resp = client.post(FILE, filing_data(world, category="", occurred_on="2030-01-01"))
    html = resp.content.decode()
    assert resp.status_code == 200
    errors = error_block(html)
    assert "Tanggal kejadian tidak boleh di masa depan." in errors and "Pilih kategori pengaduan." in errors
    assert 'value="2030-01-01"' in html
    assert not Complaint.objects.exists()


SHOWN_ONCE = "Kode rahasia hanya ditampilkan sekali, saat pengaduan pertama kali dikirim"


def shown_code(html: str) -> str | None:
    """The secret code on the filed page, in any language: the second big code after the number."""
    found = re.findall(r'<dd class="mono big-code">([^<]+)</dd>', html)
    return found[1] if len(found) == 2 else None


def test_visitor_files_anonymously_and_sees_the_number_and_code_once(client, world, frozen):
    form_page = client.get(FILE).content.decode()
    assert "Pengaduan Anda otomatis anonim." in form_page
    assert 'type="checkbox" name="anonymous"' not in form_page  # forced on: a hidden value, explained

    resp = client.post(FILE, filing_data(world, anonymous="True"))

    complaint = Complaint.objects.get()
    assert resp.status_code == 303  # Post/Redirect/Get: a reload never sends the form again
    filed_url = resp.url
    assert complaint.tracking_number not in filed_url
    page = client.get(filed_url)
    html = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    code = re.search(r'Kode rahasia</dt><dd class="mono big-code">([^<]+)</dd>', html).group(1)
    assert code not in filed_url
    assert complaint.tracking_number in html and "hanya ditampilkan sekali" in html
    assert complaint.reporter is None and complaint.anonymous
    assert c.complaint_track(tracking_number=complaint.tracking_number, code=code) == complaint
    assert code not in complaint.tracking_code_hash
    assert code not in str(Event.objects.for_object(complaint).values_list("details", flat=True))

    # A reload shows the number and says the code was shown once; the code is gone from the session for good.
    reload = client.get(filed_url)
    html = reload.content.decode()
    assert reload.status_code == 200 and "no-store" in reload["Cache-Control"]
    assert code not in html and shown_code(html) is None
    assert complaint.tracking_number in html and SHOWN_ONCE in html
    assert "kode rahasia yang Anda catat" in html
    assert code not in str(dict(client.session))
    assert code not in client.get(TRACK).content.decode()
    assert c.complaint_track(tracking_number=complaint.tracking_number, code=code) == complaint


def test_replaying_the_filing_keeps_the_code_and_shows_no_new_one(client, world, frozen):
    data = filing_data(world, anonymous="True")
    first = client.post(FILE, data)
    code = shown_code(client.get(first.url).content.decode())

    replay = client.post(FILE, data)  # resubmitted from the browser history

    assert replay.status_code == 303 and replay.url == first.url
    html = client.get(replay.url).content.decode()
    assert shown_code(html) is None and SHOWN_ONCE in html
    complaint = Complaint.objects.get()
    assert complaint.tracking_number in html
    assert c.complaint_track(tracking_number=complaint.tracking_number, code=code) == complaint


def test_a_double_tap_shows_the_first_code_on_the_page_the_phone_lands_on(client, world, frozen):
    data = filing_data(world, anonymous="True")
    client.post(FILE, data)  # its answer never reaches the screen
    landed = client.post(FILE, data)
    code = shown_code(client.get(landed.url).content.decode())
    complaint = Complaint.objects.get()
    assert c.complaint_track(tracking_number=complaint.tracking_number, code=code) == complaint


def test_switching_language_on_the_filed_page_keeps_the_code(client, world, frozen):
    filed_url = client.post(FILE, filing_data(world, anonymous="True")).url
    code = shown_code(client.get(filed_url).content.decode())

    switched = client.post(reverse("set_language"), {"language": "en", "next": filed_url}, follow=True)

    assert switched.redirect_chain[-1][0] == filed_url
    assert shown_code(switched.content.decode()) == code
    assert shown_code(client.get(filed_url).content.decode()) is None  # a reload afterwards: gone


def test_the_code_waits_in_the_session_for_ten_minutes_at_most(client, world):
    with at(2026, 7, 6, 10, 0):
        filed_url = client.post(FILE, filing_data(world, anonymous="True")).url
    with at(2026, 7, 6, 10, 11):
        html = client.get(filed_url).content.decode()
    assert shown_code(html) is None and SHOWN_ONCE in html
    assert "complaint_filed_codes" not in client.session


def test_another_session_never_sees_the_code(client, world, frozen):
    from django.test import Client

    filed_url = client.post(FILE, filing_data(world, anonymous="True")).url
    complaint = Complaint.objects.get()
    other = Client()
    html = other.get(filed_url).content.decode()
    assert shown_code(html) is None and SHOWN_ONCE in html
    code = shown_code(client.get(filed_url).content.decode())  # the filer still gets it, once
    assert c.complaint_track(tracking_number=complaint.tracking_number, code=code) == complaint
    # The page is reached only through the signed link the filing redirected to.
    assert other.get(filed_url.replace(filed_url.split("/")[-2], "1")).status_code == 404


def test_visitor_who_is_not_anonymous_is_refused(client, world, frozen):
    resp = client.post(FILE, filing_data(world))  # a hand-made post without the forced value
    assert resp.status_code == 200
    assert "Tanpa akun, pengaduan hanya dapat diajukan secara anonim." in resp.content.decode()
    assert not Complaint.objects.exists()


def test_unconfirmed_account_is_told_to_confirm_first(client, world):
    world.citizen.email_confirmed_at = None
    world.citizen.save()
    client.force_login(world.citizen)
    html = client.get(FILE).content.decode()
    assert "belum dikonfirmasi" in html and 'name="title"' not in html


# --- Tracking without an account --------------------------------------------------------------------------------
def test_tracking_with_the_code_shows_the_complaint_and_a_wrong_code_reads_like_an_unknown_number(
    client, world
):
    complaint, code = file(world, reporter=None, anonymous=True, title="Pungutan liar di loket")

    right = client.post(TRACK, {"tracking_number": complaint.tracking_number, "code": code})
    html = right.content.decode()
    assert right.status_code == 200 and "Pungutan liar di loket" in html
    assert "Menunggu verifikasi" in html and "no-store" in right["Cache-Control"]

    wrong = client.post(TRACK, {"tracking_number": complaint.tracking_number, "code": "tebakan"})
    unknown = client.post(TRACK, {"tracking_number": "ADU/2099/99999", "code": code})
    for resp in (wrong, unknown):
        assert resp.status_code == 200
        assert WRONG_CODE_MESSAGE in resp.content.decode()
        assert "Pungutan liar" not in resp.content.decode()
    assert error_block(wrong.content.decode()) == error_block(unknown.content.decode())


def test_visitor_confirms_with_a_rating_through_the_tracking_page(client, world):
    complaint, code = file(world, reporter=None, anonymous=True)
    handled(world, complaint)
    page = client.post(TRACK, {"tracking_number": complaint.tracking_number, "code": code}).content.decode()
    assert "Petugas loket sudah ditegur" in page  # the unit's follow-up
    assert 'type="radio" name="confirm-rating" value="5"' in page and "Sangat puas" in page
    assert f'name="confirm-tracking_code" value="{code}"' in page  # the proof travels in the body only
    assert all(code not in url for url in re.findall(r'(?:action|href)="([^"]*)"', page))

    resp = tracked_post(client, complaint, code, "confirm", rating="4", comment="Cepat ditangani")

    complaint.refresh_from_db()
    assert resp.status_code == 200 and "no-store" in resp["Cache-Control"]
    assert (complaint.state, complaint.rating, complaint.rating_comment) == (
        "completed",
        4,
        "Cepat ditangani",
    )
    assert "Selesai" in resp.content.decode() and "4 dari 5" in resp.content.decode()
    assert Event.objects.for_object(complaint).get(action="complaint.confirm").actor is None


def test_visitor_reopens_through_the_tracking_page(client, world):
    complaint, code = file(world, reporter=None, anonymous=True)
    handled(world, complaint)
    resp = tracked_post(client, complaint, code, "reopen", message="Masih dimintai uang")
    complaint.refresh_from_db()
    assert resp.status_code == 200 and complaint.state == ComplaintState.DISPOSITIONED
    assert complaint.messages.last().body == "Masih dimintai uang"


def test_a_rating_of_six_posted_by_hand_is_refused_and_changes_nothing(client, world):
    anonymous, code = file(world, reporter=None, anonymous=True)
    handled(world, anonymous)
    resp = tracked_post(client, anonymous, code, "confirm", rating="6")
    assert resp.status_code == 200 and "1 sampai 5" in resp.content.decode()
    assert 'name="confirm-tracking_code"' in resp.content.decode()  # the form is shown again

    mine, _code = file(world)
    handled(world, mine)
    client.force_login(world.citizen)
    resp = client.post(action_url(mine, "confirm"), {"confirm-rating": "6", "confirm-comment": "tetap"})
    html = resp.content.decode()
    assert resp.status_code == 200 and "1 sampai 5" in html and "tetap</textarea>" in html
    for complaint in (anonymous, mine):
        complaint.refresh_from_db()
        assert complaint.state == ComplaintState.RESPONDED and complaint.rating is None


def test_a_stale_or_forged_proof_shows_the_tracking_form(client, world):
    complaint, code = file(world, reporter=None, anonymous=True)
    handled(world, complaint)
    resp = tracked_post(client, complaint, "tebakan", "confirm", rating="5")
    assert resp.status_code == 200 and WRONG_CODE_MESSAGE in resp.content.decode()
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.RESPONDED


# --- Staff handling ---------------------------------------------------------------------------------------------
def test_admin_verifies_and_the_unit_officer_sees_it_in_the_queue_and_responds(client, world, frozen):
    complaint, _code = file(world)
    client.force_login(world.pelaksana_officer)
    assert complaint.tracking_number not in client.get(QUEUE).content.decode()  # not dispositioned yet
    assert client.get(detail_url(complaint)).status_code == 404

    client.force_login(world.admin)
    page = client.get(detail_url(complaint)).content.decode()
    assert 'name="verify-unit"' in page and world.other_utama.name not in page
    resp = client.post(action_url(complaint, "verify"), {"verify-unit": world.pelaksana.pk})
    assert resp.status_code == 302
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.DISPOSITIONED and complaint.unit == world.pelaksana

    client.force_login(world.pelaksana_officer)
    queue = client.get(QUEUE).content.decode()
    assert complaint.tracking_number in queue and "Diteruskan ke unit" in queue
    page = client.get(detail_url(complaint)).content.decode()
    assert 'name="respond-message"' in page and 'name="verify-unit"' not in page
    resp = client.post(action_url(complaint, "respond"), {"respond-message": "Loket tambahan dibuka"})
    assert resp.status_code == 302
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.RESPONDED
    assert complaint.messages.get().author_kind == ComplaintMessage.Author.UNIT
    html = client.get(detail_url(complaint)).content.decode()
    assert "Loket tambahan dibuka" in html and "Menunggu tanggapan pelapor" in html


def test_reopen_after_completion_answers_409_and_changes_nothing(client, world):
    complaint, _code = file(world)
    handled(world, complaint)
    c.complaint_confirm(complaint_id=complaint.pk, actor=world.citizen, rating=5)
    client.force_login(world.citizen)

    resp = client.post(action_url(complaint, "reopen"), {"reopen-message": "Ternyata belum"})

    assert resp.status_code == 409
    assert "dibuka kembali setelah ditindaklanjuti" in resp.content.decode()
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.COMPLETED and complaint.messages.count() == 1


def test_disposition_to_a_unit_of_another_agency_is_refused(client, world):
    complaint, _code = file(world)
    client.force_login(world.admin)

    resp = client.post(action_url(complaint, "verify"), {"verify-unit": world.other_utama.pk})

    assert resp.status_code == 200
    assert "Pilih unit aktif dari badan publik yang sama." in resp.content.decode()
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.SUBMITTED and complaint.unit is None
    assert not Event.objects.for_object(complaint).filter(action="complaint.verify").exists()


def test_only_the_roles_allowed_see_the_forms_and_others_are_refused(client, world):
    complaint, _code = file(world)
    client.force_login(world.auditor)
    page = client.get(detail_url(complaint))
    assert page.status_code == 200 and 'name="verify-unit"' not in page.content.decode()
    resp = client.post(action_url(complaint, "verify"), {"verify-unit": world.pelaksana.pk})
    assert resp.status_code == 403
    client.force_login(world.citizen)
    assert client.get(QUEUE).status_code == 404


def test_the_queue_marks_and_filters_overdue_complaints(client, world):
    with at(2026, 7, 6, 10):
        late, _code = file(world, title="Sudah lewat")
    with at(2026, 7, 13, 10):
        fresh, _code = file(world, title="Masih baru")
        client.force_login(world.admin)
        html = client.get(QUEUE).content.decode()
        overdue_only = client.get(QUEUE, {"overdue": "on"}).content.decode()
    assert html.index(late.tracking_number) < html.index(fresh.tracking_number)  # earliest clock first
    assert 'class="row-overdue"' in html and "Lewat batas waktu" in html
    assert late.tracking_number in overdue_only and fresh.tracking_number not in overdue_only


def test_the_queue_reads_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.admin)
    file(world)
    file(world, reporter="other_citizen", anonymous=True)
    with CaptureQueriesContext(connection) as few:
        client.get(QUEUE)
    for _ in range(4):
        file(world)
        file(world, reporter="other_citizen", anonymous=True)
    with django_assert_max_num_queries(len(few)):
        html = client.get(QUEUE).content.decode()
    assert html.count("Anonim") >= 5


# --- Anonymity and confidentiality ------------------------------------------------------------------------------
def test_an_anonymous_reporter_never_appears_on_staff_pages(client, world):
    reporter = CitizenProfileFactory(
        user__username="wargi_rahasia",
        user__email="wargi.rahasia@contoh.id",
        user__first_name="Wargiyati",
        user__last_name="Kusumawardhani",
        name="Wargiyati Kusumawardhani",
    ).user
    complaint, _code = file(
        world, reporter=reporter, anonymous=True, title="Pungutan liar", attachments=[pdf()]
    )
    handled(world, complaint)
    c.complaint_reopen(complaint_id=complaint.pk, actor=reporter, message="Masih terjadi")
    c.complaint_respond(complaint_id=complaint.pk, actor=world.pelaksana_officer, message="Petugas diganti")
    identity = [reporter.username, reporter.email, "Wargiyati", "Kusumawardhani"]

    pages = {}
    for viewer in (world.admin, world.pelaksana_officer, world.auditor, world.atasan, world.officer):
        client.force_login(viewer)
        pages[f"queue/{viewer.username}"] = client.get(QUEUE)
        pages[f"detail/{viewer.username}"] = client.get(detail_url(complaint))
    for name, resp in pages.items():
        html = resp.content.decode()
        assert resp.status_code == 200, name
        assert complaint.tracking_number in html, name
        assert "Anonim" in html, name
        for item in identity:
            assert item.lower() not in html.lower(), (name, item)
    assert "Pelapor" in pages["detail/admin"].content.decode()  # the reporter's reopen, unnamed

    client.force_login(reporter)
    own = client.get(detail_url(complaint)).content.decode()
    assert "Wargiyati Kusumawardhani" in own


def test_a_confidential_complaint_is_not_visible_to_another_citizen(client, world):
    complaint, _code = file(world, confidential=True, attachments=[pdf()])
    client.force_login(world.other_citizen)
    assert client.get(detail_url(complaint)).status_code == 404
    attachment = complaint.attachments.get()
    url = reverse("frontend:complaint_attachment", args=[complaint.pk, attachment.pk])
    assert client.get(url).status_code == 404
    assert complaint.tracking_number not in client.get(reverse("frontend:complaint_list")).content.decode()
    resp = client.post(action_url(complaint, "confirm"), {"confirm-rating": "5"})
    assert resp.status_code == 404


# --- Across the boundary -----------------------------------------------------------------------------------------
def test_a_complaint_becomes_a_request_through_the_page_keeping_the_date_and_links(client, world):
    with at(2026, 3, 13, 10):
        complaint, _code = file(world, description="Saya minta salinan SOP pelayanan puskesmas")
    client.force_login(world.admin)
    assert 'name="convert-purpose"' in client.get(detail_url(complaint)).content.decode()
    with at(2026, 3, 17, 10):
        resp = client.post(
            action_url(complaint, "convert"),
            {
                "convert-purpose": "Mengetahui standar pelayanan",
                "convert-obtain_method": "softcopy",
                "convert-delivery_method": "email",
            },
        )
    request = InformationRequest.objects.get()
    complaint.refresh_from_db()
    assert resp.status_code == 302 and resp.url == reverse("frontend:request_detail", args=[request.pk])
    assert request.received_at == complaint.received_at and request.requester == world.citizen
    assert complaint.converted_request == request and complaint.state == ComplaintState.ARCHIVED
    request_page = client.get(resp.url).content.decode()
    assert complaint.tracking_number in request_page and detail_url(complaint) in request_page
    complaint_page = client.get(detail_url(complaint)).content.decode()
    assert request.registration_number in complaint_page and resp.url in complaint_page


def test_a_request_becomes_a_complaint_through_the_page_keeping_the_date_and_links(
    client, world, file_request
):
    with at(2026, 3, 13, 10):
        request = file_request(information_requested="Petugas loket meminta uang tambahan")
    convert = reverse("frontend:request_to_complaint", args=[request.pk])
    request_url = reverse("frontend:request_detail", args=[request.pk])

    client.force_login(world.citizen)
    assert convert not in client.get(request_url).content.decode()
    assert client.post(convert).status_code == 403

    client.force_login(world.officer)
    assert convert in client.get(request_url).content.decode()
    with at(2026, 3, 16, 10):
        resp = client.post(convert)
    complaint = Complaint.objects.get()
    request.refresh_from_db()
    assert resp.status_code == 302 and resp.url == detail_url(complaint)
    assert complaint.received_at == request.received_at and complaint.from_request == request
    assert request.state == RequestState.WITHDRAWN
    complaint_page = client.get(resp.url).content.decode()
    assert request.registration_number in complaint_page and request_url in complaint_page
    request_page = client.get(request_url).content.decode()
    assert complaint.tracking_number in request_page and detail_url(complaint) in request_page
    assert convert not in request_page  # no longer open
    assert client.post(convert).status_code == 409
