"""Screenshots of each letter kind (issue 17): `docs/screenshots/letter-<kind>.png`, the first page of the PDF as
issued, from realistic demo data (tests/letter_cases.py) in a throwaway SQLite database.

    .venv/bin/python docs/screenshots/make_letters.py

Needs `pdftoppm` (Debian's poppler-utils, not a dependency of the project) to turn the PDF into PNG."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KINDS = {  # the file's kind: the case in tests/letter_cases.py
    "receipt": "receipt",
    "extension": "extension",
    "notice": "notice-granted",
    "notice-rejected": "notice-rejected",
    "objection-receipt": "objection-receipt",
    "objection-decision": "objection-decision",
}


def main() -> None:
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm is missing: apt-get install -y poppler-utils")
    work = Path(tempfile.mkdtemp(prefix="letters-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'letters.sqlite3'}"
    os.environ["PRIVATE_MEDIA_ROOT"] = str(work / "private")
    os.environ["SITE_URL"] = "https://ppid.bandung.go.id"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from letters.services import letter_of, letter_pdf
    from tests.fixtures.requests import file_request_for
    from tests.fixtures.world import World
    from tests.letter_cases import CASES, dress_agency

    world = World()
    dress_agency(world)
    file_request = file_request_for(world)
    try:
        for name, case_name in KINDS.items():
            build, kind = CASES[case_name]
            pdf = letter_pdf(letter_of(build(world, file_request), kind))
            source = work / f"{name}.pdf"
            source.write_bytes(pdf)
            target = HERE / f"letter-{name}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", source, target],
                check=True,
            )
            print(f"{target}.png")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
