"""Issue 16 point 6 in the annual report (Perki 1/2021 Pasal 56(d): objections and the responses "dengan
pelaksanaannya"): how many of the Atasan's orders were carried out, on time or late, and how many are still open; a
snapshot published before orders existed still renders."""

import io

from django.urls import reverse
from pypdf import PdfReader

from ppid import services as s
from tests.helpers import at
from transparency.models import AnnualReport
from transparency.report import (
    annual_report_data,
    annual_report_tables,
    published_report_view,
    render_published_report_pdf,
)
from transparency.services import annual_report_publish, annual_report_save


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def _orders(world, at_moment):
    with at_moment:
        return annual_report_data(world.agency, 2026)["sections"]["d"]["objections"]["orders"]


def test_the_report_counts_how_the_orders_were_carried_out(world, order_case, another_order_case):
    order_case.object()
    first = order_case.decide()
    another_order_case.object()
    second = another_order_case.decide()
    # Before anything is done, on the day after the comply-by date: both open and overdue.
    assert _orders(world, at(2026, 4, 27, 9)) == {
        "opened": 2,
        "complied": 0,
        "complied_on_time": 0,
        "complied_late": 0,
        "open": 2,
        "open_overdue": 2,
    }
    with at(2026, 4, 24, 23, 0):  # the last evening of the comply-by date, WIB: on time
        s.objection_order_comply(order_id=first.pk, actor=world.pelaksana_officer, statement="Dikirim")
    assert _orders(world, at(2026, 4, 24, 23, 30)) == {
        "opened": 2,
        "complied": 1,
        "complied_on_time": 1,
        "complied_late": 0,
        "open": 1,
        "open_overdue": 0,
    }
    with at(2026, 4, 28, 9):
        s.objection_order_comply(order_id=second.pk, actor=world.officer, statement="Diserahkan")
    counts = _orders(world, at(2026, 5, 4, 9))
    assert (counts["complied"], counts["complied_on_time"], counts["complied_late"], counts["open"]) == (
        2,
        1,
        1,
        0,
    )
    # Another year's report counts none of them (objections received in 2026).
    with at(2027, 2, 1, 9):
        assert annual_report_data(world.agency, 2027)["sections"]["d"]["objections"]["orders"]["opened"] == 0


def test_the_pages_and_the_pdf_show_the_implementation(client, world, granted_order):
    with at(2026, 4, 20, 9):
        s.objection_order_comply(
            order_id=granted_order.pk, actor=world.pelaksana_officer, statement="Dikirim"
        )
    client.force_login(world.head)
    with at(2026, 5, 4, 9):
        page = client.get(reverse("frontend:annual_report", args=[world.agency.slug, 2026]))
        pdf = client.get(reverse("frontend:annual_report_pdf", args=[world.agency.slug, 2026]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "putusan atasan yang sudah dilaksanakan" in html and "dilaksanakan tepat waktu" in html
    text = pdf_text(pdf.content)
    assert "putusan atasan sudah dilaksanakan: tepat waktu / setelah batas waktu 1: 1 / 0" in text


def test_a_snapshot_published_before_orders_existed_still_renders(world, granted_order):
    with at(2027, 2, 1, 9):
        annual_report_save(
            agency=world.agency,
            year=2026,
            actor=world.head,
            policy_text="Kebijakan",
            implementation_text="Jalan",
        )
        annual_report_publish(agency=world.agency, year=2026, actor=world.head)
    report = AnnualReport.objects.get()
    assert report.published_data["sections"]["d"]["objections"]["orders"]["opened"] == 1
    # As stored before issue 16 point 6: no "orders" in the published figures.
    data = report.published_data
    del data["sections"]["d"]["objections"]["orders"]
    AnnualReport.objects.filter(pk=report.pk).update(published_data=data)
    report.refresh_from_db()
    view = published_report_view(report.published_data)
    assert "orders" not in annual_report_tables(view)["d"]["objections"]
    text = pdf_text(render_published_report_pdf(report))
    assert "Keberatan masuk 1" in text
    assert "putusan atasan sudah dilaksanakan" not in text
