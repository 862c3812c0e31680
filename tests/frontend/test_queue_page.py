"""Issue 16 points 7 and 8 on the page: the queue's search, filters and sort kept in the URL, its query count, and
bulk actions with their preview (/antrean/massal/): who can and who cannot, then each case by its own service."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies.models import StaffRole
from audit.models import Event
from ppid import services as s
from ppid.events import REQUEST_ASSIGN, REQUEST_COMPLETE
from ppid.models import InformationRequest
from tests.factories import make_staff

WIB = ZoneInfo("Asia/Jakarta")
MONDAY = dt.datetime(2026, 7, 6, 10, 0, tzinfo=WIB)
QUEUE = reverse("frontend:queue")
BULK = reverse("frontend:queue_bulk")


@pytest.fixture
def frozen():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


def test_search_filters_and_sort_are_in_the_url_and_the_links_keep_them(client, world, file_request, frozen):
    budget = file_request(information_requested="Dokumen anggaran kesehatan")
    roads = file_request(information_requested="Kontrak jalan", unit=world.pelaksana)
    client.force_login(world.officer)
    html = client.get(QUEUE, {"q": "anggaran", "state": "registered", "assigned_to": "none"}).content.decode()
    assert budget.registration_number in html and roads.registration_number not in html
    assert 'value="anggaran"' in html  # the box keeps what was typed
    # The sort links keep the search and the filters, and start again from the first page.
    assert "?q=anggaran&amp;state=registered&amp;assigned_to=none&amp;ordering=due_date" in html
    assert "ordering=-registration_number" not in html  # not sorted by number yet: the link sorts ascending
    html = client.get(QUEUE, {"ordering": "registration_number"}).content.decode()
    assert html.index(budget.registration_number) < html.index(roads.registration_number)
    assert 'aria-sort="ascending"><a href="?ordering=-registration_number"' in html
    html = client.get(QUEUE, {"ordering": "-registration_number"}).content.decode()
    assert html.index(roads.registration_number) < html.index(budget.registration_number)
    # The columns: subject, received date and assignee (nobody yet).
    assert "Kontrak jalan" in html and "6 Juli 2026" in html and "Belum ada" in html


def test_assignee_filter_names_me_nobody_and_an_officer_of_my_reach(client, world, file_request, frozen):
    mine = file_request(information_requested="Punya saya")
    other = file_request(information_requested="Belum dipegang")
    s.information_request_claim(request_id=mine.pk, actor=world.officer)
    client.force_login(world.officer)
    html = client.get(QUEUE).content.decode()
    select = html.split('name="assigned_to"', 1)[1].split("</select>", 1)[0]
    assert "Saya" in select and "Belum ada petugas" in select and world.pelaksana_officer.username in select
    assert world.outsider.username not in select and world.citizen.username not in select
    html = client.get(QUEUE, {"assigned_to": "me"}).content.decode()
    assert mine.registration_number in html and other.registration_number not in html
    html = client.get(QUEUE, {"assigned_to": str(world.officer.pk)}).content.decode()
    assert mine.registration_number in html and other.registration_number not in html
    html = client.get(QUEUE, {"assigned_to": "none"}).content.decode()
    assert other.registration_number in html and mine.registration_number not in html


def test_bad_filters_get_a_message_and_the_others_still_apply(client, world, file_request, frozen):
    budget = file_request(information_requested="Dokumen anggaran")
    client.force_login(world.officer)
    resp = client.get(
        QUEUE,
        {
            "q": "anggaran",
            "received_after": "2026-07-10",
            "received_before": "2026-07-01",
            "state": "hilang",
            "ordering": "requester_name",
            "assigned_to": "99999",
        },
    )
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Sebagian saringan tidak dapat dipakai" in html
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in html
    assert "Pilih status dari daftar." in html and "Urutan tidak dikenal" in html
    assert "Pilih petugas dari daftar." in html
    assert budget.registration_number not in html  # received_after still applies: filed on 6 July
    html = client.get(QUEUE, {"received_after": "tanggal", "q": "anggaran"}).content.decode()
    assert "Tanggal tidak valid" in html and budget.registration_number in html


def test_the_queue_reads_a_fixed_number_of_queries(
    client, world, file_request, frozen, django_assert_max_num_queries
):
    def fill(n):
        for i in range(n):
            obj = file_request(
                information_requested=f"Data anggaran {i}", unit=world.pelaksana if i % 2 else None
            )
            if i % 3 == 0:
                s.information_request_claim(request_id=obj.pk, actor=world.officer)

    client.force_login(world.officer)
    fill(3)
    with CaptureQueriesContext(connection) as small:
        assert client.get(QUEUE, {"q": "anggaran", "state": "registered"}).status_code == 200
        assert client.get(QUEUE).status_code == 200
    fill(6)
    assert InformationRequest.objects.count() == 9
    with django_assert_max_num_queries(len(small.captured_queries)):
        html = client.get(QUEUE, {"q": "anggaran", "state": "registered"}).content.decode()
        assert html.count('name="pilih"') == 9  # every row found, with its checkbox
        client.get(QUEUE)


# --- bulk actions ---------------------------------------------------------------------------------------------
def test_bulk_assign_previews_who_can_and_cannot_then_runs_and_audits_each(
    client, world, file_request, frozen
):
    free = file_request(information_requested="Satu")
    taken = file_request(information_requested="Dua")
    done = file_request(information_requested="Tiga")
    s.information_request_claim(request_id=taken.pk, actor=world.officer)
    s.information_request_withdraw(request_id=done.pk, actor=world.citizen, reason="Tidak jadi")
    foreign = InformationRequest.objects.create(  # another agency's: outside reach
        **{
            f.name: getattr(free, f.name)
            for f in InformationRequest._meta.concrete_fields
            if f.name not in ("id", "public_id", "agency", "unit", "registration_number")
        },
        agency=world.other_agency,
        unit=world.other_utama,
        registration_number="LUAR/1",
    )
    second = make_staff(world.utama, StaffRole.OFFICER, username="petugas2")
    client.force_login(world.head)
    data = {
        "action": "assign",
        "officer": second.pk,
        "pilih": [free.pk, taken.pk, done.pk, foreign.pk],
        "kembali": "state=registered",
    }
    html = client.post(BULK, data).content.decode()
    assert "Pratinjau tindakan massal" in html
    name = second.get_full_name() or second.username
    assert free.registration_number in html and f"Ditugaskan kepada {name}." in html
    assert "Pengalihan atau pelepasan penugasan wajib disertai alasan." in html  # taken: needs a reason
    assert "Perkara yang sudah selesai tidak dapat ditugaskan." in html  # withdrawn
    assert "LUAR/1" not in html and f"#{foreign.pk}" in html and "Tidak ditemukan." in html
    assert "3 tidak dapat dijalankan" in html
    # Nothing changed yet: no audit row, no assignee.
    free.refresh_from_db()
    assert (
        free.assigned_to is None
        and not Event.objects.filter(action=REQUEST_ASSIGN, object_id=str(free.pk)).exists()
    )

    resp = client.post(BULK, {**data, "konfirmasi": "1"})
    html = resp.content.decode()
    assert "1 berhasil, 3 gagal" in html and "?state=registered" in html
    free.refresh_from_db()
    taken.refresh_from_db()
    assert free.assigned_to == second and taken.assigned_to == world.officer
    assert Event.objects.filter(action=REQUEST_ASSIGN, object_id=str(free.pk), actor=world.head).count() == 1

    # With a reason the taken one moves too: each case its own audit row.
    client.post(BULK, {**data, "pilih": [taken.pk], "text": "Beban kerja", "konfirmasi": "1"})
    taken.refresh_from_db()
    assert taken.assigned_to == second
    assert (
        Event.objects.get(action=REQUEST_ASSIGN, object_id=str(taken.pk), actor=world.head).reason
        == "Beban kerja"
    )


def test_bulk_complete_runs_each_case_in_its_own_transaction(client, world, file_request, frozen):
    answered = file_request(information_requested="Dijawab")
    open_one = file_request(information_requested="Belum dijawab")
    s.information_request_process(request_id=answered.pk, actor=world.officer)
    s.information_request_respond(
        request_id=answered.pk,
        actor=world.officer,
        decision="granted",
        provided_information="Terlampir",
        obtain_method="softcopy",
        delivery_method="email",
        provision_on=dt.date(2026, 7, 7),
    )
    client.force_login(world.officer)
    data = {"action": "complete", "pilih": [open_one.pk, answered.pk], "konfirmasi": "1"}
    html = client.post(BULK, data).content.decode()
    assert "1 berhasil, 1 gagal" in html and "Permohonan hanya dapat diselesaikan setelah dijawab." in html
    answered.refresh_from_db()
    open_one.refresh_from_db()
    assert answered.state == "completed" and open_one.state == "registered"
    assert Event.objects.filter(action=REQUEST_COMPLETE, object_id=str(answered.pk)).count() == 1


def test_bulk_forward_and_export(client, world, file_request, frozen):
    one = file_request(information_requested="Satu")
    two = file_request(information_requested="=HYPERLINK(1)")
    client.force_login(world.officer)
    resp = client.post(BULK, {"action": "export", "pilih": [one.pk, two.pk], "konfirmasi": "1"})
    body = resp.content.decode("utf-8-sig")
    assert resp["Content-Type"].startswith("text/csv") and "attachment" in resp["Content-Disposition"]
    assert one.registration_number in body and "'=HYPERLINK(1)" in body and "Siti" not in body
    forward = {"action": "forward", "unit": world.pelaksana.pk, "text": "Urusan dinas", "pilih": [one.pk]}
    html = client.post(BULK, forward).content.decode()
    assert f"Diteruskan ke {world.pelaksana.name}." in html
    one.refresh_from_db()
    assert one.unit == world.utama  # a preview changes nothing
    client.post(BULK, {**forward, "konfirmasi": "1"})
    one.refresh_from_db()
    assert one.unit == world.pelaksana


def test_bulk_form_errors_keep_the_selection_and_the_cap_holds(client, world, file_request, frozen):
    one = file_request()
    client.force_login(world.officer)
    html = client.post(BULK, {"action": "assign", "pilih": [one.pk], "text": "catatan saya"}).content.decode()
    assert "Pilih petugas yang akan ditugaskan." in html
    assert f'name="pilih" value="{one.pk}"' in html and "catatan saya" in html
    html = client.post(
        BULK, {"action": "complete", "pilih": [str(i) for i in range(1, 102)]}
    ).content.decode()
    assert "Pilih paling banyak 100 permohonan sekaligus." in html
    html = client.post(BULK, {"action": "complete"}).content.decode()
    assert "Pilih paling sedikit satu permohonan di antrean." in html


def test_bulk_is_for_officers_only(client, world, file_request):
    obj = file_request()
    for user in (world.citizen, world.outsider, world.auditor):
        client.force_login(user)
        resp = client.post(BULK, {"action": "complete", "pilih": [obj.pk], "konfirmasi": "1"})
        if user is world.outsider:
            # Another agency's officer reaches the page, never the case.
            assert resp.status_code == 200 and "Tidak ditemukan." in resp.content.decode()
        else:
            assert resp.status_code == 404
    obj.refresh_from_db()
    assert obj.state == "registered"
