"""The staff home lists requests, objections and complaints alike; the unit head's workload page; both cost a
fixed number of queries whatever the number of cases (issue 16 points 1 and 2)."""

import re

import pytest

from complaints import services as c
from ppid import services as s
from tests.factories import make_staff
from tests.helpers import at


def _complaint(world, **kwargs):
    data = {
        "agency": world.agency,
        "title": "Antrean puskesmas berjam-jam",
        "description": "Menunggu 5 jam tanpa kepastian",
        "category": "health",
        "location": "Puskesmas Sukajadi",
    }
    data.update(kwargs)
    return c.complaint_file(reporter=world.citizen, **data)[0]


def _refused(world, file_request):
    request = file_request()
    s.information_request_process(request_id=request.pk, actor=world.officer)
    s.information_request_respond(
        request_id=request.pk,
        actor=world.officer,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="Data pribadi penerima.",
    )
    return request


def test_my_cases_mix_requests_objections_and_complaints_by_due_date(client, world, file_request):
    with at(2026, 3, 2, 10):
        request = file_request()
        refused = _refused(world, file_request)
        complaint = _complaint(world)
    with at(2026, 3, 3, 10):
        objection = s.objection_file(
            requester=world.citizen, request_id=refused.pk, grounds=["a"], reason="Bukan data pribadi."
        )
        c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.utama)
        s.information_request_claim(request_id=request.pk, actor=world.officer)
        s.objection_claim(objection_id=objection.pk, actor=world.officer)
        c.complaint_claim(complaint_id=complaint.pk, actor=world.officer)
        client.force_login(world.officer)
        page = client.get("/kerja/").content.decode()
    assert "3 perkara saya" in page
    mine = page[page.index('id="kerja-saya-h"') : page.index('id="kerja-belum-h"')]
    numbers = re.findall(r'<a href="/(permohonan|keberatan|pengaduan)/(\d+)/">', mine)
    kinds = [kind for kind, _pk in numbers]
    assert sorted(kinds) == ["keberatan", "pengaduan", "permohonan"]
    assert "Antrean puskesmas berjam-jam" in mine  # the complaint's subject
    assert "Dokumen anggaran Dinas Kesehatan" in mine  # the request's
    # By due date: the request (16 March) before the objection (30 working days) before nothing later.
    assert kinds.index("permohonan") < kinds.index("keberatan")


def test_the_atasan_sees_the_units_open_and_overdue_cases(client, world, file_request):
    with at(2026, 3, 2, 10):
        file_request()
        forwarded = file_request()
        s.information_request_forward(
            request_id=forwarded.pk, actor=world.officer, unit=world.pelaksana, note="Data di unit."
        )
    with at(2026, 3, 25, 10):  # both past their 16 March due date
        client.force_login(world.atasan)
        page = client.get("/kerja/").content.decode()
    table = page[page.index('id="kerja-unit-h"') :]
    for unit in (world.utama, world.pelaksana):
        assert re.search(rf"<th scope=\"row\">{re.escape(unit.name)}</th><td>1</td><td>1</td>", table), unit
    assert "perkara saya" not in page  # the Atasan handles no requests


def test_the_unit_head_sees_each_officers_load(client, world, file_request):
    colleague = make_staff(world.utama, username="petugas2", first_name="Dewi")
    with at(2026, 3, 2, 10):
        late = file_request()
        file_request()
        file_request()
    with at(2026, 3, 12, 10):
        s.information_request_assign(request_id=late.pk, actor=world.head, officer_id=colleague.pk)
    with at(2026, 3, 25, 10):  # all three are past 16 March
        client.force_login(world.head)
        page = client.get("/kerja/beban/").content.decode()
    assert "<h1>Beban kerja petugas</h1>" in page
    row = re.search(r"<th scope=\"row\">Dewi[^<]*</th>(.*?)</tr>", page, re.S).group(1)
    cells = re.findall(r"<td[^>]*>(?:<a[^>]*>)?(\d+)", row)
    assert cells == ["1", "0", "0", "1", "0", "1"]  # requests, objections, complaints, open, soon, overdue
    assert f'href="/antrean/?assigned_to={colleague.pk}"' in page
    unassigned = page[page.index('id="beban-belum-h"') :]
    assert re.search(rf"{re.escape(world.utama.name)}</th>\s*<td[^>]*><a[^>]*>2</a>", unassigned)


@pytest.mark.parametrize(
    "who", ["officer", "pelaksana_officer", "atasan", "auditor", "admin", "citizen", "outsider"]
)
def test_the_workload_is_for_unit_heads_only(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get("/kerja/beban/").status_code == 404


def test_a_pelaksana_head_sees_their_own_unit_only(client, world):
    head = make_staff(world.pelaksana, "ppid", username="kepala_dinkes")
    client.force_login(head)
    page = client.get("/kerja/beban/").content.decode()
    assert world.pelaksana.name in page
    assert world.utama.name not in page
    assert world.officer.get_full_name() not in page or not world.officer.get_full_name()


def _load(world, file_request, n):
    for i in range(n):
        request = file_request()
        if i % 2:
            s.information_request_claim(request_id=request.pk, actor=world.officer)
        complaint = _complaint(world)
        c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.utama)


def _queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


# The register's lists (issue 18) add their counts: overdue berkala items for everyone; for the PPID Utama's
# officers and head also the DIK entries due for review and the items waiting for publication (rows only when
# there are some).
PINNED = {
    ("officer", "/kerja/"): 26,
    ("head", "/kerja/"): 26,
    ("head", "/kerja/beban/"): 14,
    ("atasan", "/kerja/"): 19,
}


@pytest.mark.parametrize(("who", "path"), list(PINNED))
def test_the_staff_pages_cost_the_same_queries_for_few_cases_or_many(client, world, file_request, who, path):
    with at(2026, 3, 2, 10):
        _load(world, file_request, 2)
        client.force_login(getattr(world, who))
        few = _queries(client, path)
        _load(world, file_request, 6)
        many = _queries(client, path)
    assert many == few
    # Pinned: a change that adds a query per list or per row shows here.
    assert few == PINNED[who, path]


def test_the_units_open_order_is_on_the_home_of_its_officers_and_the_atasan(client, world, granted_order):
    with at(2026, 4, 20, 10):  # four days before 24 April
        for who, expected in (("pelaksana_officer", True), ("atasan", True), ("pelaksana_head", True)):
            client.force_login(getattr(world, who))
            page = client.get("/kerja/").content.decode()
            assert ("1 putusan atasan menunggu pelaksanaan" in page) is expected, who
            assert granted_order.objection.registration_number in page, who
        client.force_login(world.disdik_officer)  # another Pelaksana: not theirs
        page = client.get("/kerja/").content.decode()
    assert "0 putusan atasan menunggu pelaksanaan" in page
    assert granted_order.objection.registration_number not in page


def test_a_contribution_asked_of_my_unit_is_on_my_home(client, world, file_request):
    from ppid.services.contributions import contribution_ask

    with at(2026, 3, 2, 10):
        request = file_request()
        contribution_ask(
            request_id=request.pk, actor=world.officer, units=[world.pelaksana], instructions="Data anggaran"
        )
        client.force_login(world.pelaksana_officer)
        page = client.get("/kerja/").content.decode()
        assert "1 permintaan bahan untuk unit saya" in page
        assert f"Bahan untuk {request.registration_number}" in page
        client.force_login(world.officer)  # the asker's unit was not asked
        page = client.get("/kerja/").content.decode()
    assert "0 permintaan bahan untuk unit saya" in page


def test_a_draft_waiting_for_approval_is_on_the_heads_home(client, world, file_request):
    world.agency.approval_before_issue = True
    world.agency.save(update_fields=["approval_before_issue"])
    with at(2026, 3, 2, 10):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="granted",
            provided_information="Salinan dokumen anggaran.",
        )
        client.force_login(world.head)
        page = client.get("/kerja/").content.decode()
        assert "1 rancangan surat menunggu persetujuan saya" in page
        section = page[page.index('id="persetujuan-saya-h"') :]
        assert request.registration_number in section
        client.force_login(world.officer)  # the drafter approves nothing
        page = client.get("/kerja/").content.decode()
    assert "persetujuan-saya-h" not in page


def test_the_workload_links_open_the_queue_filtered_the_same_way(client, world, file_request):
    colleague = make_staff(world.utama, username="petugas2", first_name="Dewi")
    with at(2026, 3, 2, 10):
        theirs = file_request(information_requested="Data milik Dewi")
        nobodys = file_request(information_requested="Data tanpa petugas")
        s.information_request_assign(request_id=theirs.pk, actor=world.head, officer_id=colleague.pk)
        client.force_login(world.head)
        workload = client.get("/kerja/beban/").content.decode()
        officer_link = re.search(rf'href="(/antrean/\?assigned_to={colleague.pk})"', workload).group(1)
        unit_link = f"/antrean/?assigned_to=none&amp;unit={world.utama.pk}"
        assert f'href="{unit_link}"' in workload
        by_officer = client.get(officer_link).content.decode()
        by_unit = client.get(unit_link.replace("&amp;", "&")).content.decode()
    assert theirs.registration_number in by_officer and nobodys.registration_number not in by_officer
    assert nobodys.registration_number in by_unit and theirs.registration_number not in by_unit
