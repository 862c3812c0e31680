"""Seeds the e-Monev SAQ of 2025: six indicators and their items.

Assumption (not verified against the Komisi Informasi's published 2025 questionnaire in this change): the six
aspects commonly used under Perki 1/2022, with equal-ish weights summing to 100 and one item per kind of evidence
the system holds. The administrator edits indicators, items and weights each year in the Django admin."""

from decimal import Decimal

from django.db import migrations

SAQ_2025 = [
    ("I", "Informasi yang wajib diumumkan secara berkala", "20", [
        ("I.1", "Daftar Informasi Publik ditetapkan dan diumumkan", "dip_list", 4),
        ("I.2", "SK penetapan DIP", "dip_sk", 2),
        ("I.3", "Laporan tahunan layanan informasi publik diumumkan", "annual_report", 4),
    ]),
    ("II", "Informasi yang wajib tersedia setiap saat", "20", [
        ("II.1", "Daftar informasi yang dikecualikan beserta uji konsekuensi", "dik_list", 3),
        ("II.2", "Halaman publik daftar informasi dapat diakses", "page_register", 2),
    ]),
    ("III", "Informasi serta merta", "10", [
        ("III.1", "Statistik layanan informasi publik tersedia", "statistics", 2),
    ]),
    ("IV", "Pelayanan informasi (permohonan, keberatan, SOP, maklumat, standar layanan, SKM)", "25", [
        ("IV.1", "Buku register permohonan informasi", "request_register", 2),
        ("IV.2", "Buku register keberatan", "objection_register", 2),
        ("IV.3", "SOP layanan informasi publik ditetapkan", "sop", 2),
        ("IV.4", "Maklumat pelayanan informasi publik diumumkan", "maklumat", 2),
        ("IV.5", "Survei kepuasan masyarakat dan IKM", "skm", 2),
    ]),
    ("V", "Sarana dan prasarana / digitalisasi", "15", [
        ("V.1", "Maklumat dapat diakses di halaman publik", "page_maklumat", 2),
    ]),
    ("VI", "Komitmen organisasi / anggaran", "10", [
        ("VI.1", "Laporan tahunan disampaikan kepada atasan dan Komisi Informasi", "annual_report", 1),
    ]),
]


def seed(apps, schema_editor):
    SaqYear = apps.get_model("standards", "SaqYear")
    SaqIndicator = apps.get_model("standards", "SaqIndicator")
    SaqItem = apps.get_model("standards", "SaqItem")
    saq, created = SaqYear.objects.get_or_create(year=2025)
    if not created:
        return
    for position, (code, title, weight, items) in enumerate(SAQ_2025):
        indicator = SaqIndicator.objects.create(
            saq=saq, code=code, title=title, weight=Decimal(weight), position=position
        )
        for item_position, (item_code, text, evidence, max_score) in enumerate(items):
            SaqItem.objects.create(
                indicator=indicator,
                code=item_code,
                text=text,
                evidence=evidence,
                max_score=max_score,
                position=item_position,
            )


class Migration(migrations.Migration):
    dependencies = [("standards", "0002_saq_and_submissions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
