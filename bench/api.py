"""API benchmark on PostgreSQL: 100,000 information requests, then p50/p95 latency and query count of

  - an officer's staff home page (/kerja/: my cases, my unit's unassigned, due soon, overdue),
  - an officer's queue page (50 rows, filtered by unit and state, ordered by due date),
  - a request's detail,
  - filing a request,

each next to the time of its SQL alone (every query the call runs, timed at the driver).
Run:  .venv/bin/python bench/api.py
Uses its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ppid_bench); seeds once.
"""

import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ppid_bench")
os.environ["DATABASE_URL"] = BENCH_DB
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
import warnings  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")
N_REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))


from bench.common import ensure_database  # noqa: E402

ensure_database(BENCH_DB)
import django  # noqa: E402

django.setup()

from cryptography.fernet import Fernet  # noqa: E402
from django.conf import settings  # noqa: E402

# The bench database outlives a run: keep its NIK key beside it (git-ignored var/), not a fresh one per run.
_key_file = ROOT / "var" / "bench-nik.key"
_key_file.parent.mkdir(parents=True, exist_ok=True)
if not _key_file.exists():
    _key_file.write_text(Fernet.generate_key().decode())
settings.NIK_ENCRYPTION_KEYS = [_key_file.read_text().strip()]
settings.ALLOWED_HOSTS = ["localhost"]

import datetime as dt  # noqa: E402
import random  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import CitizenProfile, User  # noqa: E402
from agencies.models import Agency, Membership, StaffRole, Unit, UnitKind  # noqa: E402
from ppid.models import InformationRequest, RequestState  # noqa: E402


def seed() -> tuple[User, Unit]:
    call_command("migrate", verbosity=0)
    agency, _ = Agency.objects.get_or_create(
        slug="bench", defaults={"name": "Badan Bench", "province_code": "32"}
    )
    utama, _ = Unit.objects.get_or_create(
        agency=agency, code="PPID", defaults={"name": "PPID Utama", "kind": UnitKind.UTAMA}
    )
    units = [utama] + [
        Unit.objects.get_or_create(
            agency=agency,
            code=f"U{i}",
            defaults={"name": f"PPID Pelaksana {i}", "kind": UnitKind.PELAKSANA, "parent": utama},
        )[0]
        for i in range(1, 10)
    ]
    officer, created = User.objects.get_or_create(username="bench-officer", defaults={"email": "o@bench.id"})
    if created:
        officer.set_password("bench-password-123")
        officer.save()
        Membership.objects.create(user=officer, unit=units[3], role=StaffRole.OFFICER)
    citizen, created = User.objects.get_or_create(
        username="bench-citizen", defaults={"email": "c@bench.id", "email_confirmed_at": timezone.now()}
    )
    profile, _ = CitizenProfile.objects.get_or_create(
        user=citizen, defaults={"name": "Warga Bench", "address": "Jl. Bench 1"}
    )
    profile.set_nik("3273015505900001")  # under this run's key
    profile.save()
    have = InformationRequest.objects.filter(agency=agency).count()
    if have < N_REQUESTS:
        started = time.perf_counter()
        rng = random.Random(42)
        states = [
            RequestState.REGISTERED,
            RequestState.IN_PROCESS,
            RequestState.IN_PROCESS,
            RequestState.RESPONDED,
            RequestState.COMPLETED,
            RequestState.COMPLETED,
            RequestState.WITHDRAWN,
        ]
        template = {
            "requester_type": "individual",
            "requester_name": "Warga",
            "requester_address": "Jl. X",
            "purpose": "Penelitian",
            "obtain_method": "softcopy",
            "delivery_method": "email",
            "deadline_log": [],
        }
        batch = []
        base_day = dt.datetime(2024, 1, 2, 9, tzinfo=agency.tzinfo)
        for seq in range(have + 1, N_REQUESTS + 1):
            received = base_day + dt.timedelta(minutes=seq * 15)
            due = received.date() + dt.timedelta(days=14)
            year = received.year
            batch.append(
                InformationRequest(
                    agency=agency,
                    unit=units[seq % 10],
                    requester=citizen,
                    submitted_by=citizen,
                    information_requested=f"Dokumen anggaran nomor {seq}",
                    received_at=received,
                    registration_year=year,
                    registration_sequence=seq,
                    registration_number=f"{seq:06d}/PPID/{year}",
                    due_date=due,
                    original_due_date=due,
                    state=rng.choice(states),
                    **template,
                )
            )
            if len(batch) == 5000:
                InformationRequest.objects.bulk_create(batch)
                batch = []
        if batch:
            InformationRequest.objects.bulk_create(batch)
        with connection.cursor() as cur:
            cur.execute("ANALYZE ppid_informationrequest")
        print(f"seeded {N_REQUESTS - have:,} requests in {time.perf_counter() - started:.1f} s")
    # The officer has taken every seventh request of their unit: the staff home's "my cases".
    mine = (
        InformationRequest.objects.filter(unit=units[3], assigned_to__isnull=True)
        .annotate(seventh=F("registration_sequence") % 70)
        .filter(seventh=3)
    )
    if mine.exists():
        mine.update(assigned_to=officer, assigned_at=timezone.now())
        with connection.cursor() as cur:
            cur.execute("ANALYZE ppid_informationrequest")
    return officer, units[3]


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return f"p50 {statistics.median(ordered) * 1000:7.2f} ms   p95 {p(0.95) * 1000:7.2f} ms"


class SqlTimer:
    """Sums the time spent executing SQL (driver round trips included) during a call, and keeps each statement."""

    def __init__(self):
        self.total = 0.0
        self.count = 0
        self.statements: list[tuple[float, str]] = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - start
            self.total += spent
            self.count += 1
            self.statements.append((spent, sql))


def show_sql(call, slowest: int = 3) -> None:
    """The slowest statements of one call, with their time: what a figure above is made of."""
    timer = SqlTimer()
    with connection.execute_wrapper(timer):
        call()
    for spent, sql in sorted(timer.statements, reverse=True)[:slowest]:
        text = " ".join(sql.split())
        print(f"    {spent * 1000:7.2f} ms  {text[:300]}{'…' if len(text) > 300 else ''}")


def measure(label: str, call, sql: bool = False) -> None:
    call()  # warm up
    times, sql_times, queries = [], [], 0
    for _ in range(ROUNDS):
        timer = SqlTimer()
        with connection.execute_wrapper(timer):
            start = time.perf_counter()
            response = call()
            times.append(time.perf_counter() - start)
        assert response.status_code in (200, 201), response.content[:300]
        sql_times.append(timer.total)
        queries = timer.count
    print(f"{label:<46} {percentiles(times)}   {queries:>2} queries   of which SQL: {percentiles(sql_times)}")
    if sql:
        show_sql(call)


def main() -> None:
    officer, unit = seed()
    client = Client(SERVER_NAME="localhost")
    client.force_login(officer)
    total = InformationRequest.objects.count()
    in_unit = InformationRequest.objects.filter(unit=unit, state=RequestState.IN_PROCESS).count()
    print(
        f"PostgreSQL {connection.pg_version // 10000}, {total:,} requests; queue filter matches {in_unit:,}"
    )

    assigned = InformationRequest.objects.filter(assigned_to=officer).count()
    print(
        f"the officer's unit holds {InformationRequest.objects.filter(unit=unit).count():,}; {assigned:,} are theirs"
    )
    measure("staff home /kerja/ (page)", lambda: client.get("/kerja/"), sql=True)

    queue_url = f"/api/v1/requests/?unit={unit.pk}&state=in_process&page_size=50"

    measure("officer queue (50 rows, unit + state, by due)", lambda: client.get(queue_url))

    number = InformationRequest.objects.filter(unit=unit).order_by("id")[500].registration_number
    measure(
        f"searched queue, API (q={number}, one match)",
        lambda: client.get(f"/api/v1/requests/?q={number}&page_size=50"),
        sql=True,
    )
    measure(
        "searched queue, API (q=anggaaran, a typo)",
        lambda: client.get("/api/v1/requests/?q=anggaaran&page_size=50"),
        sql=True,
    )
    measure(
        "searched queue, page (/antrean/?q=nomor 4217)",
        lambda: client.get("/antrean/?q=nomor+4217&state=in_process"),
        sql=True,
    )

    target = InformationRequest.objects.filter(unit=unit).order_by("-id").first()
    measure("request detail", lambda: client.get(f"/api/v1/requests/{target.pk}/"))

    citizen = User.objects.get(username="bench-citizen")
    filer = Client(SERVER_NAME="localhost")
    filer.force_login(citizen)
    payload = {
        "agency": "bench",
        "information_requested": "Data bench",
        "purpose": "Uji",
        "obtain_method": "softcopy",
        "delivery_method": "email",
    }
    from django.conf import settings

    settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["filing"] = "100000/min"

    measure(
        "filing a request",
        lambda: filer.post(
            "/api/v1/requests/",
            payload,
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()),
        ),
    )


if __name__ == "__main__":
    main()
