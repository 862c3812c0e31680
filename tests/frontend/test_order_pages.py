"""Issue 16 point 6 on the pages: the "Pelaksanaan putusan atasan" block of the objection page (what, by when with
its badge, the state), the unit's form to record compliance (errors listed, the statement kept), the requester's
read-only view with the statement and the files, the request page's line, and the staff home's list."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse

from ppid import services as s
from ppid.models import OrderState
from tests.fixtures.orders import ORDER_TEXT
from tests.helpers import at

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
FORM_TITLE = "Catat pelaksanaan putusan"


def _page(client, user, order):
    client.force_login(user)
    answer = client.get(reverse("frontend:objection_detail", args=[order.objection_id]))
    assert answer.status_code == 200
    return answer.content.decode()


def _comply(client, order, data, files=()):
    payload = {f"pelaksanaan-{k}": v for k, v in data.items()}
    if files:
        payload["pelaksanaan-files"] = list(files)
    return client.post(reverse("frontend:objection_comply", args=[order.objection_id]), payload)


def test_the_unit_sees_the_order_with_its_deadline_and_the_form(client, world, granted_order):
    with at(2026, 4, 21, 9):  # three working days before Friday 24 April
        page = _page(client, world.pelaksana_officer, granted_order)
    assert "Pelaksanaan putusan atasan" in page
    assert ORDER_TEXT in page and "24 April 2026" in page
    assert "Jatuh tempo dalam 3 hari kerja" in page
    assert "Belum dilaksanakan" in page
    assert FORM_TITLE in page and 'enctype="multipart/form-data"' in page


@pytest.mark.parametrize("who", ["atasan", "auditor", "admin", "citizen"])
def test_readers_see_the_order_without_the_form(client, world, granted_order, who):
    page = _page(client, getattr(world, who), granted_order)
    assert ORDER_TEXT in page and "Belum dilaksanakan" in page
    assert FORM_TITLE not in page


@pytest.mark.parametrize("who", ["disdik_officer", "other_citizen", "outsider"])
def test_outsiders_get_404_on_the_page_and_the_form(client, world, granted_order, who):
    client.force_login(getattr(world, who))
    assert (
        client.get(reverse("frontend:objection_detail", args=[granted_order.objection_id])).status_code == 404
    )
    assert _comply(client, granted_order, {"statement": "Dikirim"}).status_code == 404


def test_the_requester_cannot_post_compliance(client, world, granted_order):
    client.force_login(world.citizen)
    assert _comply(client, granted_order, {"statement": "Sudah saya terima"}).status_code == 404
    assert _comply(client, granted_order, {"statement": ""}).status_code == 404  # whatever was typed
    granted_order.refresh_from_db()
    assert granted_order.state == OrderState.OPEN


def test_the_atasan_is_refused_recording_compliance(client, world, granted_order):
    client.force_login(world.atasan)
    assert _comply(client, granted_order, {"statement": "Dikirim"}).status_code == 403
    assert _comply(client, granted_order, {"statement": ""}).status_code == 403


def test_a_missing_statement_is_listed_and_nothing_changes(client, world, granted_order):
    client.force_login(world.pelaksana_officer)
    answer = _comply(client, granted_order, {"statement": ""})
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Periksa kembali isian Anda" in page
    assert page.count("Uraikan apa yang sudah diberikan kepada pemohon.") == 2  # at the top and by the field
    granted_order.refresh_from_db()
    assert granted_order.state == OrderState.OPEN


def test_a_bad_file_keeps_the_statement(client, world, granted_order):
    client.force_login(world.pelaksana_officer)
    fake = SimpleUploadedFile("salinan.pdf", b"MZ not a pdf", content_type="application/pdf")
    answer = _comply(client, granted_order, {"statement": "Salinan dikirim lewat pos"}, files=[fake])
    page = answer.content.decode()
    assert answer.status_code == 200 and "Periksa kembali isian Anda" in page
    assert "Salinan dikirim lewat pos" in page  # nothing typed is lost
    granted_order.refresh_from_db()
    assert granted_order.state == OrderState.OPEN


def test_the_requester_reads_the_statement_and_downloads_the_files(client, world, granted_order):
    client.force_login(world.pelaksana_officer)
    upload = SimpleUploadedFile("anggaran-2025.pdf", PDF, content_type="application/pdf")
    with at(2026, 4, 20, 9):
        answer = _comply(
            client, granted_order, {"statement": "Salinan dikirim melalui e-mail"}, files=[upload]
        )
    assert answer.status_code == 302 and answer["Location"].endswith("#pelaksanaan-h")

    page = _page(client, world.citizen, granted_order)
    assert "Sudah dilaksanakan" in page
    assert "Salinan dikirim melalui e-mail" in page
    assert "anggaran-2025.pdf" in page
    assert "Dicatat oleh" not in page  # staff names are for staff
    stored = granted_order.files.get()
    download = client.get(stored.get_absolute_url())
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    client.force_login(world.disdik_officer)
    assert client.get(stored.get_absolute_url()).status_code == 404
    assert "Dicatat oleh" in _page(client, world.atasan, granted_order)


def test_a_second_compliance_is_refused_with_the_reason(client, world, granted_order):
    s.objection_order_comply(order_id=granted_order.pk, actor=world.pelaksana_officer, statement="Dikirim")
    client.force_login(world.officer)
    # The form is gone once complied; a stale tab posting it gets the reason and nothing changes.
    assert FORM_TITLE not in _page(client, world.officer, granted_order)
    answer = _comply(client, granted_order, {"statement": "Lagi"})
    assert answer.status_code == 409
    assert "sudah tercatat dilaksanakan" in answer.content.decode()


def test_the_request_page_shows_the_order_line(client, world, granted_order):
    client.force_login(world.citizen)
    with at(2026, 4, 27, 9):
        page = client.get(
            reverse("frontend:request_detail", args=[granted_order.request_id])
        ).content.decode()
    assert "Pelaksanaan putusan atasan" in page
    assert "paling lambat 24 April 2026" in page and "Lewat batas waktu" in page


def test_the_staff_home_list_of_orders(world, granted_order):
    from frontend.common.orders import open_order_rows

    with at(2026, 4, 21, 9):
        html = render_to_string(
            "frontend/work/_orders.html", {"orders": open_order_rows(world.pelaksana_officer)}
        )
    assert granted_order.objection.registration_number in html
    assert "PPID Pelaksana Dinas Kesehatan" in html and "Jatuh tempo dalam 3 hari kerja" in html
    empty = render_to_string("frontend/work/_orders.html", {"orders": open_order_rows(world.disdik_officer)})
    assert "Tidak ada putusan atasan yang menunggu pelaksanaan." in empty
