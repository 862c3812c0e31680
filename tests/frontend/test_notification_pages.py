"""Opening a notification marks it read, and the badge counts what is unread (issue 13, point 12)."""

import re

import pytest

from notifications.models import Notification


@pytest.fixture
def notified(world, file_request, django_capture_on_commit_callbacks):
    """The officer is told of a new request in their unit's queue."""
    request = file_request()
    notification = Notification.objects.get(recipient=world.officer, object_id=str(request.pk))
    return request, notification


def _badge(page: str) -> int:
    return int(re.search(r'<span class="count" id="notif-count">(\d+)</span>', page).group(1))


def test_opening_a_notification_marks_it_read_and_goes_to_its_case(client, world, notified):
    request, notification = notified
    client.force_login(world.officer)
    page = client.get("/notifikasi/").content.decode()
    assert _badge(page) == 1
    assert f'href="/notifikasi/{notification.pk}/buka/"' in page
    resp = client.get(f"/notifikasi/{notification.pk}/buka/")
    assert resp.status_code == 302
    assert resp["Location"] == f"/permohonan/{request.pk}/"
    notification.refresh_from_db()
    assert notification.is_read
    page = client.get("/notifikasi/").content.decode()
    assert _badge(page) == 0
    assert "Baru</span>" not in page
    # The live badge asks the same count.
    assert client.get("/api/v1/notifications/unread-count/").json() == {"unread": 0}


def test_only_the_recipient_can_open_a_notification(client, world, notified):
    _request, notification = notified
    client.force_login(world.head)
    assert client.get(f"/notifikasi/{notification.pk}/buka/").status_code == 404
    notification.refresh_from_db()
    assert not notification.is_read
    client.logout()
    resp = client.get(f"/notifikasi/{notification.pk}/buka/")
    assert resp.status_code == 302 and resp["Location"].startswith("/akun/masuk/")
    notification.refresh_from_db()
    assert not notification.is_read


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/permohonan/1/",
        "//evil.example/x",
        "/\\evil.example/x",
        "javascript:alert(1)",
        "",
    ],
)
def test_opening_never_leaves_the_site(client, world, notified, url):
    _request, notification = notified
    Notification.objects.filter(pk=notification.pk).update(url=url)
    client.force_login(world.officer)
    resp = client.get(f"/notifikasi/{notification.pk}/buka/")
    assert resp.status_code == 302
    assert resp["Location"] == "/notifikasi/"
    notification.refresh_from_db()
    assert notification.is_read
