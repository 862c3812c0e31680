"""The e-Monev evidence pack: each item's status, the ZIP (every PDF at most 2 MB, its first page naming what it
is), the self-score and its band, who may see the page, and the submissions to the Komisi Informasi."""

import csv
import datetime as dt
import importlib
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from audit.models import Event
from standards.emonev import MAX_PDF_BYTES, assess, band_for
from standards.models import KiSubmission, SaqYear
from tests.register_helpers import PDF, in_force_dik, published_item
from tests.standards.test_standards import publish


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path / "private"


def seed_saq():
    """The 2025 SAQ of the data migration (a transactional test elsewhere may have emptied the tables)."""
    from django.apps import apps

    importlib.import_module("standards.migrations.0003_seed_saq_2025").seed(apps, None)


@pytest.fixture(autouse=True)
def _saq(db):
    seed_saq()


def statuses(world, viewer=None):
    assessment = assess(world.agency, SaqYear.objects.get(year=2025), viewer or world.head)
    return assessment, {
        row.item.evidence: row.evidence.status for _i, rows in assessment.indicators for row in rows
    }


def test_the_seeded_saq_has_six_indicators_weighing_100(db):
    saq = SaqYear.objects.get(year=2025)
    assert saq.indicators.count() == 6
    assert sum(i.weight for i in saq.indicators.all()) == 100


def test_with_nothing_published_the_evidence_is_missing_and_the_band_is_lowest(world):
    assessment, found = statuses(world)
    assert found["dip_list"] == "missing" and found["maklumat"] == "missing"
    assert found["annual_report"] == "missing" and found["dik_list"] == "missing"
    assert found["statistics"] == "present"  # figures always exist, even zeros
    assert assessment.score < 40 and assessment.band == "Tidak Informatif"
    assert any(row.item.evidence == "dip_list" for row in assessment.to_raise)


def test_published_material_turns_items_present_and_raises_the_score(world):
    before, _found = statuses(world)
    published_item(world)
    in_force_dik(world)
    publish(world)
    after, found = statuses(world)
    for kind in ("dip_list", "dik_list", "maklumat", "page_register", "page_maklumat", "sop"):
        assert found[kind] == ("missing" if kind == "sop" else "present"), kind
    assert after.score > before.score


def test_bands_follow_the_komisi_informasi(db):
    assert band_for(Decimal("90")) == "Informatif"
    assert band_for(Decimal("89.9")) == "Menuju Informatif"
    assert band_for(Decimal("60")) == "Cukup Informatif"
    assert band_for(Decimal("59.9")) == "Kurang Informatif"
    assert band_for(Decimal("39.9")) == "Tidak Informatif"


def open_zip(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    index = list(csv.reader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    return archive, index


def check_pdfs(archive, index):
    """Every PDF the index names is in the ZIP, at most 2 MB, and its first page names its evidence."""
    names = [row[5] for row in index[1:] if row[5]]
    assert names and set(names) <= set(archive.namelist())
    for row in index[1:]:
        if not row[5]:
            continue
        data = archive.read(row[5])
        assert len(data) <= MAX_PDF_BYTES
        first = PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert row[2].split()[0].lower() in first.lower() or "register" in first.lower(), (row, first[:200])
    return names


def test_the_zip_holds_one_pdf_per_present_item_and_an_index(world, client):
    published_item(world)
    in_force_dik(world)
    publish(world)
    client.force_login(world.head)
    response = client.get("/kerja/e-monev/data-dukung.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive, index = open_zip(response.content)
    names = check_pdfs(archive, index)
    assert any("dik_list" in n for n in names) and any("maklumat" in n for n in names)
    dik = (
        PdfReader(io.BytesIO(archive.read(next(n for n in names if "dik_list" in n)))).pages[0].extract_text()
    )
    assert "Daftar informasi yang dikecualikan" in dik and "Keterangan saksi" not in dik  # no test texts
    missing = [row for row in index[1:] if row[3] == "Belum ada"]
    assert missing and all(row[5] == "" for row in missing)
    assert Event.objects.filter(action="standards.emonev_pack_built").count() == 1


def test_who_sees_the_page(world, client):
    assert client.get("/kerja/e-monev/").status_code == 302  # to the login
    for user, code in (
        (world.citizen, 404),
        (world.pelaksana_officer, 404),
        (world.auditor, 200),
        (world.officer, 200),
        (world.head, 200),
    ):
        client.force_login(user)
        assert client.get("/kerja/e-monev/").status_code == code, user
        assert client.get("/kerja/e-monev/data-dukung.zip").status_code == code, user
    client.force_login(world.outsider)  # another agency's officer reads only their own agency's pack
    page = client.get("/kerja/e-monev/").content.decode()
    assert world.other_agency.name in page and world.agency.name not in page
    client.force_login(world.auditor)
    page = client.get("/kerja/e-monev/").content.decode()
    assert "Nilai mandiri" in page and "Catat pengiriman" not in page
    response = client.post(
        "/kerja/e-monev/pengiriman/",
        {"what": "evidence_pack", "year": 2025, "sent_on": "2026-01-10", "channel": "portal"},
    )
    assert response.status_code == 403 and not KiSubmission.objects.exists()


def test_the_submission_is_recorded_audited_and_shown_on_the_dashboard(world, client):
    client.force_login(world.head)
    response = client.post(
        "/kerja/e-monev/pengiriman/",
        {
            "what": "annual_report",
            "year": 2025,
            "sent_on": "2026-02-20",
            "channel": "email",
            "reference": "045/PPID/II/2026",
            "file": SimpleUploadedFile("laporan.pdf", PDF),
        },
    )
    assert response.status_code == 302
    row = KiSubmission.objects.get()
    assert row.content_type == "application/pdf" and row.recorded_by == world.head
    assert Event.objects.filter(action="standards.ki_submission_recorded").count() == 1
    fake = client.post(
        "/kerja/e-monev/pengiriman/",
        {
            "what": "evidence_pack",
            "year": 2025,
            "sent_on": "2026-02-20",
            "channel": "portal",
            "file": SimpleUploadedFile("pack.zip", b"this is not a zip nor a pdf"),
        },
    )
    assert fake.status_code == 400 and KiSubmission.objects.count() == 1
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.csv", "a,b\n")
    ok = client.post(
        "/kerja/e-monev/pengiriman/",
        {
            "what": "evidence_pack",
            "year": 2025,
            "sent_on": dt.date(2026, 2, 21).isoformat(),
            "channel": "portal",
            "file": SimpleUploadedFile("pack.zip", buffer.getvalue()),
        },
    )
    assert ok.status_code == 302 and KiSubmission.objects.filter(content_type="application/zip").exists()
    client.force_login(world.auditor)
    dashboard = client.get("/dasbor/diskominfo/").content.decode()
    assert "045/PPID/II/2026" in dashboard and "Portal e-Monev" in dashboard


def test_the_administrator_edits_the_saq_in_the_django_admin(world, client):
    world.admin.is_staff = world.admin.is_superuser = True
    world.admin.save()
    client.force_login(world.admin)
    saq = SaqYear.objects.get(year=2025)
    page = client.get(f"/django-admin/standards/saqyear/{saq.pk}/change/")
    assert page.status_code == 200 and "Informasi serta merta" in page.content.decode()
