"""`make run` on a fresh copy of the repository, started the way the README tells a newcomer to start it on
another port (`PORT=... make run`), with nothing else set. The copy has its own SQLite file and var/ (the
developer's db.sqlite3 and var/ are never touched) and borrows the virtualenv that `make test` built, through
symlinks, with install stamps of its own (so make installs nothing into the shared venv)."""

import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
NIK = "3273015505900001"
IGNORED = (".git", ".venv", "db.sqlite3*", "var", "staticfiles", "__pycache__", ".*_cache", "test-results")


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fresh_copy(dest: Path) -> None:
    """What a clone of the working tree holds: tracked and new files, none of the git-ignored ones (no
    db.sqlite3, var/, staticfiles/), and a .venv that links to the suite's own."""
    git = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    listed = subprocess.run(git, cwd=ROOT, capture_output=True) if shutil.which("git") else None
    if listed is None or listed.returncode:
        # Not a git checkout (an unpacked archive): the same files, minus what git would ignore.
        shutil.copytree(ROOT, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*IGNORED))
        names = []
    else:
        names = [os.fsdecode(name) for name in listed.stdout.split(b"\0") if name]
    for name in names:
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    venv = dest / ".venv"
    venv.mkdir()
    for entry in VENV.iterdir():
        if not entry.name.startswith("."):  # the install stamps stay the copy's own
            (venv / entry.name).symlink_to(entry)
    for stamp in (".base-installed", ".dev-installed"):
        (venv / stamp).touch()
    # Never let make reinstall into the shared venv: the copy's stamps must be newer than its lock files.
    subprocess.run(["make", "--question", ".venv/.base-installed"], cwd=dest, check=True)


class Server:
    """A `make run` process group and everything it printed, line by line."""

    def __init__(self, cwd: Path, port: int):
        self.cwd, self.port = cwd, port
        self.base = f"http://127.0.0.1:{port}"
        self.lines: list[str] = []
        env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR") if k in os.environ}
        # PORT as the README gives it; unbuffered output keeps the log in the order a terminal shows it.
        env.update({"PORT": str(port), "PYTHONUNBUFFERED": "1"})
        self.process = subprocess.Popen(
            ["make", "run"],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    def wait_until(self, found, what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if found():
                return
            if self.process.poll() is not None:
                time.sleep(0.2)  # the reader drains what is left
                pytest.fail(f"make run stopped (exit {self.process.returncode}) before {what}:\n{self.log}")
            time.sleep(0.1)
        pytest.fail(f"no {what} within {timeout} s:\n{self.log[-5000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self._reader.join(timeout=5)


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    if not (VENV / "bin" / "python").exists() or shutil.which("make") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI runs make run on a fresh copy: it needs make and the .venv of make test")
        pytest.skip("needs make and .venv (make test builds it)")
    clone = tmp_path_factory.mktemp("fresh-clone")
    _fresh_copy(clone)
    port = 9123 if _port_is_free(9123) else _free_port()
    server = Server(clone, port)
    try:
        server.wait_until(lambda: not _port_is_free(port), f"server listening on {port}", timeout=120)
        yield server
    finally:
        server.stop()


def _opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))


def _get(opener, url: str):
    with opener.open(url, timeout=30) as answer:
        return answer.status, answer.geturl(), answer.read().decode()


def test_the_confirmation_link_in_the_log_confirms_the_account_on_the_port_served(make_run):
    opener = _opener()
    _status, _url, page = _get(opener, make_run.base + reverse("frontend:signup"))
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    email = f"warga-{uuid.uuid4().hex[:8]}@contoh.id"
    form = {
        "csrfmiddlewaretoken": csrf,
        "name": "Warga Baru",
        "email": email,
        "password1": "sandi-warga-baru-2026",
        "password2": "sandi-warga-baru-2026",
    }
    with opener.open(
        make_run.base + reverse("frontend:signup"), data=urllib.parse.urlencode(form).encode(), timeout=30
    ) as answer:
        assert answer.geturl().endswith(reverse("frontend:signup_done"))

    prefix = reverse("frontend:confirm_email", kwargs={"token": "T"}).removesuffix("T/")
    link_shape = re.compile(r"https?://[^\s/]+" + re.escape(prefix) + r"\S+")

    def link_in_the_mail():
        mail = make_run.log.partition(f"To: {email}")[2]
        found = link_shape.search(mail)
        return found.group(0) if found else None

    make_run.wait_until(link_in_the_mail, "confirmation link in the log")
    link = link_in_the_mail()
    assert urllib.parse.urlsplit(link).netloc == f"127.0.0.1:{make_run.port}", link

    status, landed, page = _get(opener, link)
    assert status == 200
    assert urllib.parse.urlsplit(landed).port == make_run.port
    assert "Alamat e-mail Anda sudah dikonfirmasi" in page
    with sqlite3.connect(make_run.cwd / "db.sqlite3") as db:
        (confirmed_at,) = db.execute(
            "SELECT email_confirmed_at FROM accounts_user WHERE email = ?", (email,)
        ).fetchone()
    assert confirmed_at is not None


def test_the_demo_users_and_their_password_are_the_last_thing_before_the_server_starts(make_run):
    lines = make_run.lines
    password_line = next(i for i, line in enumerate(lines) if line.startswith("Password for"))
    users_line = next(i for i, line in enumerate(lines) if line.startswith("Demo users"))
    serving_line = next(i for i, line in enumerate(lines) if line.startswith("Serving http://"))
    demo_data = [
        i
        for i, line in enumerate(lines[:serving_line])
        if "demo information requests" in line or line.startswith("Subject:")
    ]
    assert demo_data, make_run.log
    assert max(demo_data) < users_line < password_line < serving_line
    # Nothing but the list of users between its heading and the password.
    assert all(line.startswith("  ") for line in lines[users_line + 1 : password_line])
    # The seeding does not bury the list under a line per in-process task (one per notification).
    assert not [line for line in lines[:serving_line] if "succeeded in" in line], make_run.log


def test_each_request_is_logged_once_and_a_nik_in_its_address_is_blanked(make_run):
    probe = uuid.uuid4().hex
    _get(_opener(), f"{make_run.base}/?probe={probe}&nik={NIK}")
    # A second request: once its line is read, every line the first one caused has been read too.
    after = uuid.uuid4().hex
    _get(_opener(), f"{make_run.base}/?probe={after}")
    make_run.wait_until(lambda: after in make_run.log, "access log line")
    assert sum(probe in line for line in make_run.lines) == 1, make_run.log[-3000:]
    assert NIK not in make_run.log
