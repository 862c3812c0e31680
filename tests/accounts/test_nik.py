import datetime as dt
import logging

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from accounts import crypto
from accounts.logging import RedactPersonalDataFilter
from accounts.models import CitizenProfile
from accounts.nik import nik_birth_date, validate_nik
from accounts.services import citizen_identity_reveal, register_case_relation, unregister_case_relation
from agencies.models import StaffRole
from audit.models import Event
from tests.factories import CitizenProfileFactory, make_agency, make_staff

VALID = "3273015505900001"  # Kota Bandung, woman born 15 May 1990, serial 0001


def test_valid_nik_is_accepted_and_normalised():
    assert validate_nik(VALID) == VALID
    assert validate_nik("3273 0155 0590 0001") == VALID
    assert validate_nik("32.73.01.550590.0001") == VALID


def test_birth_date_part_decodes_women_and_two_digit_years():
    assert nik_birth_date(VALID, today=dt.date(2026, 11, 22)) == dt.date(1990, 5, 15)
    assert nik_birth_date("3273011203050002", today=dt.date(2026, 11, 22)) == dt.date(2005, 3, 12)


@pytest.mark.parametrize(
    ("nik", "message"),
    [
        ("123", "16 angka"),
        ("32730155059000011", "16 angka"),
        ("32730155059000AB", "16 angka"),
        ("9973015505900001", "Kode provinsi"),
        ("0073015505900001", "Kode provinsi"),
        ("3200015505900001", "kabupaten/kota"),
        ("3273005505900001", "kabupaten/kota"),
        ("3273013202900001", "Tanggal lahir"),  # 32 February
        ("3273017213900001", "Tanggal lahir"),  # day 72 - 40 = 32
        ("3273011513900001", "Tanggal lahir"),  # month 13
        ("3273015505900000", "Nomor urut"),
    ],
)
def test_invalid_nik_is_refused_with_a_clear_message(nik, message):
    with pytest.raises(ValidationError) as exc:
        validate_nik(nik)
    assert message in exc.value.messages[0]


@pytest.mark.django_db
def test_nik_is_encrypted_at_rest_and_masked_on_display():
    profile = CitizenProfileFactory(nik=VALID)
    with connection.cursor() as cur:
        cur.execute(
            "SELECT nik_encrypted, nik_last4 FROM accounts_citizenprofile WHERE id = %s", [profile.pk]
        )
        stored, last4 = cur.fetchone()
    assert VALID not in stored
    assert last4 == "0001"
    assert profile.nik_masked == "••••••••••••0001"
    assert VALID not in profile.nik_masked


@pytest.mark.django_db
def test_stored_nik_cannot_be_read_with_another_key(settings):
    from cryptography.fernet import Fernet

    profile = CitizenProfileFactory(nik=VALID)
    settings.NIK_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    crypto.reset_key_cache()
    try:
        with pytest.raises(Exception, match="cannot be decrypted"):
            CitizenProfile.objects.get(pk=profile.pk)._decrypt_nik()
    finally:
        crypto.reset_key_cache()


def test_the_secret_key_is_refused_as_nik_key(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.NIK_ENCRYPTION_KEYS = [settings.SECRET_KEY]
    crypto.reset_key_cache()
    try:
        with pytest.raises(ImproperlyConfigured):
            crypto.encrypt(VALID)
    finally:
        crypto.reset_key_cache()


@pytest.mark.django_db
def test_key_rotation_reads_old_rows(settings):
    from cryptography.fernet import Fernet

    profile = CitizenProfileFactory(nik=VALID)
    settings.NIK_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.NIK_ENCRYPTION_KEYS]
    crypto.reset_key_cache()
    try:
        assert CitizenProfile.objects.get(pk=profile.pk)._decrypt_nik() == VALID
    finally:
        crypto.reset_key_cache()


@pytest.mark.django_db
def test_profile_page_shows_nik_masked_only(client):
    profile = CitizenProfileFactory(nik=VALID)
    client.force_login(profile.user)
    html = client.get(reverse("frontend:profile")).content.decode()
    assert "••••••••••••0001" in html
    assert VALID not in html


@pytest.mark.django_db
def test_invalid_nik_in_profile_form_changes_nothing(client):
    profile = CitizenProfileFactory(nik=VALID, name="Nama Lama")
    client.force_login(profile.user)
    resp = client.post(
        reverse("frontend:profile"),
        {
            "requester_type": "individual",
            "name": "Nama Baru",
            "nik": "9999999999999999",
            "address": "Jl. Baru",
        },
    )
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Kode provinsi pada NIK" in html
    assert 'value="Nama Baru"' in html  # what was typed is kept
    profile.refresh_from_db()
    assert profile.name == "Nama Lama" and profile._decrypt_nik() == VALID


@pytest.mark.django_db
def test_valid_profile_update_is_saved_and_audited_without_the_nik(client):
    profile = CitizenProfileFactory(nik=VALID)
    client.force_login(profile.user)
    resp = client.post(
        reverse("frontend:profile"),
        {"requester_type": "individual", "name": "Siti", "nik": "3273011203850002", "address": "Jl. Baru"},
    )
    assert resp.status_code == 302
    profile.refresh_from_db()
    assert profile._decrypt_nik() == "3273011203850002"
    event = Event.objects.for_object(profile).filter(action="profile.updated").get()
    assert "nik" in event.details["fields"]
    assert "3273011203850002" not in str(event.details) + event.reason


@pytest.mark.django_db
def test_legal_entity_needs_registration_number_not_nik(client):
    profile = CitizenProfileFactory()
    client.force_login(profile.user)
    resp = client.post(
        reverse("frontend:profile"), {"requester_type": "legal_entity", "name": "PT Maju", "address": "Jl. X"}
    )
    assert "nomor SK pengesahan" in resp.content.decode()


@pytest.fixture
def case_relation():
    """Pretend the citizen has a case with the given agencies (the request app registers the real check)."""
    related: set[tuple[int, int]] = set()

    def check(user, agency_id):
        return (user.pk, agency_id) in related

    register_case_relation(check)
    yield related
    unregister_case_relation(check)


@pytest.mark.django_db
def test_full_nik_only_for_case_staff_and_every_look_is_recorded(case_relation):
    agency, utama, _ = make_agency()
    other_agency, other_utama, _ = make_agency()
    profile = CitizenProfileFactory(nik=VALID)
    officer = make_staff(utama, StaffRole.OFFICER)
    auditor = make_staff(utama, StaffRole.AUDITOR)
    outsider = make_staff(other_utama, StaffRole.OFFICER)
    case_relation.add((profile.user.pk, agency.pk))

    assert citizen_identity_reveal(profile=profile, viewer=officer, purpose="verifikasi identitas") == VALID
    event = Event.objects.for_object(profile).get(action="personal_data.viewed")
    assert event.actor == officer and event.agency == agency and event.reason == "verifikasi identitas"
    assert VALID not in str(event.details)

    for viewer in (auditor, outsider):
        with pytest.raises(PermissionDenied):
            citizen_identity_reveal(profile=profile, viewer=viewer, purpose="ingin tahu")
    with pytest.raises(ValidationError):
        citizen_identity_reveal(profile=profile, viewer=officer, purpose="  ")
    assert Event.objects.filter(action="personal_data.viewed").count() == 1


def test_log_lines_never_carry_a_nik():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "pemohon NIK %s gagal", (VALID,), None)
    RedactPersonalDataFilter().filter(record)
    assert VALID not in record.getMessage()
    assert "[NIK disamarkan]" in record.getMessage()
