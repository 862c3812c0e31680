"""Search benchmark of the register (issue 18) on PostgreSQL: 100,000 published DIP items of 8 agencies with 6 units
each, titles and summaries built from word lists of what perangkat daerah publish. Then the time of

  - the public search as the register's pages run it: `search_items` on `public_items()` (all agencies, one
    agency, one agency and a category), the page's count and its first 20 rows with their documents,
  - typical queries, common words, a rarer phrase, and misspelt ones ("laporn keuangn"),
  - `matching_items`, the request form's suggestions and the officers' matches, on typed request texts,

each as p50/p95 next to the time of its SQL alone. Target: p95 under 50 ms.

Run:  DATABASE_URL=postgres://postgres@127.0.0.1:5432/dip_search_bench .venv/bin/python bench/dip_search.py
(the database is created if missing and seeded once; BENCH_ITEMS scales the data, BENCH_ROUNDS the repetitions).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dip_search_bench")
if not DB.startswith("postgres"):
    sys.exit("bench/dip_search.py measures PostgreSQL: set DATABASE_URL=postgres://...")
os.environ["DATABASE_URL"] = DB
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
import warnings  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")
N_ITEMS = int(os.environ.get("BENCH_ITEMS", "100000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
N_AGENCIES = 8
UNITS = [
    ("DINKES", "Dinas Kesehatan"),
    ("DISDIK", "Dinas Pendidikan"),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("DINSOS", "Dinas Sosial"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah"),
]
PAGE_SIZE = 20

from bench.common import ensure_database  # noqa: E402

ensure_database(DB)
import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402
import random  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from agencies.models import Agency, Unit, UnitKind  # noqa: E402
from dip.models import DipDocument, DipItem  # noqa: E402
from dip.search import capped_count, matching_items, search_items  # noqa: E402
from dip.selectors import public_items  # noqa: E402

KINDS = [
    ("berkala", "Laporan Keuangan"),
    ("berkala", "Laporan Realisasi Anggaran"),
    ("berkala", "Laporan Kinerja Instansi Pemerintah"),
    ("berkala", "Neraca"),
    ("berkala", "Profil"),
    ("berkala", "Rencana Kerja"),
    ("berkala", "Rencana Strategis"),
    ("berkala", "Daftar Aset dan Inventaris"),
    ("berkala", "Ringkasan Laporan Akses Informasi Publik"),
    ("berkala", "Dokumen Pelaksanaan Anggaran"),
    ("setiap_saat", "Standar Operasional Prosedur"),
    ("setiap_saat", "Surat Keputusan Kepala"),
    ("setiap_saat", "Perjanjian Kerja Sama"),
    ("setiap_saat", "Daftar Pengadaan Barang dan Jasa"),
    ("setiap_saat", "Notulen Rapat Terbuka"),
    ("setiap_saat", "Data Statistik"),
    ("setiap_saat", "Kebijakan dan Dokumen Pendukung"),
    ("serta_merta", "Pengumuman Kejadian Luar Biasa"),
    ("serta_merta", "Peringatan Dini Bencana"),
]
SUBJECTS = [
    "pembangunan jalan dan jembatan",
    "pelayanan kesehatan puskesmas",
    "penanganan stunting",
    "imunisasi anak",
    "pendidikan dasar",
    "beasiswa pelajar berprestasi",
    "bantuan sosial tunai",
    "rehabilitasi rumah tidak layak huni",
    "pengelolaan sampah",
    "penyediaan air bersih",
    "irigasi pertanian",
    "penanggulangan banjir",
    "pengadaan alat kesehatan",
    "dana alokasi khusus",
    "belanja modal",
    "pendapatan asli daerah",
    "perizinan berusaha",
    "tata ruang wilayah",
    "kesejahteraan lansia",
    "pemberdayaan perempuan",
    "penanganan covid",
    "gizi buruk",
    "sekolah menengah",
    "guru honorer",
    "rumah sakit umum daerah",
]
PERIODS = ["Semester I", "Semester II", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Tahunan"]
PLACES = ["Bandung", "Semarang", "Surabaya", "Makassar", "Medan", "Padang", "Mataram", "Kupang"]
SENTENCES = [
    "Memuat {subject} yang dilaksanakan {unit} selama {period} tahun {year}.",
    "Rincian anggaran, realisasi, dan capaian kegiatan {subject}.",
    "Disusun oleh {unit} sebagai bahan evaluasi dan pertanggungjawaban kepada masyarakat.",
    "Dokumen ini mencakup data per kecamatan dan desa terkait {subject}.",
    "Ditetapkan untuk periode {period} {year} dan diperbarui secara berkala.",
    "Termasuk lampiran tabel, peta sebaran, dan daftar penerima manfaat tanpa data pribadi.",
]
QUERIES = [
    ("common words", "laporan keuangan"),
    ("common word + year", "realisasi anggaran 2024"),
    ("phrase", "rehabilitasi rumah tidak layak huni"),
    ("rare word", "irigasi"),
    ("misspelt, two words", "laporn keuangn"),
    ("misspelt, one word", "jembtan"),
    ("misspelt + correct", "stuntng puskesmas"),
    ("nothing", "kapal selam nuklir"),
]
REQUESTS = [
    "Saya ingin meminta laporan keuangan Dinas Kesehatan tahun 2024 untuk penelitian skripsi",
    "Mohon salinan daftar penerima bantuan sosial tunai di kecamatan kami",
    "data stuntng per desa dan anggaran penanganannya",
    "rencana pembangunan jembatan dan jalan desa tahun depan",
]


def seed() -> tuple[list[Agency], int]:
    call_command("migrate", verbosity=0)
    actor, _ = User.objects.get_or_create(username="bench-dip", defaults={"email": "bench-dip@example.org"})
    agencies = []
    for n in range(N_AGENCIES):
        agency, _ = Agency.objects.get_or_create(
            slug=f"bench-dip-{n}", defaults={"name": f"Pemerintah Kabupaten Bench {n}", "province_code": "32"}
        )
        Unit.objects.get_or_create(
            agency=agency, code="PPID", defaults={"name": "PPID Utama", "kind": UnitKind.UTAMA}
        )
        for code, name in UNITS:
            Unit.objects.get_or_create(agency=agency, code=code, defaults={"name": f"PPID Pelaksana {name}"})
        agencies.append(agency)
    have = DipItem.objects.filter(agency__in=agencies).count()
    if have >= N_ITEMS:
        return agencies, have
    rng = random.Random(18)
    units = {a.pk: list(Unit.objects.filter(agency=a).exclude(kind=UnitKind.UTAMA)) for a in agencies}
    now = timezone.now()
    started = time.perf_counter()
    batch: list[DipItem] = []
    for i in range(have, N_ITEMS):
        agency = agencies[i % N_AGENCIES]
        unit = rng.choice(units[agency.pk])
        category, kind = rng.choice(KINDS)
        subject = rng.choice(SUBJECTS)
        period, year = rng.choice(PERIODS), rng.randint(2015, 2026)
        unit_name = unit.name.removeprefix("PPID Pelaksana ")
        words = {"subject": subject, "unit": unit_name, "period": period, "year": year}
        summary = " ".join(s.format(**words) for s in rng.sample(SENTENCES, 3))
        published = now - dt.timedelta(days=rng.randint(0, 3000), minutes=rng.randint(0, 1440))
        batch.append(
            DipItem(
                agency=agency,
                unit=unit,
                state="published",
                title=f"{kind} {subject.title()} {unit_name} {period} {year}",
                summary=summary,
                category=category,
                responsible=f"Sekretaris {unit_name}",
                made_on=published.date(),
                made_at=rng.choice(PLACES),
                format="softcopy",
                retention=f"{rng.choice([5, 10, 25])} tahun",
                tags=[subject.split()[0], kind.split()[0].lower()],
                year=year,
                created_by=actor,
                published_by=actor,
                published_at=published,
                updated_at=published + dt.timedelta(days=rng.randint(0, 30)),
                version=2,
            )
        )
        if len(batch) == 5000:
            DipItem.objects.bulk_create(batch)
            batch = []
    if batch:
        DipItem.objects.bulk_create(batch)
    # One linked document per tenth item: the page prefetches them.
    ids = list(DipItem.objects.filter(agency__in=agencies).values_list("pk", flat=True)[::10])
    DipDocument.objects.bulk_create(
        [
            DipDocument(
                item_id=pk,
                name="Dokumen",
                url=f"https://example.org/dip/{pk}.pdf",
                published=True,
                added_by=actor,
            )
            for pk in ids
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE dip_dipitem")
        cursor.execute("ANALYZE dip_search_word")
    print(f"seeded {N_ITEMS - have:,} items in {time.perf_counter() - started:.1f} s")
    return agencies, DipItem.objects.filter(agency__in=agencies).count()


# --- measuring -----------------------------------------------------------------------------------------------------
def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


class SqlTimer:
    def __init__(self):
        self.total = 0.0
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.total += time.perf_counter() - start
            self.count += 1


def measure(label: str, call) -> float:
    result = call()  # warm up
    times, sql_times, queries = [], [], 0
    for _ in range(ROUNDS):
        timer = SqlTimer()
        with connection.execute_wrapper(timer):
            start = time.perf_counter()
            result = call()
            times.append(time.perf_counter() - start)
        sql_times.append(timer.total)
        queries = timer.count
    print(f"{label:<62} {percentiles(times)}  {queries} queries, SQL {percentiles(sql_times)}   → {result}")
    return sorted(times)[min(len(times) - 1, int(0.95 * len(times)))]


def page_of(qs) -> str:
    """What the register's search page does: the count for the pager (up to RANK_LIMIT + 1, as the page's
    SearchPaginator), the first page with its documents."""
    count = capped_count(qs)
    rows = list(qs[:PAGE_SIZE])
    for row in rows:
        _ = row.public_documents, row.unit.name
    return f"{count:,} found, first: {rows[0].title[:40] if rows else '-'}"


def main() -> None:
    agencies, total = seed()
    agency = agencies[0]
    print(f"PostgreSQL {connection.pg_version // 10000}: {total:,} published DIP items, {ROUNDS} rounds each")
    worst = 0.0
    for kind, q in QUERIES:
        worst = max(
            worst,
            measure(f"all agencies   {kind:<22} {q!r}", lambda q=q: page_of(search_items(public_items(), q))),
        )
    for kind, q in QUERIES:
        scoped = public_items().filter(agency=agency)
        worst = max(
            worst,
            measure(f"one agency     {kind:<22} {q!r}", lambda q=q, s=scoped: page_of(search_items(s, q))),
        )
    for kind, q in QUERIES[:5]:
        scoped = public_items().filter(agency=agency, category="berkala")
        worst = max(
            worst,
            measure(f"agency+berkala {kind:<22} {q!r}", lambda q=q, s=scoped: page_of(search_items(s, q))),
        )
    for text in REQUESTS:
        worst = max(
            worst,
            measure(
                f"matching_items {text[:45]!r}",
                lambda text=text: ", ".join(
                    i.title[:25] for i in matching_items(agency=agency, text=text, limit=5)[:2]
                ),
            ),
        )
    print(f"worst p95: {worst * 1000:.1f} ms (target 50 ms)")


if __name__ == "__main__":
    main()
