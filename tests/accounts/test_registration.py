import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, CitizenProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def _signup(client, email="warga@example.id"):
    return client.post(
        reverse("frontend:signup"),
        {
            "name": "Warga Baru",
            "email": email,
            "password1": "kata-sandi-rahasia-9",
            "password2": "kata-sandi-rahasia-9",
        },
    )


def test_citizen_registers_and_must_confirm_email_before_filing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        resp = _signup(client)
    assert resp.status_code == 302
    user = User.objects.get(email="warga@example.id")
    assert user.email_confirmed_at is None
    assert not user.can_file
    assert len(mail.outbox) == 1
    link = re.search(r"/akun/konfirmasi/[^/\s]+/", mail.outbox[0].body).group(0)
    resp = client.get(link)
    assert resp.status_code == 302
    user.refresh_from_db()
    assert user.email_confirmed_at is not None
    assert not user.can_file  # the profile (NIK, address) is still missing


def test_tampered_confirmation_link_is_refused(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client)
    link = re.search(r"/akun/konfirmasi/([^/\s]+)/", mail.outbox[0].body).group(1)
    resp = client.get(reverse("frontend:confirm_email", args=[link[:-2] + "xx"]))
    assert resp.status_code == 400
    assert "tidak valid" in resp.content.decode()
    assert User.objects.get(email="warga@example.id").email_confirmed_at is None


def test_duplicate_email_creates_nothing_and_weak_password_is_refused(client):
    UserFactory(email="ada@example.id")
    resp = _signup(client, email="ADA@example.id")
    assert resp.status_code == 302  # the same answer as a new address (tests/accounts/test_signup_privacy.py)
    assert User.objects.filter(email__iexact="ada@example.id").count() == 1
    resp = client.post(
        reverse("frontend:signup"),
        {"name": "X", "email": "baru@example.id", "password1": "12345678", "password2": "12345678"},
    )
    assert resp.status_code == 200
    assert not User.objects.filter(email="baru@example.id").exists()


def test_complete_confirmed_profile_can_file():
    profile = CitizenProfileFactory()
    assert profile.user.can_file


def test_login_by_email_or_username(client):
    user = UserFactory(email="Masuk@Example.id")
    assert (
        client.post(
            reverse("frontend:login"), {"username": "masuk@example.id", "password": PASSWORD}
        ).status_code
        == 302
    )
    client.logout()
    assert (
        client.post(reverse("frontend:login"), {"username": user.username, "password": PASSWORD}).status_code
        == 302
    )


def test_login_is_locked_after_repeated_failures(client):
    user = UserFactory()
    for _ in range(5):
        resp = client.post(reverse("frontend:login"), {"username": user.username, "password": "salah"})
    # Locked: even the right password is refused now.
    resp = client.post(reverse("frontend:login"), {"username": user.username, "password": PASSWORD})
    assert resp.status_code == 429
    assert "Terlalu banyak percobaan" in resp.content.decode()
    assert "_auth_user_id" not in client.session
