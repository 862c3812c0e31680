"""Staff land on their work (/kerja/) after login, not on the citizens' "Permohonan saya" (issue 13, point 9)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ppid import services as s
from tests.factories import PASSWORD

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def _login(client, username, next_url=None):
    url = "/akun/masuk/" + (f"?next={next_url}" if next_url is not None else "")
    return client.post(url, {"username": username, "password": PASSWORD})


@pytest.mark.parametrize("username", ["petugas", "pelaksana", "atasan", "auditor", "admin"])
def test_staff_land_on_their_work_after_login(client, world, username):
    resp = _login(client, username)
    assert resp.status_code == 302
    assert resp["Location"] == "/kerja/"
    page = client.get("/kerja/").content.decode()
    assert "<h1>Pekerjaan saya</h1>" in page
    assert 'aria-current="page">Pekerjaan saya</a>' in page
    # The citizens' entry is not their main navigation.
    assert ">Permohonan saya</a></li>" not in page


def test_citizens_still_land_on_the_home_page(client, world):
    resp = _login(client, "pemohon")
    assert resp["Location"] == "/"
    assert client.get("/kerja/").status_code == 404
    assert ">Permohonan saya</a></li>" in client.get("/").content.decode()


def test_a_safe_next_wins_and_an_unsafe_one_is_ignored(client, world):
    assert _login(client, "petugas", "/antrean/")["Location"] == "/antrean/"
    client.logout()
    assert _login(client, "petugas", "https://evil.example/")["Location"] == "/kerja/"


def _section(page: str, heading_id: str) -> str:
    """The HTML of one section of the page, from its heading to the next section."""
    start = page.index(f'id="{heading_id}"')
    return page[start : page.find("</section>", start)]


def test_an_officer_sees_open_cases_by_due_date_with_due_soon_and_overdue(client, world, file_request):
    with at(2026, 3, 2, 10):  # due 16 March: overdue on the 25th
        late = file_request()
    with at(2026, 3, 9, 10):  # due 30 March: 3 working days left on the 25th, due soon
        soon = file_request()
    with at(2026, 3, 25, 9):
        fresh = file_request()
        elsewhere = file_request()
        s.information_request_forward(
            request_id=elsewhere.pk, actor=world.officer, unit=world.pelaksana, note="Data di unit."
        )
        client.force_login(world.officer)
        page = client.get("/kerja/").content.decode()
    assert "1 lewat batas waktu" in page
    assert "1 segera jatuh tempo" in page
    assert "0 perkara saya" in page
    # Nobody has taken the three of the Utama yet; the forwarded one is Dinas Kesehatan's to take.
    assert "3 belum ditangani siapa pun di unit saya" in page
    unassigned = _section(page, "kerja-belum-h")
    links = [int(pk) for pk in re.findall(r'href="/permohonan/(\d+)/"', unassigned)]
    # Earliest deadline first, each linking to its page.
    assert links == [late.pk, soon.pk, fresh.pk]
    assert re.findall(r'href="/permohonan/(\d+)/"', _section(page, "kerja-lewat-h")) == [str(late.pk)]
    assert re.findall(r'href="/permohonan/(\d+)/"', _section(page, "kerja-segera-h")) == [str(soon.pk)]
    assert 'href="/antrean/?overdue=on"' in page

    # The PPID Pelaksana officer's reach is their unit only.
    with at(2026, 3, 25, 9):
        client.force_login(world.pelaksana_officer)
        page = client.get("/kerja/").content.decode()
    assert "1 belum ditangani siapa pun di unit saya" in page
    assert re.findall(r'href="/permohonan/(\d+)/"', page) == [str(elsewhere.pk)]


def test_a_claimed_case_moves_from_the_units_list_to_mine(client, world, file_request):
    with at(2026, 3, 2, 10):
        first = file_request()
        second = file_request()
    with at(2026, 3, 5, 10):
        s.information_request_claim(request_id=first.pk, actor=world.officer)
        client.force_login(world.officer)
        page = client.get("/kerja/").content.decode()
    assert "1 perkara saya" in page
    assert re.findall(r'href="/permohonan/(\d+)/"', _section(page, "kerja-saya-h")) == [str(first.pk)]
    assert re.findall(r'href="/permohonan/(\d+)/"', _section(page, "kerja-belum-h")) == [str(second.pk)]
    # A colleague of the same unit sees the first as taken: it is on nobody's "unassigned" list.
    with at(2026, 3, 5, 10):
        client.force_login(world.head)
        page = client.get("/kerja/").content.decode()
    assert "0 perkara saya" in page
    assert re.findall(r'href="/permohonan/(\d+)/"', _section(page, "kerja-belum-h")) == [str(second.pk)]


def test_the_atasan_sees_the_objections_waiting(client, world, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 3, 25, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi penerima.",
        )
    with at(2026, 4, 1, 10):
        objection = s.objection_file(
            requester=world.citizen, request_id=request.pk, grounds=["a"], reason="Bukan rahasia pribadi."
        )
        client.force_login(world.atasan)
        page = client.get("/kerja/").content.decode()
    assert "Keberatan menunggu tanggapan Anda" in page
    assert f'href="/keberatan/{objection.pk}/">{objection.registration_number}</a>' in page
    assert 'href="/keberatan/"' in page


def test_auditors_get_their_dashboard_and_administrators_their_management_links(client, world):
    client.force_login(world.auditor)
    page = client.get("/kerja/").content.decode()
    assert f'href="/dasbor/{world.agency.slug}/"' in page
    assert "perkara saya" not in page  # not an officer: no list of their own
    # The auditor watches every unit: open and overdue cases per unit.
    assert 'id="kerja-unit-h"' in page

    client.force_login(world.admin)
    page = client.get("/kerja/").content.decode()
    slug = world.agency.slug
    for path in (f"/kelola/{slug}/staf/", f"/kelola/{slug}/unit/", f"/kelola/{slug}/pengaturan/"):
        assert f'href="{path}"' in page


def test_staff_opening_the_citizen_home_are_pointed_to_their_work(client, world):
    client.force_login(world.officer)
    page = client.get("/permohonan/").content.decode()
    assert 'href="/kerja/">Pekerjaan saya</a>' in page
    client.force_login(world.citizen)
    assert 'href="/kerja/"' not in client.get("/permohonan/").content.decode()


def test_the_work_page_in_english(client, world):
    client.cookies["django_language"] = "en"
    client.force_login(world.officer)
    page = client.get("/kerja/").content.decode()
    assert "<h1>My work</h1>" in page
    assert "0 of my cases" in page
