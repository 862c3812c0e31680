"""The legal list (Perki 1/2010 Lampiran II) as PDF and XLSX: published items only, grouped by category, headed
by the agency and its SK penetapan; downloadable by anyone."""

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from dip import services

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def item(world, title, category, **over):
    return services.dip_item_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data={
            "title": title,
            "summary": f"Ringkasan {title}",
            "category": category,
            "responsible": "Sekretaris Dinas Kesehatan",
            "made_on": dt.date(2026, 2, 3),
            "made_at": "Kota Contoh",
            "format": "softcopy",
            "retention": "5 tahun",
            **over,
        },
    )


@pytest.fixture
def register(world):
    for title, category in [("Profil Dinas Kesehatan", "berkala"), ("Peringatan wabah DBD", "serta_merta")]:
        services.dip_item_publish(item_id=item(world, title, category).pk, actor=world.officer)
    item(world, "Rancangan rahasia yang belum diumumkan", "setiap_saat")
    withdrawn = item(world, "Laporan yang ditarik", "setiap_saat", responsible="=HYPERLINK(1)")
    services.dip_item_publish(item_id=withdrawn.pk, actor=world.officer)
    services.dip_item_withdraw(item_id=withdrawn.pk, actor=world.officer, reason="salah unggah")
    formula = item(world, "Daftar aset", "setiap_saat", responsible="=SUM(A1:A9)")
    services.dip_item_publish(item_id=formula.pk, actor=world.officer)
    services.dip_establishment_add(
        agency=world.agency,
        actor=world.head,
        number="188.4/77/2026",
        decided_on=dt.date(2026, 1, 5),
        file=SimpleUploadedFile("sk.pdf", PDF),
    )
    return world


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_pdf_lists_published_items_by_category_under_the_sk(client, register):
    response = client.get(reverse("frontend:dip_legal_pdf", args=["diskominfo"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="dip-diskominfo.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "DAFTAR INFORMASI PUBLIK" in text and "Diskominfo" in text
    assert "188.4/77/2026" in text and "5 Januari 2026" in text
    assert "Ringkasan isi informasi" in text and "retensi arsip" in text
    assert text.index("Informasi berkala") < text.index("Profil Dinas Kesehatan")
    assert text.index("Informasi serta merta") < text.index("Peringatan wabah DBD")
    assert "Rancangan rahasia" not in text and "Laporan yang ditarik" not in text


def test_the_xlsx_has_the_law_s_columns_and_no_formula(client, register):
    response = client.get(reverse("frontend:dip_legal_xlsx", args=["diskominfo"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Daftar Informasi Publik"
    assert "188.4/77/2026" in rows[2][0]
    assert rows[3] == [
        "No",
        "Ringkasan isi informasi",
        "Pejabat/unit yang menguasai informasi",
        "Penanggung jawab pembuatan/penerbitan informasi",
        "Waktu dan tempat pembuatan informasi",
        "Bentuk informasi yang tersedia",
        "Jangka waktu penyimpanan/retensi arsip",
    ]
    body = [r for r in rows[4:] if isinstance(r[0], int)]
    titles = [r[1].split("\n")[0] for r in body]
    assert titles == ["Profil Dinas Kesehatan", "Peringatan wabah DBD", "Daftar aset"]
    assert [r[0] for r in body] == [1, 2, 3]
    assert body[0][4] == "3 Februari 2026, Kota Contoh" and body[0][5] == "Softcopy"
    assert body[2][3] == "'=SUM(A1:A9)"


def test_an_unknown_or_inactive_agency_is_404(client, register):
    assert client.get(reverse("frontend:dip_legal_pdf", args=["tidak-ada"])).status_code == 404
    register.other_agency.is_active = False
    register.other_agency.save()
    assert client.get(reverse("frontend:dip_legal_xlsx", args=["dinas-lain"])).status_code == 404
