"""The register's clocks where staff and auditors look: the staff home lists the user's units' berkala items past
their next update and, for the PPID Utama, the DIK entries due for review; the auditors' dashboard lists the
agency's overdue berkala items per unit; the compliance figures (page, JSON API, CSV) count the register's
freshness per unit."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from dip import services
from dip.links import item_staff_url
from tests.dip.makers import dik_in_force, published_item
from tests.helpers import at
from transparency.selectors import compliance_by_unit, overdue_register_items

pytestmark = pytest.mark.django_db

STALE = "Laporan Keuangan Dinas Kesehatan Semester I 2026"
FRESH = "Rencana Kerja dan Anggaran Dinas Kesehatan 2027"
UTAMA_STALE = "LAKIP Diskominfo 2025"


@pytest.fixture
def register(world):
    """Published on 2 March 2026: due 2 September. The fresh one was renewed on 1 September. One of the Utama's
    is stale too; a DIK entry ends on 1 November 2026."""
    with at(2026, 3, 2, 10):
        stale = published_item(world, title=STALE)
        fresh = published_item(world, title=FRESH)
        utama_stale = published_item(world, unit=world.utama, title=UTAMA_STALE)
        published_item(world, title="SOP pelayanan informasi", category="setiap_saat")
    with at(2026, 5, 4, 10):
        entry = dik_in_force(world, period_until=dt.date(2026, 11, 1), agreed_on=dt.date(2026, 5, 4))
    with at(2026, 9, 1, 10):
        services.dip_item_publish(item_id=fresh.pk, actor=world.officer)
    return stale, fresh, utama_stale, entry


def _home(client, user):
    client.force_login(user)
    return client.get(reverse("frontend:work")).content.decode()


def test_the_staff_home_lists_the_units_overdue_items_with_links(client, world, register):
    stale, _fresh, utama_stale, _entry = register
    with at(2026, 9, 10, 9):
        pelaksana = _home(client, world.pelaksana_officer)
        utama = _home(client, world.officer)
        client.force_login(world.citizen)
        citizen_home = client.get(reverse("frontend:work"))
    # The Pelaksana's officer sees their own unit's stale item, not the Utama's, nor the fresh one.
    assert "1 informasi berkala lewat jadwal pembaruan" in pelaksana
    assert f'href="{item_staff_url(stale)}"' in pelaksana and STALE in pelaksana
    assert UTAMA_STALE not in pelaksana and FRESH not in pelaksana
    assert "2 September 2026" in pelaksana
    # The PPID Utama reaches every unit.
    assert "2 informasi berkala lewat jadwal pembaruan" in utama and UTAMA_STALE in utama and STALE in utama
    assert citizen_home.status_code == 404


def test_the_ppid_utama_sees_dik_entries_due_for_review(client, world, register, settings):
    settings.DIK_REVIEW_LEAD_DAYS = 60
    with at(2026, 9, 1, 9):  # 61 days before 1 November
        assert "perlu ditinjau" not in _home(client, world.head)
    with at(2026, 9, 2, 9):
        head = _home(client, world.head)
        pelaksana = _home(client, world.pelaksana_officer)
    assert "1 informasi dikecualikan perlu ditinjau" in head
    assert "Dokumen rencana pengamanan gudang vaksin" in head and "1 November 2026" in head
    # The Pelaksana does not decide exemptions.
    assert "perlu ditinjau" not in pelaksana


def test_the_staff_home_costs_the_same_with_more_items(
    client, world, register, django_assert_max_num_queries
):
    with at(2026, 9, 10, 9):
        client.force_login(world.officer)
        client.get(reverse("frontend:work"))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as few:
            client.get(reverse("frontend:work"))
    with at(2026, 3, 3, 10):
        for n in range(12):
            published_item(world, title=f"Laporan bulanan {n}")
    with at(2026, 9, 10, 9):
        with CaptureQueriesContext(connection) as many:
            html = client.get(reverse("frontend:work")).content.decode()
    assert len(many) == len(few)
    assert "14 informasi berkala lewat jadwal pembaruan" in html
    assert "10 dari 14 ditampilkan" in html


def test_compliance_counts_the_registers_freshness_per_unit(world, register):
    with at(2026, 9, 10, 9):
        data = compliance_by_unit(world.agency)
        listed = overdue_register_items(world.agency)
    units = {u["unit"]: u for u in data["units"]}
    assert (
        units[world.pelaksana.pk]["dip_published"],
        units[world.pelaksana.pk]["dip_berkala"],
        units[world.pelaksana.pk]["dip_berkala_overdue"],
    ) == (3, 2, 1)
    assert (units[world.utama.pk]["dip_published"], units[world.utama.pk]["dip_berkala_overdue"]) == (1, 1)
    assert data["totals"]["dip_berkala_overdue"] == 2
    assert {"compliance.dip_published", "compliance.dip_berkala_overdue"} <= set(data["definitions"])
    assert listed["count"] == 2
    assert [(r["title"], r["overdue_days"]) for r in listed["results"]] == [(STALE, 8), (UTAMA_STALE, 8)]
    # On the due day itself nothing is overdue yet.
    with at(2026, 9, 2, 20):
        assert compliance_by_unit(world.agency)["totals"]["dip_berkala_overdue"] == 0


def test_the_auditors_dashboard_api_and_csv_show_it(client, world, register):
    with at(2026, 9, 10, 9):
        client.force_login(world.auditor)
        page = client.get(reverse("frontend:dashboard_agency", args=[world.agency.slug])).content.decode()
        csv_body = client.get(
            reverse("frontend:dashboard_compliance_csv", args=[world.agency.slug])
        ).content.decode("utf-8-sig")
        api = APIClient()
        api.force_authenticate(world.auditor)
        body = api.get("/api/v1/stats/compliance/", {"agency": world.agency.slug}).json()
    assert "Informasi berkala lewat jadwal pembaruan" in page
    assert "2 informasi berkala belum diperbarui" in page
    assert STALE in page and UTAMA_STALE in page and FRESH not in page.split('id="register-overdue-h"')[1]
    rows = list(csv.reader(io.StringIO(csv_body), delimiter=";"))
    header = next(r for r in rows if "dip_berkala_overdue" in r)
    column = header.index("dip_berkala_overdue")
    by_unit = {r[header.index("unit")]: r[column] for r in rows[rows.index(header) + 1 :]}
    assert by_unit[str(world.pelaksana.pk)] == "1" and by_unit["total"] == "2"
    api_units = {u["unit"]: u for u in body["units"]}
    assert api_units[world.pelaksana.pk]["dip_berkala_overdue"] == 1
    assert api_units[world.utama.pk]["dip_published"] == 1


def test_the_dashboard_register_list_is_for_those_who_see_compliance(client, world, register):
    with at(2026, 9, 10, 9):
        client.force_login(world.pelaksana_officer)
        response = client.get(reverse("frontend:dashboard_agency", args=[world.agency.slug]))
    assert response.status_code == 404


def test_the_utama_sees_how_many_items_wait_for_publication_on_the_staff_home(world, client):
    draft = services.dip_item_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data={
            "title": "Profil Dinas Kesehatan",
            "summary": "Visi, misi dan struktur organisasi.",
            "category": "setiap_saat",
            "responsible": "Sekretaris Dinas Kesehatan",
            "format": "softcopy",
            "retention": "5 tahun",
        },
    )
    client.force_login(world.officer)
    assert "menunggu diumumkan" not in client.get(reverse("frontend:work")).content.decode()
    services.dip_item_request_review(item_id=draft.pk, actor=world.pelaksana_officer)
    page = client.get(reverse("frontend:work")).content.decode()
    assert "1 informasi publik menunggu diumumkan" in page
    assert f'href="{reverse("frontend:dip_work")}?state=menunggu"' in page
    client.force_login(world.pelaksana_officer)
    assert "menunggu diumumkan" not in client.get(reverse("frontend:work")).content.decode()
