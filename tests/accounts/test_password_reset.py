import re

import pytest
from django.core import mail

from agencies.models import Membership, StaffRole
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_a_citizen_resets_a_forgotten_password(client):
    user = UserFactory(email="lupa@example.id")
    assert 'href="/akun/lupa-sandi/"' in client.get("/akun/masuk/").content.decode()
    resp = client.post("/akun/lupa-sandi/", {"email": "lupa@example.id"})
    assert resp.status_code == 302
    assert len(mail.outbox) == 1 and "kata sandi baru" in mail.outbox[0].body
    link = re.search(r"https?://[^/\s]+(/akun/sandi-baru/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "sandi-baru-yang-kuat-7"
    resp = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert resp.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new) and not user.check_password(PASSWORD)
    # The link works once.
    assert "tidak valid" in client.get(link, follow=True).content.decode()


def test_an_unknown_address_reveals_nothing(client):
    resp = client.post("/akun/lupa-sandi/", {"email": "tidak-ada@example.id"})
    assert resp.status_code == 302 and mail.outbox == []


def test_mismatched_new_passwords_are_refused(client):
    user = UserFactory(email="lupa2@example.id")
    client.post("/akun/lupa-sandi/", {"email": user.email})
    link = re.search(r"https?://[^/\s]+(/akun/sandi-baru/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    resp = client.post(form_url, {"new_password1": "sandi-pertama-123", "new_password2": "sandi-kedua-456"})
    assert resp.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_invited_staff_whose_link_expired_get_a_new_one_but_accounts_without_a_role_do_not(
    client,
    world,  # noqa: F811
):
    invited = UserFactory(email="undangan@example.id")
    invited.set_unusable_password()
    invited.save()
    Membership.objects.create(user=invited, unit=world.pelaksana, role=StaffRole.OFFICER)
    client.post("/akun/lupa-sandi/", {"email": "UNDANGAN@example.id"})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["undangan@example.id"]
    link = re.search(r"https?://[^/\s]+(/akun/sandi-baru/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "sandi-baru-staf-2026", "new_password2": "sandi-baru-staf-2026"})
    invited.refresh_from_db()
    assert invited.check_password("sandi-baru-staf-2026")

    # An account someone switched off on purpose (no password, no role) is not revived by a reset.
    locked = UserFactory(email="tanpa-sandi@example.id")
    locked.set_unusable_password()
    locked.save()
    client.post("/akun/lupa-sandi/", {"email": locked.email})
    assert len(mail.outbox) == 1
