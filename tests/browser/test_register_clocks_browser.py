"""The register's clocks as staff meet them in a browser (axe-checked): the Pelaksana officer's home lists the
overdue berkala item with a link; the PPID Utama's head sees the DIK entry due for review; the auditor's dashboard
lists the overdue item per unit, on a phone too."""

import datetime as dt

import pytest
from django.utils import timezone

from dip import services
from dip.models import DipItem
from tests.dip.makers import dik_data, item_data
from tests.helpers import log_in

pytestmark = [pytest.mark.browser]
STALE = "Laporan Kinerja Dinas Kesehatan 2025"


@pytest.fixture
def register(world):
    item = services.dip_item_create(
        actor=world.pelaksana_officer, unit=world.pelaksana, data=item_data(title=STALE)
    )
    services.dip_item_publish(item_id=item.pk, actor=world.officer)
    today = timezone.localdate()
    DipItem.objects.filter(pk=item.pk).update(next_update_due=today - dt.timedelta(days=9))
    entry = services.dik_entry_create(
        actor=world.officer,
        unit=world.utama,
        data=dik_data(agreed_on=today, period_until=today + dt.timedelta(days=30)),
    )
    services.dik_entry_decide(entry_id=entry.pk, actor=world.head, sk_number="188/1/PPID", sk_date=today)
    return item


def test_staff_see_the_registers_clocks(open_tab, world, register):
    officer = log_in(open_tab(), world.pelaksana_officer.username)
    officer.goto("/kerja/")
    section = officer.page.get_by_role("region", name="Informasi berkala lewat jadwal pembaruan")
    assert STALE in section.inner_text() and "9" in section.inner_text()
    assert section.get_by_role("link", name=STALE).get_attribute("href")

    head = log_in(open_tab(viewport={"width": 375, "height": 800}), world.head.username)
    head.goto("/kerja/")
    review = head.page.get_by_role("region", name="Informasi dikecualikan yang perlu ditinjau")
    assert "Dokumen rencana pengamanan gudang vaksin" in review.inner_text()

    auditor = log_in(open_tab(viewport={"width": 375, "height": 800}), world.auditor.username)
    auditor.goto(f"/dasbor/{world.agency.slug}/")
    listed = auditor.page.get_by_role("region", name="Informasi berkala lewat jadwal pembaruan")
    assert STALE in listed.inner_text() and world.pelaksana.name in listed.inner_text()
