import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.core import mail
from rest_framework.authtoken.models import Token

from complaints import services as c
from config.asgi import application
from notifications.models import EmailMode, EmailPreference, Notification, ReminderSent
from notifications.reminders import run_deadline_jobs
from ppid import services as s

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


# --- who is told ------------------------------------------------------------------------------------------------
def test_filing_tells_the_requester_and_the_units_officers(world, file_request):
    request = file_request()
    assert kinds(world.citizen) == ["request.registered"]
    assert kinds(world.officer) == ["request.arrived"] and kinds(world.head) == ["request.arrived"]
    assert kinds(world.pelaksana_officer) == [] and kinds(world.outsider) == []
    note = Notification.objects.get(recipient=world.officer)
    assert note.case_label == request.registration_number and "Siti" not in note.message


def test_every_change_tells_the_requester_and_a_forward_tells_the_new_unit(world, file_request):
    request = file_request()
    s.information_request_forward(request_id=request.pk, actor=world.officer, unit=world.pelaksana)
    s.information_request_process(request_id=request.pk, actor=world.pelaksana_officer)
    assert kinds(world.citizen) == ["request.forward", "request.process", "request.registered"]
    assert "request.forwarded_to_you" in kinds(world.pelaksana_officer)
    assert "request.process" not in kinds(world.pelaksana_officer)  # never told of one's own act


def test_objection_tells_the_atasan_and_complaint_the_admin(world, file_request):
    request = file_request()
    s.information_request_process(request_id=request.pk, actor=world.officer)
    s.information_request_respond(
        request_id=request.pk,
        actor=world.officer,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="x",
    )
    s.objection_file(requester=world.citizen, request_id=request.pk, grounds=["a"], reason="x")
    assert "objection.arrived" in kinds(world.atasan)
    complaint, _code = c.complaint_file(
        reporter=None, agency=world.agency, title="t", description="d", category="other", anonymous=True
    )
    assert kinds(world.admin) == ["complaint.awaits_verification"]
    c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    assert "complaint.arrived" in kinds(world.pelaksana_officer)


def test_anonymous_reporters_notifications_hold_no_identity(world):
    complaint, _code = c.complaint_file(
        reporter=world.citizen,
        agency=world.agency,
        title="Pungli",
        description="d",
        category="other",
        anonymous=True,
    )
    staff_notes = Notification.objects.exclude(recipient=world.citizen)
    assert staff_notes.exists()
    for note in staff_notes:
        text = f"{note.message} {note.case_label} {note.params}"
        assert "Siti" not in text and world.citizen.email not in text and "pemohon" not in text


# --- after commit: websocket hint and e-mail ---------------------------------------------------------------------
def test_hints_and_mail_only_after_commit(world, file_request, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        file_request()
    assert mail.outbox == []  # nothing left the process before commit
    for callback in callbacks:
        callback()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([world.citizen.email, world.officer.email, world.head.email])
    body = mail.outbox[0]
    assert "English" in body.body and body.alternatives[0][1] == "text/html"


def test_officer_mail_preferences_and_citizens_always(
    world, file_request, django_capture_on_commit_callbacks
):
    EmailPreference.objects.create(user=world.officer, mode=EmailMode.OFF)
    EmailPreference.objects.create(user=world.head, mode=EmailMode.DIGEST)
    EmailPreference.objects.create(user=world.citizen, mode=EmailMode.OFF)  # ignored: their own case
    with django_capture_on_commit_callbacks(execute=True):
        file_request()
    assert sorted(m.to[0] for m in mail.outbox) == [world.citizen.email]
    from notifications.tasks import send_daily_digests

    assert send_daily_digests() == 1
    assert mail.outbox[-1].to == [world.head.email] and "Ringkasan" in mail.outbox[-1].subject
    assert send_daily_digests() == 0


def test_a_failing_mail_never_undoes_the_change(
    world, file_request, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.mail import EmailMultiAlternatives

    def broken(self, *args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        request = file_request()
    request.refresh_from_db()
    assert request.registration_number and Notification.objects.filter(emailed_at__isnull=True).count() == 3


# --- reminders -----------------------------------------------------------------------------------------------
def test_reminders_go_once_per_case_and_threshold(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()  # due Monday 6 April
    with at(2026, 4, 1, 9):  # 3 working days left (2, 6 April; Good Friday skipped)... due in 3
        first = run_deadline_jobs()
        second = run_deadline_jobs()
    assert first["reminders"] == 1 and second["reminders"] == 0
    assert "reminder.due_in_3" in kinds(world.officer) and "reminder.due_in_3" in kinds(world.head)
    with at(2026, 4, 6, 9):
        run_deadline_jobs()
    with at(2026, 4, 7, 9):
        run_deadline_jobs()
        run_deadline_jobs()
    assert kinds(world.officer).count("reminder.overdue") == 1
    assert kinds(world.atasan).count("reminder.overdue") == 1  # overdue reaches the Atasan PPID
    assert "reminder.due_in_1" in kinds(world.officer)
    assert ReminderSent.objects.filter(object_id=str(request.pk)).count() == 3


def test_an_extension_re_arms_the_reminders(world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 4, 6, 9):
        run_deadline_jobs()
        s.information_request_extend(request_id=request.pk, actor=world.officer, reason="arsip")
    with at(2026, 4, 13, 9):
        run_deadline_jobs()
    assert kinds(world.officer).count("reminder.due_in_1") == 1
    assert kinds(world.officer).count("reminder.due_in_3") == 1  # for the new due date 15 April


def test_the_job_also_completes_and_closes_what_is_due(world, file_request):
    with at(2026, 7, 6, 10):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="x",
        )
    with at(2026, 7, 30, 10):
        result = run_deadline_jobs()
    assert result["requests_completed"] == 1
    request.refresh_from_db()
    assert request.state == "completed"


# --- websockets -----------------------------------------------------------------------------------------------
async def _connect(path="/ws/notifications/"):
    communicator = WebsocketCommunicator(
        application, path, headers=[(b"host", b"localhost"), (b"origin", b"http://localhost")]
    )
    connected, code = await communicator.connect()
    return communicator, connected, code


@pytest.mark.django_db(transaction=True)
def test_anonymous_and_bad_token_sockets_are_refused(world):
    async def run():
        for path in ("/ws/notifications/", "/ws/notifications/?token=nonsense"):
            communicator, connected, _ = await _connect(path)
            # Accepted, then closed with 4401 (the documented code: authenticate again).
            assert connected
            assert await communicator.receive_output(timeout=2) == {"type": "websocket.close", "code": 4401}

    async_to_sync(run)()


@pytest.mark.django_db(transaction=True)
def test_a_user_gets_their_own_events_and_nobody_elses(world, file_request):
    officer_token = Token.objects.create(user=world.officer).key
    other_token = Token.objects.create(user=world.outsider).key
    citizen_token = Token.objects.create(user=world.other_citizen).key

    async def run():
        officer, ok1, _ = await _connect(f"/ws/notifications/?token={officer_token}")
        outsider, ok2, _ = await _connect(f"/ws/notifications/?token={other_token}")
        other_citizen, ok3, _ = await _connect(f"/ws/notifications/?token={citizen_token}")
        assert ok1 and ok2 and ok3
        request = await sync_to_async(file_request)()
        messages = [await officer.receive_json_from(timeout=2), await officer.receive_json_from(timeout=2)]
        types = sorted(m["type"] for m in messages)
        assert types == ["notification", "queue.changed"]
        hint = next(m for m in messages if m["type"] == "notification")
        assert (
            hint["case"] == {"type": "informationrequest", "id": str(request.pk)}
            and hint["state"] == "registered"
        )
        assert set(hint) == {"type", "id", "kind", "case", "state"}  # ids and states only
        assert await outsider.receive_nothing(timeout=0.3)
        assert await other_citizen.receive_nothing(timeout=0.3)
        await officer.send_json_to({"type": "ping"})
        assert await officer.receive_json_from() == {"type": "pong"}
        await officer.send_to(text_data="not json")
        assert (await officer.receive_json_from())["type"] == "error"
        for comm in (officer, outsider, other_citizen):
            await comm.disconnect()

    async_to_sync(run)()


@pytest.mark.django_db(transaction=True)
def test_embedded_mode_delivers_a_reminder_to_an_open_socket(world, file_request):
    token = Token.objects.create(user=world.officer).key
    with at(2026, 3, 13, 10):
        file_request()

    async def run():
        officer, connected, _ = await _connect(f"/ws/notifications/?token={token}")
        assert connected
        with at(2026, 4, 1, 9):
            result = await sync_to_async(run_deadline_jobs)()
        assert result["reminders"] == 1
        message = await officer.receive_json_from(timeout=2)
        assert message["kind"] == "reminder.due_in_3"
        await officer.disconnect()

    async_to_sync(run)()


def test_notification_center_api(world, file_request, api_client_for):
    file_request()
    client = api_client_for(world.officer)
    assert client.get("/api/v1/notifications/unread-count/").json() == {"unread": 1}
    listed = client.get("/api/v1/notifications/").json()["results"]
    assert listed[0]["kind"] == "request.arrived"
    assert client.post("/api/v1/notifications/mark-read/", {}, format="json").json() == {"marked": 1}
    assert client.get("/api/v1/notifications/unread-count/").json() == {"unread": 0}
    other = api_client_for(world.outsider)
    assert other.get(f"/api/v1/notifications/{listed[0]['id']}/").status_code == 404
    assert other.post(
        "/api/v1/notifications/mark-read/", {"ids": [listed[0]["id"]]}, format="json"
    ).json() == {"marked": 0}


def test_officers_choose_their_mail_on_the_notifications_page(world, client):
    client.force_login(world.officer)
    page = client.get("/notifikasi/").content.decode()
    assert 'name="mode"' in page
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Notifikasi") and "<form" not in title and "csrfmiddlewaretoken" not in title
    assert client.post("/notifikasi/", {"mode": "digest"}).status_code == 302
    assert EmailPreference.objects.get(user=world.officer).mode == "digest"
    bad = client.post("/notifikasi/", {"mode": "always"})
    assert bad.status_code == 200 and EmailPreference.objects.get(user=world.officer).mode == "digest"
    client.force_login(world.citizen)
    assert 'name="mode"' not in client.get("/notifikasi/").content.decode()
