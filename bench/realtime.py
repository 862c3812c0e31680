"""Realtime benchmark: 1,000 websocket clients on two server processes (daphne) sharing Redis and PostgreSQL.
Each client's request is taken up through the API of the other server; the client must receive the
notification. Prints p50/p95/p99 from commit to receipt and how many events were lost.

Run:  .venv/bin/python bench/realtime.py     (BENCH_CLIENTS, BENCH_CONCURRENCY to vary)
Uses its own database (BENCH_RT_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/ppid_rt_bench) and
REDIS_URL (default redis://127.0.0.1:6379/0). Traffic stays on 127.0.0.1; every loop is bounded.
"""

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_URL = os.environ.get("BENCH_RT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ppid_rt_bench")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "1000"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "16"))
KEY_FILE = ROOT / "var" / "bench-nik.key"
os.environ.update(
    {"DATABASE_URL": DB_URL, "REDIS_URL": REDIS_URL, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
)


from bench.common import ensure_database  # noqa: E402

ensure_database(DB_URL)
KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
if not KEY_FILE.exists():
    from cryptography.fernet import Fernet

    KEY_FILE.write_text(Fernet.generate_key().decode())
os.environ["NIK_ENCRYPTION_KEYS"] = KEY_FILE.read_text().strip()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from accounts.models import CitizenProfile, User  # noqa: E402
from agencies.models import Agency, Membership, StaffRole, Unit, UnitKind  # noqa: E402
from notifications.models import Notification  # noqa: E402
from ppid.services import information_request_file  # noqa: E402


def seed() -> tuple[list[tuple[str, int]], str]:
    """CLIENTS citizens, each with one fresh registered request; returns (token, request id) pairs and the
    officer's token."""
    call_command("migrate", verbosity=0)
    agency, _ = Agency.objects.get_or_create(slug="rt-bench", defaults={"name": "Badan Realtime"})
    unit, _ = Unit.objects.get_or_create(
        agency=agency, code="PPID", defaults={"name": "PPID Utama", "kind": UnitKind.UTAMA}
    )
    officer, _ = User.objects.get_or_create(username="rt-officer", defaults={"email": "rt@bench.id"})
    Membership.objects.get_or_create(user=officer, unit=unit, role=StaffRole.OFFICER)
    officer_token, _ = Token.objects.get_or_create(user=officer)
    pairs = []
    run = int(time.time())
    for i in range(CLIENTS):
        user, created = User.objects.get_or_create(
            username=f"rt-{i}", defaults={"email": f"rt{i}@bench.id", "email_confirmed_at": timezone.now()}
        )
        if created:
            profile = CitizenProfile(user=user, name=f"Warga {i}", address="Jl. Bench")
            profile.set_nik("3273015505900001")
            profile.save()
        request = information_request_file(
            requester=user,
            agency=agency,
            information_requested=f"Run {run} #{i}",
            purpose="Bench",
            obtain_method="view",
            delivery_method="pickup",
        )
        token, _ = Token.objects.get_or_create(user=user)
        pairs.append((token.key, request.pk))
    return pairs, officer_token.key


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_servers() -> tuple[list[subprocess.Popen], list[int]]:
    ports = [free_port(), free_port()]
    env = {**os.environ, "API_THROTTLE_USER": "1000000/min", "CHANNELS_PREFIX": "ppid-rt-bench"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(p), "config.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(ROOT / "var" / f"bench-daphne-{p}.log", "w"),
        )
        for p in ports
    ]
    deadline = time.monotonic() + 60
    for port in ports:
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline:
                raise SystemExit(f"server on port {port} did not start")
            time.sleep(0.2)
    return procs, ports


async def main_async(pairs, officer_token, ports) -> tuple[dict, float, float]:
    import websockets

    received: dict[int, tuple[float, dict]] = {}
    connected = asyncio.Event()
    attempted = 0
    failed_to_connect = 0
    gate = asyncio.Semaphore(50)  # connect in waves, as browsers arriving over a moment would

    def attempt_done():
        nonlocal attempted
        attempted += 1
        if attempted == len(pairs):
            connected.set()

    async def client(index: int, token: str, request_id: int):
        nonlocal failed_to_connect
        port = ports[index % 2]
        try:
            async with gate:
                ws = await websockets.connect(
                    f"ws://127.0.0.1:{port}/ws/notifications/?token={token}",
                    origin=f"http://127.0.0.1:{port}",
                    open_timeout=30,
                    max_queue=64,
                )
        except Exception:  # noqa: BLE001 - counted and reported
            failed_to_connect += 1
            attempt_done()
            return
        attempt_done()
        async with ws:
            end = time.monotonic() + 180  # bounded
            while time.monotonic() < end:
                try:
                    raw = await asyncio.wait_for(ws.recv(), timeout=max(0.1, end - time.monotonic()))
                except TimeoutError:
                    return
                at = time.time()
                message = json.loads(raw)
                if message.get("type") == "notification" and str(message["case"]["id"]) == str(request_id):
                    received[request_id] = (at, message)
                    return

    tasks = [asyncio.create_task(client(i, token, rid)) for i, (token, rid) in enumerate(pairs)]
    await asyncio.wait_for(connected.wait(), timeout=180)
    print(f"{len(pairs) - failed_to_connect:,} of {len(pairs):,} clients connected")
    await asyncio.sleep(1)

    def take_up(index_and_id):
        index, request_id = index_and_id
        port = ports[(index + 1) % 2]  # through the other server than the client's
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/requests/{request_id}/transitions/process/",
            data=b"{}",
            method="POST",
            headers={"Authorization": f"Token {officer_token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status

    started = time.monotonic()
    semaphore = asyncio.Semaphore(CONCURRENCY)

    async def fire(item):
        async with semaphore:
            return await asyncio.to_thread(take_up, item)

    statuses = await asyncio.gather(*(fire((i, rid)) for i, (_t, rid) in enumerate(pairs)))
    fired = time.monotonic() - started
    assert all(s == 200 for s in statuses), set(statuses)
    await asyncio.wait(tasks, timeout=60)
    errors = [t.exception() for t in tasks if t.done() and not t.cancelled() and t.exception()]
    if errors:
        print(f"{len(errors)} client(s) failed, e.g. {errors[0]!r}")
    for task in tasks:
        task.cancel()
    return received, fired, time.monotonic() - started


def main() -> None:
    t0 = time.perf_counter()
    pairs, officer_token = seed()
    print(f"seeded {len(pairs):,} clients with a request each in {time.perf_counter() - t0:.1f} s")
    procs, ports = start_servers()
    try:
        received, fired, total = asyncio.run(main_async(pairs, officer_token, ports))
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=15)
    ids = [rid for _t, rid in pairs]
    committed = {
        int(n.object_id): n.created_at.timestamp()
        for n in Notification.objects.filter(kind="request.process", object_id__in=[str(i) for i in ids])
    }
    latencies = sorted((at - committed[rid]) * 1000 for rid, (at, _m) in received.items() if rid in committed)
    lost = len(ids) - len(received)

    def pct(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")

    print(
        f"{len(pairs):,} websocket clients on 2 server processes (Redis layer); {len(ids):,} events fired "
        f"in {fired:.1f} s ({len(ids) / fired:.0f}/s, concurrency {CONCURRENCY}) through the other server"
    )
    if latencies:
        print(
            f"commit -> receipt: p50 {statistics.median(latencies):.1f} ms   p95 {pct(0.95):.1f} ms   "
            f"p99 {pct(0.99):.1f} ms   max {latencies[-1]:.1f} ms"
        )
    print(f"received {len(received)}, notifications committed {len(committed)}")
    print(f"events lost: {lost} of {len(ids)}")


if __name__ == "__main__":
    main()
