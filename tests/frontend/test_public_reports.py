"""The published annual report: the PPID publishes it from the staff's report page (/dasbor/<agency>/laporan/<year>/)
and anyone, without logging in, reads the frozen version at /statistik/<agency>/laporan/<year>/ and its PDF.

Against the scenario of tests/fixtures/scenario.py (Diskominfo's cases of March to May 2026), read on
Monday 1 February 2027, 09:00 WIB, when the year 2026 has ended and its report is due by 31 March."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from audit.models import Event
from tests.fixtures.scenario import SECRETS, Scenario
from tests.frontend.test_stats_pages import table, tables
from transparency.models import AnnualReport

WIB = ZoneInfo("Asia/Jakarta")
PUBLISHED_AT = dt.datetime(2027, 2, 1, 9, tzinfo=WIB)
DRAFT = "/dasbor/diskominfo/laporan/2026/"
PUBLIC = "/statistik/diskominfo/laporan/2026/"
PUBLIC_LIST = "/statistik/diskominfo/laporan/"
PUBLIC_PDF = "/statistik/diskominfo/laporan/2026/pdf/"
TEXTS = {
    "policy_text": "Satu meja layanan, dua petugas, anggaran Rp 50 juta.",
    "implementation_text": "Layanan daring dibuka sejak Maret.",
    "obstacles_text": "Jaringan internet sering terputus.",
    "recommendations_text": "",
}
PUBLISH = {"aksi": "terbitkan"}
REQUESTS_CAPTION = "1. Jumlah permohonan informasi publik"
PUBLISHER_NAME = "Wiryawan Sanjaya"
PUBLICATIONS = ("annual_report.published", "annual_report.republished")


@pytest.fixture
def scenario(world, file_request):
    world.head.first_name, world.head.last_name = PUBLISHER_NAME.split()
    world.head.save()
    return Scenario(world, file_request)


@pytest.fixture
def after_the_year():
    with time_machine.travel(PUBLISHED_AT, tick=False):
        yield


@pytest.fixture
def client_of(client):
    """client_of(user) -> a client logged in as `user` (or anonymous for None); one session at a time."""

    def log_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return log_in


def _received(html: str) -> str:
    return table(html, REQUESTS_CAPTION)["Permohonan diterima"]


def _publish(client, **data):
    return client.post(DRAFT, {**PUBLISH, **data}, follow=True)


def _file_a_december_request(file_request):
    """A request received on 30 December 2026 but recorded only after the publication."""
    with time_machine.travel(dt.datetime(2026, 12, 30, 10, tzinfo=WIB), tick=False):
        return file_request()


def _written_and_published(scenario, client_of):
    head = client_of(scenario.world.head)
    head.post(DRAFT, TEXTS)
    draft = head.get(DRAFT).content.decode()
    response = _publish(head)
    assert response.redirect_chain == [(DRAFT + "#main", 302)]
    return draft, response.content.decode()


def test_the_ppid_publishes_and_a_visitor_reads_the_same_report(scenario, client_of, after_the_year):
    head = client_of(scenario.world.head)
    assert head.get(PUBLIC).status_code == 404  # not published yet
    html = head.post(DRAFT, TEXTS, follow=True).content.decode()
    assert "Draf: laporan ini belum diterbitkan" in html
    assert 'name="aksi" value="terbitkan"' in html and "Menerbitkan membekukan angka dan teks" in html
    draft = html

    response = _publish(head)
    assert response.redirect_chain == [(DRAFT + "#main", 302)]
    html = response.content.decode()
    assert "Laporan tahunan 2026 diterbitkan dan kini dapat dibaca publik." in html
    assert (
        'Diterbitkan pada\n    <time datetime="2027-02-01T09:00:00+07:00">1 Februari 2027, 09.00</time>'
        in html
    )
    assert f"oleh {PUBLISHER_NAME}." in html
    assert "Terbitkan ulang laporan" in html and "Alasan penerbitan ulang (wajib)" in html
    assert f'href="{PUBLIC}"' in html

    visitor = client_of(None)
    public = visitor.get(PUBLIC)
    assert public.status_code == 200
    page = public.content.decode()
    # The same sections, figures and texts as the PPID's page at the moment of publication.
    assert tables(page) == tables(draft)
    assert _received(page) == "7"
    for letter in "ABCDEF":
        assert re.search(rf'<h2 id="sec-{letter.lower()}">{letter}\. ', page), letter
    for text in (TEXTS["policy_text"], TEXTS["implementation_text"], TEXTS["obstacles_text"]):
        assert text in page
    assert "Belum diisi oleh PPID." in page  # section F was left empty
    assert "Diterbitkan oleh PPID pada" in page and "1 Februari 2027, 09.00" in page
    assert "<textarea" not in page and 'name="aksi"' not in page
    # No personal data: not the requesters', not the publisher's.
    for secret in [*SECRETS, PUBLISHER_NAME, scenario.world.head.email]:
        assert secret not in page, secret

    listing = visitor.get(PUBLIC_LIST).content.decode()
    assert table(listing, "Laporan tahunan Diskominfo") == {"Laporan tahun 2026": "1 Februari 2027"}
    assert f'href="{PUBLIC}"' in listing and f'href="{PUBLIC_PDF}"' in listing
    stats = visitor.get("/statistik/diskominfo/").content.decode()
    assert f'<a href="{PUBLIC_LIST}">Laporan tahunan yang diterbitkan</a>' in stats

    pdf = visitor.get(PUBLIC_PDF)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert (
        pdf["Content-Disposition"] == 'attachment; filename="laporan-layanan-informasi-diskominfo-2026.pdf"'
    )


def test_a_later_case_changes_the_public_report_only_when_republished(
    scenario, client_of, file_request, after_the_year
):
    _written_and_published(scenario, client_of)
    _file_a_december_request(file_request)
    visitor = client_of(None)
    assert _received(visitor.get(PUBLIC).content.decode()) == "7"

    head = client_of(scenario.world.head)
    html = head.get(DRAFT).content.decode()
    assert _received(html) == "8"
    assert "berbeda dengan versi yang diterbitkan" in html

    # Publishing again without a reason is refused, on the page, and nothing changes.
    response = _publish(head, reason="")
    html = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary" role="alert"' in html
    assert "Laporan ini sudah diterbitkan: tuliskan alasan penerbitan ulang" in html
    assert _received(client_of(None).get(PUBLIC).content.decode()) == "7"
    assert not Event.objects.filter(action="annual_report.republished").exists()

    head = client_of(scenario.world.head)
    reason = "Satu permohonan 30 Desember belum tercatat."
    assert _publish(head, reason=reason).redirect_chain == [(DRAFT + "#main", 302)]
    assert "berbeda dengan versi yang diterbitkan" not in head.get(DRAFT).content.decode()
    assert _received(client_of(None).get(PUBLIC).content.decode()) == "8"
    events = Event.objects.filter(action__in=PUBLICATIONS).order_by("pk")
    assert [(e.action, e.actor, e.reason, e.details) for e in events] == [
        ("annual_report.published", scenario.world.head, "", {"year": 2026}),
        ("annual_report.republished", scenario.world.head, reason, {"year": 2026}),
    ]


def test_a_changed_text_stays_a_draft_until_republished(scenario, client_of, after_the_year):
    _written_and_published(scenario, client_of)
    head = client_of(scenario.world.head)
    head.post(DRAFT, {**TEXTS, "obstacles_text": "Kendala baru ditulis sesudah terbit."})
    assert "berbeda dengan versi yang diterbitkan" in head.get(DRAFT).content.decode()
    page = client_of(None).get(PUBLIC).content.decode()
    assert TEXTS["obstacles_text"] in page and "Kendala baru" not in page


def test_unpublished_years_are_not_found(scenario, client_of, after_the_year):
    visitor = client_of(None)
    for url in (PUBLIC, PUBLIC_PDF, "/statistik/diskominfo/laporan/2025/", "/statistik/tidak-ada/laporan/"):
        assert visitor.get(url).status_code == 404, url
    listing = visitor.get(PUBLIC_LIST).content.decode()
    assert "Belum ada laporan tahunan yang diterbitkan badan publik ini." in listing
    assert (
        "Laporan tahunan yang diterbitkan</a>" not in visitor.get("/statistik/diskominfo/").content.decode()
    )
    # Written but not published: still a draft.
    client_of(scenario.world.head).post(DRAFT, TEXTS)
    assert client_of(None).get(PUBLIC).status_code == 404
    # Another agency's published report is not this agency's.
    _written_and_published(scenario, client_of)
    assert client_of(None).get("/statistik/dinas-lain/laporan/2026/").status_code == 404


def test_the_current_year_cannot_be_published(scenario, client_of):
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, tzinfo=WIB), tick=False):
        head = client_of(scenario.world.head)
        head.post(DRAFT, TEXTS)
        html = head.get(DRAFT).content.decode()
        assert 'value="terbitkan"' not in html
        assert (
            "Laporan tahun 2026 dapat diterbitkan setelah tahun itu berakhir, mulai 1 Januari 2027." in html
        )
        response = _publish(head)
    html = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary" role="alert"' in html
    assert "Laporan tahun 2026 baru dapat diterbitkan setelah tahun itu berakhir" in html
    assert not AnnualReport.objects.published().exists()


def test_missing_texts_are_named_and_nothing_is_published(scenario, client_of, after_the_year):
    head = client_of(scenario.world.admin)
    head.post(DRAFT, {**TEXTS, "implementation_text": ""})
    response = _publish(head)
    html = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary" role="alert"' in html
    assert (
        "Bagian B (pelaksanaan pelayanan informasi publik) harus diisi sebelum laporan diterbitkan." in html
    )
    assert "Bagian A" not in html.split("error-summary")[1].split("</div>")[0]
    assert not AnnualReport.objects.published().exists()
    assert not Event.objects.filter(action__in=PUBLICATIONS).exists()
    assert client_of(None).get(PUBLIC).status_code == 404


@pytest.mark.parametrize(
    ("role", "read", "post"),
    [
        (None, 404, 404),
        ("citizen", 404, 404),
        ("outsider", 404, 404),
        ("officer", 200, 403),
        ("atasan", 200, 403),
        ("auditor", 200, 403),
    ],
)
def test_who_may_publish_on_the_dashboard(scenario, client_of, after_the_year, role, read, post):
    client_of(scenario.world.head).post(DRAFT, TEXTS)
    client = client_of(getattr(scenario.world, role) if role else None)
    response = client.get(DRAFT)
    assert response.status_code == read
    if read == 200:  # the status, read-only
        html = response.content.decode()
        assert "Status penerbitan" in html and "Draf: laporan ini belum diterbitkan" in html
        assert 'value="terbitkan"' not in html
    assert client.post(DRAFT, {**PUBLISH, "reason": "x"}).status_code == post
    assert not AnnualReport.objects.published().exists()


def test_the_auditor_sees_who_published(scenario, client_of, after_the_year):
    _written_and_published(scenario, client_of)
    html = client_of(scenario.world.auditor).get(DRAFT).content.decode()
    assert f"oleh {PUBLISHER_NAME}." in html and 'value="terbitkan"' not in html
    assert client_of(scenario.world.auditor).post(DRAFT, {**PUBLISH, "reason": "x"}).status_code == 403
    assert not Event.objects.filter(action="annual_report.republished").exists()
