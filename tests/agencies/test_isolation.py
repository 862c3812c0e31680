"""Nothing of one agency is visible to another agency's staff."""

import pytest
from django.urls import reverse

from agencies.models import StaffRole
from agencies.selectors import memberships_visible_to, units_visible_to
from agencies.services import agency_update_settings
from audit.selectors import events_visible_to
from audit.services import audit_record
from tests.factories import UserFactory, make_agency, make_staff
from workcalendar.models import Holiday, HolidayKind
from workcalendar.selectors import holidays_visible_to

pytestmark = pytest.mark.django_db

SETTINGS = {
    "name": "Dinas A",
    "registration_number_format": "{seq:04d}/PPID/{month_roman}/{year}",
    "objection_number_format": "{seq:04d}/KEB/{month_roman}/{year}",
    "complaint_number_format": "ADU/{year}/{seq:05d}",
    "complaint_verify_working_days": "3",
    "complaint_followup_working_days": "5",
    "complaint_auto_close_working_days": "10",
    "complaint_resolution_days": "60",
    "auto_complete_working_days": "10",
    "letter_number_format": "{klasifikasi}/{seq}/{unit}/{year}",
}
ROLES = [StaffRole.OFFICER, StaffRole.PPID, StaffRole.ATASAN, StaffRole.AUDITOR, StaffRole.ADMIN]


@pytest.fixture
def two_agencies():
    a = make_agency(name="Dinas A", slug="dinas-a")
    b = make_agency(name="Dinas B", slug="dinas-b")
    return a, b


@pytest.mark.parametrize("role", ROLES)
def test_staff_selectors_never_return_another_agencys_rows(two_agencies, role):
    (a, a_utama, a_pel), (b, b_utama, b_pel) = two_agencies
    viewer = make_staff(a_pel if role in (StaffRole.OFFICER, StaffRole.PPID) else a_utama, role)
    make_staff(b_utama, StaffRole.OFFICER)
    audit_record(actor=None, obj=b, agency=b, action="agency.touched")
    audit_record(actor=None, obj=a, agency=a, action="agency.touched")
    Holiday.objects.create(date="2026-07-07", name="HUT B", kind=HolidayKind.AGENCY, agency=b)

    assert {u.agency_id for u in units_visible_to(viewer)} == {a.pk}
    assert {m.unit.agency_id for m in memberships_visible_to(viewer)} == {a.pk}
    # The raw trail is for those who reach the whole agency; a Pelaksana's staff see none of it.
    in_full_reach = role not in (StaffRole.OFFICER, StaffRole.PPID)
    assert {e.agency_id for e in events_visible_to(viewer)} == ({a.pk} if in_full_reach else set())
    assert not holidays_visible_to(viewer).filter(agency=b).exists()


def test_the_audit_trail_page_is_for_staff_who_reach_the_whole_agency(client, two_agencies):
    (a, a_utama, a_pel), _ = two_agencies
    audit_url = reverse("frontend:audit", args=[a.slug])
    client.force_login(make_staff(a_pel, StaffRole.OFFICER))
    assert client.get(audit_url).status_code == 404
    assert audit_url not in client.get(reverse("frontend:manage")).content.decode()
    for role in (StaffRole.OFFICER, StaffRole.AUDITOR, StaffRole.ATASAN):
        client.force_login(make_staff(a_utama, role))
        assert client.get(audit_url).status_code == 200
        assert audit_url in client.get(reverse("frontend:manage")).content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_pages_of_another_agency_answer_as_if_they_did_not_exist(client, two_agencies, role):
    (a, a_utama, _), (b, b_utama, b_pel) = two_agencies
    client.force_login(make_staff(a_utama, role))
    for url in (
        reverse("frontend:units", args=[b.slug]),
        reverse("frontend:unit_detail", args=[b.slug, b_pel.pk]),
        reverse("frontend:unit_detail", args=[a.slug, b_pel.pk]),  # own agency in the URL, other's unit
        reverse("frontend:audit", args=[b.slug]),
        reverse("frontend:agency_settings", args=[b.slug]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("frontend:units", args=[a.slug])).status_code == 200


def test_citizens_see_no_administration(client, two_agencies):
    (a, _, a_pel), _ = two_agencies
    client.force_login(UserFactory())
    for url in (
        reverse("frontend:manage"),
        reverse("frontend:units", args=[a.slug]),
        reverse("frontend:audit", args=[a.slug]),
    ):
        assert client.get(url).status_code == 404


def test_another_agencys_admin_cannot_change_settings(two_agencies):
    from django.core.exceptions import PermissionDenied

    (a, a_utama, _), (b, _, _) = two_agencies
    admin_a = make_staff(a_utama, StaffRole.ADMIN)
    with pytest.raises(PermissionDenied):
        agency_update_settings(actor=admin_a, agency=b, data={"name": "Diambil alih"})
    b.refresh_from_db()
    assert b.name == "Dinas B"


def test_unknown_time_zone_gets_a_clear_message_and_changes_nothing(client, two_agencies):
    (a, a_utama, _), _ = two_agencies
    client.force_login(make_staff(a_utama, StaffRole.ADMIN))
    resp = client.post(
        reverse("frontend:agency_settings", args=[a.slug]), {**SETTINGS, "time_zone": "Europe/London"}
    )
    assert resp.status_code == 200
    assert "Zona waktu tidak dikenal" in resp.content.decode()
    a.refresh_from_db()
    assert a.time_zone == "Asia/Jakarta"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("complaint_verify_working_days", "0", "Paling sedikit 1 hari."),
        ("auto_complete_working_days", "0", "Paling sedikit 1 hari."),
        ("complaint_resolution_days", "99999", "Paling banyak 365 hari."),
    ],
)
def test_a_clock_of_zero_days_or_beyond_a_year_is_refused(client, two_agencies, field, value, message):
    """A zero-day verification clock made every later complaint filing fail; now the setting is refused."""
    (a, a_utama, _), _ = two_agencies
    client.force_login(make_staff(a_utama, StaffRole.ADMIN))
    resp = client.post(
        reverse("frontend:agency_settings", args=[a.slug]),
        {**SETTINGS, "time_zone": "Asia/Jakarta", field: value, "reason": "uji"},
    )
    html = resp.content.decode()
    assert resp.status_code == 200 and message in html and f'value="{value}"' in html
    a.refresh_from_db()
    assert getattr(a, field) == {"complaint_resolution_days": 60, "auto_complete_working_days": 10}.get(
        field, 3
    )


def test_settings_change_is_audited_with_before_and_after(client, two_agencies):
    (a, a_utama, _), _ = two_agencies
    admin = make_staff(a_utama, StaffRole.ADMIN)
    client.force_login(admin)
    resp = client.post(
        reverse("frontend:agency_settings", args=[a.slug]),
        {
            **SETTINGS,
            "time_zone": "Asia/Makassar",
            "cuti_bersama_agency_working_day": "on",
            "reason": "pindah ke WITA",
        },
    )
    assert resp.status_code == 302
    a.refresh_from_db()
    assert a.time_zone == "Asia/Makassar" and a.cuti_bersama_agency_working_day
    event = events_visible_to(admin).get(action="agency.settings_changed")
    assert event.details["time_zone"] == {"from": "Asia/Jakarta", "to": "Asia/Makassar"}
    assert event.reason == "pindah ke WITA" and event.actor == admin


def test_one_ppid_utama_per_agency_and_staff_in_one_agency(two_agencies):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    from agencies.models import Unit, UnitKind
    from agencies.services import membership_grant

    (a, a_utama, _), (b, b_utama, _) = two_agencies
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(agency=a, name="Utama kedua", code="X", kind=UnitKind.UTAMA)
    user = make_staff(a_utama)
    with pytest.raises(ValidationError):
        membership_grant(actor=None, user=user, unit=b_utama, role=StaffRole.OFFICER)


def test_admin_adds_a_pelaksana_unit_under_the_utama(client, two_agencies):
    (a, a_utama, _), _ = two_agencies
    client.force_login(make_staff(a_utama, StaffRole.ADMIN))
    resp = client.post(
        reverse("frontend:units", args=[a.slug]), {"name": "PPID Pelaksana Dinas Sosial", "code": "dinsos"}
    )
    assert resp.status_code == 302
    unit = a.units.get(code="DINSOS")
    assert unit.parent == a_utama


def test_registration_number_format_must_hold_sequence_and_year(client, two_agencies):
    (a, a_utama, _), _ = two_agencies
    client.force_login(make_staff(a_utama, StaffRole.ADMIN))
    url = reverse("frontend:agency_settings", args=[a.slug])
    for fmt, message in (
        ("PPID/{year}", "wajib memuat {seq} dan {year}"),
        ("{seq}/{tahun}", "tidak dikenal"),
    ):
        resp = client.post(url, {**SETTINGS, "time_zone": "Asia/Jakarta", "registration_number_format": fmt})
        assert message in resp.content.decode()
    a.refresh_from_db()
    assert a.registration_number_format == "{seq:04d}/PPID/{month_roman}/{year}"
