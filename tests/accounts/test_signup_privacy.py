"""Issue 13 point 31: signing up does not tell whether an e-mail is registered (same page, and the owner of
the existing account gets a mail saying someone tried); sign-up and password reset are rate limited."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.ratelimit import rate_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = reverse("frontend:signup")
RESET = reverse("frontend:password_reset")
LIMITED = "Terlalu banyak percobaan"


def _signup(client, email, **extra):
    data = {
        "name": "Warga",
        "email": email,
        "password1": "kata-sandi-rahasia-9",
        "password2": "kata-sandi-rahasia-9",
    }
    return client.post(SIGNUP, data, **extra)


def test_signup_answers_the_same_for_a_registered_and_a_new_address(
    client, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="Ada@Example.id", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        taken = _signup(client, "ada@example.ID")
        fresh = _signup(client, "baru@example.id")
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"] == reverse("frontend:signup_done")
    assert User.objects.filter(email__iexact="ada@example.id").count() == 1
    assert User.objects.filter(email="baru@example.id").exists()
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {owner.email, "baru@example.id"}
    warning = by_recipient[owner.email]
    assert "tried to register" in warning.subject  # in the owner's language
    assert "/akun/konfirmasi/" not in warning.body  # no link that would confirm anything
    assert "/akun/lupa-sandi/" in warning.body


def test_signup_is_limited_per_address(client):
    limit, _period = rate_for("signup")
    for n in range(limit):
        _signup(client, f"warga{n}@example.id")
    refused = _signup(client, "satu-lagi@example.id")
    assert refused.status_code == 429 and LIMITED in refused.content.decode()
    assert not User.objects.filter(email="satu-lagi@example.id").exists()


def test_signup_for_one_email_is_limited_across_addresses(client):
    limit, _period = rate_for("signup_email")
    for n in range(limit):
        _signup(client, "sasaran@example.id", REMOTE_ADDR=f"198.51.100.{n}")
    assert _signup(client, "Sasaran@example.id", REMOTE_ADDR="203.0.113.9").status_code == 429


def test_password_reset_is_limited_per_address_and_per_email(client):
    UserFactory(email="lupa@example.id")
    limit, _period = rate_for("password_reset_email")
    for n in range(limit):
        assert (
            client.post(RESET, {"email": "lupa@example.id"}, REMOTE_ADDR=f"198.51.100.{n}").status_code == 302
        )
    refused = client.post(RESET, {"email": "LUPA@example.id"}, REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429 and LIMITED in refused.content.decode()
    assert len(mail.outbox) == limit
    limit, _period = rate_for("password_reset")
    for n in range(limit):
        client.post(RESET, {"email": f"orang{n}@example.id"}, REMOTE_ADDR="203.0.113.10")
    refused = client.post(RESET, {"email": "lain@example.id"}, REMOTE_ADDR="203.0.113.10")
    assert refused.status_code == 429


def test_confirmation_mail_cannot_be_sent_again_without_limit(client, django_capture_on_commit_callbacks):
    """An account registered with someone else's address must not become a way to flood that inbox."""
    user = UserFactory(email="korban@example.id", email_confirmed_at=None)
    client.force_login(user)
    limit, _period = rate_for("confirmation_mail")
    url = reverse("frontend:resend_confirmation")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(limit + 3):
            client.post(url)
    assert len(mail.outbox) == limit
    page = client.get(reverse("frontend:profile"))
    assert LIMITED in page.content.decode()
