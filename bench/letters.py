"""Letters benchmark on PostgreSQL (issue 17): what issuing, rendering, signing and verifying a letter cost.

  - filing a request online (the service, which issues the receipt: number, snapshots, audit, outbox row),
    next to the part of it spent in `letter_issue`;
  - rendering, signing and storing a letter's PDF once (`letter_render`, as the worker does), unsigned and
    signed (PAdES with a self-signed certificate made for the run), and the PDF's size;
  - the public verification page (GET) and the byte-for-byte check of an uploaded PDF (POST), over HTTP.

Run:  .venv/bin/python bench/letters.py   (BENCH_ROUNDS, default 30)
Uses its own database (BENCH_LETTERS_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ppid_bench_letters),
emptied and seeded with the demo agency at every run.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get(
    "BENCH_LETTERS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ppid_bench_letters"
)
os.environ["DATABASE_URL"] = BENCH_DB
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))

from bench.common import ensure_database  # noqa: E402

ensure_database(BENCH_DB)
import django  # noqa: E402

django.setup()

from cryptography.fernet import Fernet  # noqa: E402
from django.conf import settings  # noqa: E402

settings.NIK_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
settings.ALLOWED_HOSTS = ["localhost"]
settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bench-letters-"))

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

import letters.services as letter_services  # noqa: E402
import ppid.services.requests as request_services  # noqa: E402
from accounts.models import User  # noqa: E402
from agencies.models import Agency  # noqa: E402
from letters.certs import make_test_authority  # noqa: E402
from letters.models import IssuedLetter  # noqa: E402
from letters.signing import DEFAULT_FILE, clear_cache  # noqa: E402
from ppid.services import information_request_file  # noqa: E402


def ms(values):
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"p50 {statistics.median(values) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


def fresh_database():
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)


def file_requests(citizen, agency, n):
    """File n requests; returns the service's times and the time spent inside letter_issue."""
    inside = []
    real = letter_services.letter_issue

    def timed(**kwargs):
        t = time.perf_counter()
        try:
            return real(**kwargs)
        finally:
            inside.append(time.perf_counter() - t)

    request_services.letter_issue = timed
    totals = []
    try:
        for i in range(n):
            t = time.perf_counter()
            information_request_file(
                requester=citizen,
                agency=agency,
                information_requested=f"Rekapitulasi realisasi anggaran program {i} tahun 2025 per triwulan",
                purpose="Penelitian kebijakan publik",
                obtain_method="softcopy",
                delivery_method="email",
            )
            totals.append(time.perf_counter() - t)
    finally:
        request_services.letter_issue = real
    return totals, inside


def render_all(letter_ids):
    times = []
    for pk in letter_ids:
        t = time.perf_counter()
        letter_services.letter_render(pk)
        times.append(time.perf_counter() - t)
    return times


def main():
    fresh_database()
    agency = Agency.objects.order_by("pk").first()
    citizen = User.objects.get(username="pemohon")
    print(f"PostgreSQL {connection.pg_version // 10000}, {ROUNDS} rounds, demo agency {agency.name}")

    totals, inside = file_requests(citizen, agency, ROUNDS)
    print(f"filing a request (service, receipt issued) {ms(totals)}")
    print(f"  of which letter_issue                      {ms(inside)}")

    # Unsigned: no certificate directory.
    settings.LETTER_SIGNING_PKCS12_DIR = ""
    clear_cache()
    unsigned_ids = list(IssuedLetter.objects.order_by("pk").values_list("pk", flat=True)[:ROUNDS])
    unsigned = render_all(unsigned_ids)
    size = IssuedLetter.objects.get(pk=unsigned_ids[0]).pdf.size
    print(f"render + store, unsigned                   {ms(unsigned)}   ({size // 1024} KB)")

    # Signed: a self-signed certificate for every unit (default.p12).
    directory = Path(tempfile.mkdtemp(prefix="bench-signing-"))
    authority = make_test_authority(common_name="Bench", organization="Bench", passphrase=b"bench")
    (directory / DEFAULT_FILE).write_bytes(authority.pkcs12)
    settings.LETTER_SIGNING_PKCS12_DIR = str(directory)
    settings.LETTER_SIGNING_PASSPHRASE = "bench"
    clear_cache()
    _, _ = file_requests(citizen, agency, ROUNDS)
    signed_ids = list(
        IssuedLetter.objects.filter(pdf="").order_by("pk").values_list("pk", flat=True)[:ROUNDS]
    )
    signed = render_all(signed_ids)
    letter = IssuedLetter.objects.get(pk=signed_ids[0])
    kb = letter.pdf.size // 1024
    print(f"render + sign + store, PAdES               {ms(signed)}   ({kb} KB, signed={letter.signed})")

    client = Client(HTTP_HOST="localhost")
    pages, checks = [], []
    body = letter.pdf.open("rb").read()
    for pk in signed_ids:
        code = IssuedLetter.objects.values_list("code", flat=True).get(pk=pk)
        t = time.perf_counter()
        assert client.get(f"/verifikasi/{code}/").status_code == 200
        pages.append(time.perf_counter() - t)
        t = time.perf_counter()
        answer = client.post(f"/api/v1/letters/verify/{letter.code}/", body, content_type="application/pdf")
        checks.append(time.perf_counter() - t)
        assert answer.status_code == 200 and answer.json()["match"] is True, answer.content
    print(f"verification page GET                      {ms(pages)}")
    print(f"API verify POST ({len(body) // 1024} KB PDF, match)         {ms(checks)}")


if __name__ == "__main__":
    main()
