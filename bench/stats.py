"""Transparency benchmark on PostgreSQL: one agency (a province) with 40 PPID units, 1,000,000 information
requests and 200,000 complaints over the last three years, with written notices (decisions and Pasal 17
grounds), extensions, objections and disputes in realistic shares. Then the time of

  - the public statistics of one agency for one year (the API, no response cache: from the materialised
    summary of counts by day and month, and for comparison counted live from the cases),
  - the public complaint statistics,
  - the auditor's overdue list (one page) and compliance per unit,
  - the annual report (data and PDF),

each as p50/p95 next to the time of its SQL alone, plus the time to seed and to refresh the summary.
Targets: public statistics under 100 ms uncached, the overdue list under 50 ms.

Run:  .venv/bin/python bench/stats.py
Uses its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ppid_stats_bench) and
seeds once (COPY); BENCH_REQUESTS and BENCH_COMPLAINTS scale the data, BENCH_ROUNDS the repetitions.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ppid_stats_bench")
os.environ["DATABASE_URL"] = BENCH_DB
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
import warnings  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")
N_REQUESTS = int(os.environ.get("BENCH_REQUESTS", "1000000"))
N_COMPLAINTS = int(os.environ.get("BENCH_COMPLAINTS", "200000"))
N_UNITS = 40
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
SLOW_ROUNDS = int(os.environ.get("BENCH_SLOW_ROUNDS", "3"))


from bench.common import ensure_database  # noqa: E402

ensure_database(BENCH_DB)
import django  # noqa: E402

django.setup()

import bisect  # noqa: E402
import datetime as dt  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import uuid  # noqa: E402
from decimal import Decimal  # noqa: E402

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from agencies.models import Agency, Membership, StaffRole, Unit, UnitKind  # noqa: E402
from complaints.models import Complaint  # noqa: E402
from ppid.models import Dispute, InformationRequest, Objection, RequestResponse  # noqa: E402
from transparency.report import annual_report_data, render_annual_report_pdf  # noqa: E402
from transparency.summary import refresh_summary  # noqa: E402
from workcalendar.calendar import WorkingCalendar  # noqa: E402
from workcalendar.models import Holiday  # noqa: E402
from workcalendar.seed import seed_holidays  # noqa: E402

settings.ALLOWED_HOSTS = ["localhost"]
settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"] = "1000000/min"
settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["user"] = "1000000/min"
YEARS = 3
CHUNK = 100_000


# --- COPY -------------------------------------------------------------------------------------------------------
def _literal(value) -> str:
    """One CSV field for COPY: unquoted empty is NULL, a quoted empty string is ''."""
    if value is None:
        return ""
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, dt.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, list | dict):
        value = json.dumps(value)
    text = str(value)
    return '"' + text.replace('"', '""') + '"'


class Copier:
    """COPY rows into a model's table: the varying columns per row, the rest constant (their defaults)."""

    def __init__(self, model, varying: list[str], **constants):
        fields = model._meta.concrete_fields
        self.table = model._meta.db_table
        self.column_list = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        self.varying = varying
        self.slots = []
        for f in fields:
            if f.attname in varying:
                self.slots.append(varying.index(f.attname))
            else:
                value = constants.get(f.attname, None if f.null else f.get_default())
                self.slots.append(_literal(value))
        self.buffer = io.StringIO()
        self.count = 0

    def add(self, *values) -> None:
        self.buffer.write(
            ",".join(_literal(values[s]) if isinstance(s, int) else s for s in self.slots) + "\n"
        )
        self.count += 1

    def flush(self) -> None:
        self.buffer.seek(0)
        with connection.cursor() as cur:
            cur.cursor.copy_expert(
                f"COPY {self.table} ({self.column_list}) FROM STDIN WITH (FORMAT csv)", self.buffer
            )
        self.buffer = io.StringIO()


def _set_sequence(model) -> None:
    with connection.cursor() as cur:
        table = model._meta.db_table
        cur.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}"
        )


# --- seeding ----------------------------------------------------------------------------------------------------
class Days:
    """Working-day arithmetic over the seeding span, from the agency's own calendar."""

    def __init__(self, agency, first: dt.date, last: dt.date):
        calendar = WorkingCalendar(agency)
        calendar.working_days_between(first, last)
        span = (last - first).days
        self.working = [
            d for d in (first + dt.timedelta(days=i) for i in range(span + 1)) if calendar.is_working_day(d)
        ]

    def add(self, day: dt.date, n: int) -> dt.date:
        i = bisect.bisect_right(self.working, day) + n - 1
        return self.working[min(i, len(self.working) - 1)]


def _weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


DECISIONS = [
    ("granted", 70),
    ("partially_granted", 10),
    ("rejected", 8),
    ("not_held", 8),
    ("not_documented", 4),
]
GROUNDS = [
    ("h", 40),
    ("a", 15),
    ("i", 15),
    ("j", 10),
    ("b", 5),
    ("c", 3),
    ("d", 3),
    ("e", 3),
    ("f", 3),
    ("g", 3),
]
CHANNELS = [("online", 70), ("walk_in", 12), ("email", 10), ("post", 5), ("phone", 2), ("fax", 1)]
CATEGORIES = [
    ("administration", 25),
    ("health", 18),
    ("education", 15),
    ("infrastructure", 15),
    ("permits", 10),
    ("social", 7),
    ("staff_conduct", 6),
    ("other", 4),
]


def seed() -> tuple[Agency, User]:
    call_command("migrate", verbosity=0)
    agency, _ = Agency.objects.get_or_create(
        slug="bench-prov", defaults={"name": "Pemerintah Provinsi Bench", "province_code": "32"}
    )
    utama, _ = Unit.objects.get_or_create(
        agency=agency, code="PPID", defaults={"name": "PPID Utama", "kind": UnitKind.UTAMA}
    )
    units = [utama] + [
        Unit.objects.get_or_create(
            agency=agency,
            code=f"OPD{i:02d}",
            defaults={
                "name": f"PPID Pelaksana Perangkat Daerah {i}",
                "kind": UnitKind.PELAKSANA,
                "parent": utama,
            },
        )[0]
        for i in range(1, N_UNITS)
    ]
    staff = {}
    for role in (StaffRole.OFFICER, StaffRole.AUDITOR, StaffRole.ATASAN):
        user, created = User.objects.get_or_create(
            username=f"bench-{role}",
            defaults={"email": f"{role}@bench.id", "email_confirmed_at": timezone.now()},
        )
        if created:
            Membership.objects.create(user=user, unit=utama, role=role)
        staff[role] = user
    citizen, _ = User.objects.get_or_create(username="bench-warga", defaults={"email": "warga@bench.id"})
    if InformationRequest.objects.filter(agency=agency).count() >= N_REQUESTS:
        return agency, staff[StaffRole.AUDITOR]

    started = time.perf_counter()
    tz = agency.tzinfo
    now = timezone.now()
    today = now.astimezone(tz).date()
    first = today - dt.timedelta(days=365 * YEARS)
    seed_holidays(Holiday, years=range(first.year, today.year + 2))
    days = Days(agency, first - dt.timedelta(days=10), today + dt.timedelta(days=400))
    rng = random.Random(2026)
    officer, atasan = staff[StaffRole.OFFICER], staff[StaffRole.ATASAN]
    span = int((now - dt.datetime.combine(first, dt.time(), tzinfo=tz)).total_seconds())
    moments = sorted(rng.randrange(span) for _ in range(N_REQUESTS))
    base = dt.datetime.combine(first, dt.time(), tzinfo=tz)

    requests = Copier(
        InformationRequest,
        [
            "id", "public_id", "unit_id", "channel", "received_at", "registration_number", "registration_year",
            "registration_sequence", "state", "due_date", "original_due_date", "extended_at", "extended_by_id",
            "responded_at", "auto_complete_on", "completed_at", "withdrawn_at", "information_requested", "created_at",
        ],
        agency_id=agency.pk,
        requester_id=citizen.pk,
        submitted_by_id=citizen.pk,
        requester_type="individual",
        requester_name="Warga",
        requester_address="Jl. Bench 1",
        purpose="Penelitian",
        obtain_method="softcopy",
        delivery_method="email",
        deadline_log=[],
    )  # fmt: skip
    responses = Copier(
        RequestResponse,
        ["id", "request_id", "decision", "information_held", "exemption_grounds", "responded_at"],
        responded_by_id=officer.pk,
        obtain_method="softcopy",
        delivery_method="email",
        fee_amount=0,
    )
    objections = Copier(
        Objection,
        [
            "id", "public_id", "request_id", "unit_id", "received_at", "registration_number", "registration_year",
            "registration_sequence", "grounds", "state", "due_date", "decided_at", "decided_by_id", "outcome",
            "withdrawn_at", "created_at",
        ],
        agency_id=agency.pk,
        requester_id=citizen.pk,
        submitted_by_id=citizen.pk,
        reason="Keberatan",
        deadline_log=[],
        ground_windows={},
    )  # fmt: skip
    disputes = Copier(
        Dispute,
        [
            "id", "objection_id", "ki_register_number", "filed_on", "mediation_result", "decision_on", "result",
            "complied_on", "appeal_court", "appeal_filed_on", "created_at", "updated_at",
        ],
        agency_id=agency.pk,
        commission="Komisi Informasi Provinsi",
        recorded_by_id=officer.pk,
    )  # fmt: skip
    sequence: dict[int, int] = {}
    obj_sequence: dict[int, int] = {}
    n_obj = n_disp = n_resp = 0
    for i, offset in enumerate(moments, start=1):
        if i % CHUNK == 0:  # parents before children: each COPY commits on its own
            for copier in (requests, responses, objections, disputes):
                copier.flush()
        received = base + dt.timedelta(seconds=offset)
        day = received.date()
        year = day.year
        sequence[year] = sequence.get(year, 0) + 1
        due = days.add(day, 10)
        extended = rng.random() < 0.08
        extended_at = responded_at = completed_at = withdrawn_at = auto = None
        if extended:
            extended_at = dt.datetime.combine(days.add(day, 7), dt.time(10), tzinfo=tz)
            if extended_at > now:
                extended_at, extended = None, False
            else:
                due = days.add(due, 7)
        if extended:
            delay = rng.randint(11, 17)
        else:
            delay = _weighted(
                rng, [(rng.randint(1, 5), 55), (rng.randint(6, 10), 40), (rng.randint(11, 25), 5)]
            )
        roll = rng.random()
        answer_day = days.add(day, delay)
        answer_at = dt.datetime.combine(
            answer_day, dt.time(rng.randint(8, 15), rng.randint(0, 59)), tzinfo=tz
        )
        if roll < 0.03:
            state = "withdrawn"
            withdrawn_at = min(received + dt.timedelta(days=rng.randint(0, 5)), now)
        elif roll < 0.04 or answer_at > now:  # 1% never answered: the stale backlog an auditor looks for
            state = _weighted(rng, [("registered", 40), ("in_process", 50), ("awaiting_clarification", 10)])
        else:
            responded_at = answer_at
            auto = days.add(answer_day, 10)
            if dt.datetime.combine(auto, dt.time(23, 59), tzinfo=tz) < now:
                state, completed_at = "completed", dt.datetime.combine(auto, dt.time(23, 59), tzinfo=tz)
            else:
                state = "responded"
        requests.add(
            i, uuid.UUID(int=rng.getrandbits(128), version=4), unit_pk := units[rng.randrange(N_UNITS)].pk,
            _weighted(rng, CHANNELS), received, f"{sequence[year]:06d}/PPID/{year}", year, sequence[year], state,
            due, days.add(day, 10), extended_at, officer.pk if extended_at else None, responded_at, auto,
            completed_at, withdrawn_at, f"Dokumen nomor {i}", received,
        )  # fmt: skip
        if responded_at is None:
            continue
        n_resp += 1
        decision = _weighted(rng, DECISIONS)
        grounds = []
        if decision in ("rejected", "partially_granted"):
            grounds = sorted({_weighted(rng, GROUNDS) for _ in range(rng.choice([1, 1, 2]))})
        responses.add(
            n_resp, i, decision, decision not in ("not_held", "not_documented"), grounds, responded_at
        )
        if rng.random() >= 0.03:
            continue
        filed = responded_at + dt.timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 6))
        if filed > now:
            continue
        n_obj += 1
        obj_year = filed.year
        obj_sequence[obj_year] = obj_sequence.get(obj_year, 0) + 1
        obj_due = days.add(filed.date(), 30)
        decided_at = dt.datetime.combine(days.add(filed.date(), rng.randint(5, 35)), dt.time(11), tzinfo=tz)
        obj_grounds = ["a"] if grounds else [rng.choice(["d", "e", "g", "b"])]
        withdrawn = rng.random() < 0.05
        if withdrawn:
            state, outcome, decided_at, obj_withdrawn = (
                "withdrawn",
                "",
                None,
                min(filed + dt.timedelta(days=3), now),
            )
        elif decided_at > now:
            state, outcome, decided_at, obj_withdrawn = "registered", "", None, None
        else:
            state, outcome, obj_withdrawn = "decided", _weighted(rng, [("upheld", 70), ("granted", 30)]), None
        objections.add(
            n_obj, uuid.UUID(int=rng.getrandbits(128), version=4), i, unit_pk, filed,
            f"{obj_sequence[obj_year]:05d}/KEB/{obj_year}", obj_year, obj_sequence[obj_year], obj_grounds, state,
            obj_due, decided_at, atasan.pk if decided_at else None, outcome, obj_withdrawn, filed,
        )  # fmt: skip
        if state != "decided" or outcome != "upheld" or rng.random() >= 0.2:
            continue
        filed_on = decided_at.date() + dt.timedelta(days=rng.randint(1, 20))
        if filed_on > today:
            continue
        n_disp += 1
        decided_on = filed_on + dt.timedelta(days=rng.randint(40, 160))
        if decided_on > today:
            decided_on, result, mediation = None, "", ""
        else:
            mediation = _weighted(rng, [("agreed", 35), ("failed", 65)])
            result = (
                "settled"
                if mediation == "agreed"
                else _weighted(
                    rng, [("agency_won", 45), ("requester_won", 30), ("partial", 15), ("withdrawn", 10)]
                )
            )
        complied = decided_on + dt.timedelta(days=30) if result in ("requester_won", "partial") else None
        complied = complied if complied and complied <= today and rng.random() < 0.7 else None
        appeal = rng.random() < 0.1 and result in ("requester_won", "partial", "agency_won")
        dt_created = dt.datetime.combine(filed_on, dt.time(12), tzinfo=tz)
        disputes.add(
            n_disp, n_obj, f"{n_disp:05d}/KI/{filed_on.year}", filed_on, mediation, decided_on, result, complied,
            rng.choice(["ptun", "pn"]) if appeal else "", decided_on + dt.timedelta(days=10) if appeal else None,
            dt_created, dt_created,
        )  # fmt: skip
    for copier in (requests, responses, objections, disputes):
        copier.flush()
    request_seconds = time.perf_counter() - started

    complaints = Copier(
        Complaint,
        [
            "id", "public_id", "unit_id", "tracking_number", "registration_year", "registration_sequence",
            "anonymous", "confidential", "category", "received_at", "state", "verify_due", "resolution_due",
            "followup_due", "auto_close_on", "dispositioned_at", "responded_at", "completed_at", "archived_at",
            "archive_reason", "rating", "created_at",
        ],
        agency_id=agency.pk,
        title="Aduan",
        description="Uraian aduan",
        deadline_log=[],
    )  # fmt: skip
    cmp_moments = sorted(rng.randrange(span) for _ in range(N_COMPLAINTS))
    cmp_sequence: dict[int, int] = {}
    for i, offset in enumerate(cmp_moments, start=1):
        if i % CHUNK == 0:
            complaints.flush()
        received = base + dt.timedelta(seconds=offset)
        day = received.date()
        year = day.year
        cmp_sequence[year] = cmp_sequence.get(year, 0) + 1

        def at(d, hour=10):
            return dt.datetime.combine(d, dt.time(hour), tzinfo=tz)

        verify_due, resolution_due = days.add(day, 3), day + dt.timedelta(days=60)
        unit = followup_due = auto_close = dispositioned = responded = completed = archived = rating = None
        archive_reason = ""
        roll = rng.random()
        acted = at(days.add(day, _weighted(rng, [(1, 50), (2, 25), (3, 15), (rng.randint(4, 8), 10)])))
        if roll < 0.01 or acted > now:
            state = "submitted"
        elif roll < 0.11:
            state, archived = "archived", acted
            archive_reason = _weighted(
                rng, [("not_a_complaint", 40), ("not_our_authority", 35), ("duplicate", 25)]
            )
        else:
            dispositioned, unit = acted, units[rng.randrange(N_UNITS)].pk
            followup_due = days.add(acted.date(), 5)
            responded = at(
                days.add(acted.date(), _weighted(rng, [(rng.randint(1, 5), 85), (rng.randint(6, 12), 15)]))
            )
            if roll < 0.13 or responded > now:
                state, responded = "dispositioned", None
            else:
                auto_close = days.add(responded.date(), 10)
                completed = at(days.add(responded.date(), rng.randint(1, 12)), 16)
                if completed > now:
                    state, completed = "responded", None
                else:
                    state = "completed"
                    rating = (
                        _weighted(rng, [(5, 35), (4, 35), (3, 15), (2, 8), (1, 7)])
                        if rng.random() < 0.6
                        else None
                    )
        complaints.add(
            i, uuid.UUID(int=rng.getrandbits(128), version=4), unit, f"ADU/{year}/{cmp_sequence[year]:06d}", year,
            cmp_sequence[year], rng.random() < 0.25, rng.random() < 0.1, _weighted(rng, CATEGORIES), received, state,
            verify_due, resolution_due, followup_due, auto_close, dispositioned, responded, completed, archived,
            archive_reason, rating, received,
        )  # fmt: skip
    complaints.flush()
    for model in (InformationRequest, RequestResponse, Objection, Dispute, Complaint):
        _set_sequence(model)
    with connection.cursor() as cur:
        for model in (InformationRequest, RequestResponse, Objection, Dispute, Complaint):
            cur.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    print(
        f"seeded {N_REQUESTS:,} requests ({n_resp:,} notices, {n_obj:,} objections, {n_disp:,} disputes) in "
        f"{request_seconds:.1f} s and {N_COMPLAINTS:,} complaints; {time.perf_counter() - started:.1f} s in all"
    )
    return agency, staff[StaffRole.AUDITOR]


# --- measuring -----------------------------------------------------------------------------------------------------
def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return f"p50 {statistics.median(ordered) * 1000:8.1f} ms   p95 {p(0.95) * 1000:8.1f} ms"


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


def measure(label: str, call, rounds: int = ROUNDS, check=None) -> None:
    call()  # warm up (connection, PostgreSQL's buffers); there is no response cache to warm
    times, sql_times, queries = [], [], 0
    for _ in range(rounds):
        timer = SqlTimer()
        with connection.execute_wrapper(timer):
            start = time.perf_counter()
            result = call()
            times.append(time.perf_counter() - start)
        if check:
            check(result)
        sql_times.append(timer.total)
        queries = timer.count
    print(f"{label:<58} {percentiles(times)}   {queries:>2} queries   SQL {percentiles(sql_times)}")


def ok(response):
    assert response.status_code == 200, response.content[:300]


def main() -> None:
    agency, auditor = seed()
    total = InformationRequest.objects.filter(agency=agency).count()
    year = timezone.localdate(timezone=agency.tzinfo).year - 1
    in_year = InformationRequest.objects.filter(agency=agency, registration_year=year).count()
    complaints = Complaint.objects.filter(agency=agency).count()
    print(
        f"PostgreSQL {connection.pg_version // 10000}: {total:,} requests, {complaints:,} complaints, "
        f"{N_UNITS} units; {in_year:,} requests in {year}"
    )
    started = time.perf_counter()
    refresh = refresh_summary(agency=agency)
    seconds = time.perf_counter() - started
    print(f"summary refresh (manage.py refresh_transparency_summary): {seconds:.1f} s, {refresh.rows:,} rows")

    public = Client(SERVER_NAME="localhost")
    stats = f"/api/v1/stats/requests/?agency={agency.slug}&year={year}"

    def summary_check(response):
        ok(response)
        assert response.json()["source"] == "summary"

    measure(
        f"public request statistics, 1 agency, {year} (API)", lambda: public.get(stats), check=summary_check
    )
    measure(
        f"public complaint statistics, 1 agency, {year} (API)",
        lambda: public.get(f"/api/v1/stats/complaints/?agency={agency.slug}&year={year}"),
        check=summary_check,
    )
    unit = Unit.objects.filter(agency=agency, kind=UnitKind.PELAKSANA).order_by("pk").first()
    measure(
        f"public request statistics, 1 unit, {year} (API)",
        lambda: public.get(f"{stats}&unit={unit.pk}"),
        check=summary_check,
    )
    measure(
        f"public request statistics, {year}, CSV download (API)",
        lambda: public.get(f"{stats}&format=csv"),
        check=ok,
    )

    measure(
        f"public statistics page, 1 agency, {year} (HTML with charts)",
        lambda: public.get(f"/statistik/{agency.slug}/?year={year}"),
        check=ok,
    )

    staff = Client(SERVER_NAME="localhost")
    staff.force_login(auditor)
    measure(
        "auditor's dashboard page: compliance, 40 units + overdue page (HTML)",
        lambda: staff.get(f"/dasbor/{agency.slug}/"),
        rounds=SLOW_ROUNDS,
        check=ok,
    )
    overdue = staff.get(f"/api/v1/stats/compliance/overdue/?agency={agency.slug}").json()
    print(f"overdue now: {overdue['count']:,} ({overdue['by_kind']})")
    measure(
        "auditor's overdue list, page of 50 (API)",
        lambda: staff.get(f"/api/v1/stats/compliance/overdue/?agency={agency.slug}"),
        check=ok,
    )
    measure(
        "auditor's overdue list, one unit (API)",
        lambda: staff.get(f"/api/v1/stats/compliance/overdue/?agency={agency.slug}&unit={unit.pk}"),
        check=ok,
    )
    measure(
        "compliance per unit, 40 units (API)",
        lambda: staff.get(f"/api/v1/stats/compliance/?agency={agency.slug}"),
        rounds=SLOW_ROUNDS,
        check=ok,
    )

    from transparency.statistics import request_statistics

    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    measure(
        f"request statistics, {year}, counted live (no summary)",
        lambda: request_statistics(agency, start=start, end=end, source="live"),
        rounds=SLOW_ROUNDS,
    )
    measure(
        f"annual report {year}, data (counted live)",
        lambda: annual_report_data(agency, year),
        rounds=SLOW_ROUNDS,
    )
    measure(f"annual report {year}, PDF", lambda: render_annual_report_pdf(agency, year), rounds=SLOW_ROUNDS)
    measure(
        f"annual report {year}, page (HTML)",
        lambda: staff.get(f"/dasbor/{agency.slug}/laporan/{year}/"),
        rounds=SLOW_ROUNDS,
        check=ok,
    )


if __name__ == "__main__":
    main()
