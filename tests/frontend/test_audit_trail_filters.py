"""The audit trail's filters (who, what, case, period) and its CSV export, itself recorded (issue 16 point 9)."""

import csv
import io

import pytest

from agencies.events import AUDIT_TRAIL_EXPORTED
from audit.models import Event
from ppid import services as s
from ppid.events import REQUEST_PROCESS
from tests.helpers import at


@pytest.fixture
def trail(world, file_request):
    with at(2026, 3, 2, 10):
        first = file_request()
        second = file_request(information_requested="Data lain")
    with at(2026, 3, 10, 10):
        s.information_request_process(request_id=first.pk, actor=world.officer)
    with at(2026, 3, 12, 10):
        s.information_request_process(request_id=second.pk, actor=world.head)
    return first, second


def _url(world, **params):
    from urllib.parse import urlencode

    return f"/kelola/{world.agency.slug}/audit/" + (f"?{urlencode(params)}" if params else "")


def _numbers(page: str, *requests) -> set[str]:
    return {r.registration_number for r in requests if r.registration_number in page}


def test_each_filter_narrows_the_trail(client, world, trail):
    first, second = trail
    client.force_login(world.auditor)
    page = client.get(_url(world)).content.decode()
    assert _numbers(page, first, second) == {first.registration_number, second.registration_number}

    page = client.get(_url(world, actor=world.head.pk)).content.decode()
    assert _numbers(page, first, second) == {second.registration_number}

    page = client.get(
        _url(world, action=REQUEST_PROCESS, case=first.registration_number.lower())
    ).content.decode()
    assert "1 peristiwa" in page and first.registration_number in page

    page = client.get(_url(world, start="2026-03-11", end="2026-03-31")).content.decode()
    assert _numbers(page, first, second) == {second.registration_number}
    assert "1 peristiwa" in page


def test_a_bad_filter_is_named_and_shows_nothing(client, world, trail):
    client.force_login(world.auditor)
    page = client.get(
        _url(world, start="2026-03-20", end="2026-03-01", actor=world.outsider.pk)
    ).content.decode()
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in page
    assert "Pilih staf dari badan publik ini." in page  # another agency's officer is no choice
    assert "0 peristiwa" in page


def test_the_csv_holds_what_the_filters_select_and_the_download_is_recorded(client, world, trail):
    first, second = trail
    client.force_login(world.auditor)
    with at(2026, 3, 20, 10):
        response = client.get(_url(world, case=second.registration_number, unduh="csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="jejak-audit-diskominfo-2026-03-20'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    # The house's spreadsheet CSV: the Indonesian headings, then the codes, then the events.
    assert rows[0][:4] == ["Waktu", "Pelaku", "Kode tindakan", "Tindakan"]
    assert rows[1][:3] == ["created_at", "actor", "action"]
    objects = {row[4] for row in rows[2:]}
    assert objects == {second.registration_number}
    assert any(row[2] == REQUEST_PROCESS and "kepala" in row[1] for row in rows[2:])
    recorded = Event.objects.get(action=AUDIT_TRAIL_EXPORTED)
    assert recorded.actor == world.auditor
    assert recorded.details == {"filters": {"case": second.registration_number}, "rows": len(rows) - 2}


@pytest.mark.parametrize("who", ["pelaksana_officer", "citizen", "outsider"])
def test_the_trail_and_its_export_stay_closed_to_those_without_full_reach(client, world, trail, who):
    client.force_login(getattr(world, who))
    assert client.get(_url(world)).status_code == 404
    assert client.get(_url(world, unduh="csv")).status_code == 404
    assert not Event.objects.filter(action=AUDIT_TRAIL_EXPORTED).exists()
