"""`make run`: a self-signed demo signing certificate, so a newcomer sees signed letters. It writes
`default.p12` (used by every unit), its passphrase file and the demo root certificate into the demo signing
directory (var/signing/, set by config/settings/local.py), once. The certificate is NOT certified: the
verification page says so (LETTER_SIGNING_DEMO). It refuses to run where the deployment configured its own
certificates."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from letters.certs import make_test_authority
from letters.signing import DEFAULT_FILE

COMMON_NAME = "PPID demo (sertifikat demo, tidak tersertifikasi)"


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


class Command(BaseCommand):
    help = "Write a self-signed demo signing certificate for `make run` (never for a real deployment)."

    def handle(self, *args, **options):
        if not getattr(settings, "LETTER_SIGNING_DEMO", False):
            raise CommandError(
                "LETTER_SIGNING_DEMO is off: this deployment provides its own certificates "
                "(LETTER_SIGNING_PKCS12_DIR); the demo certificate is for `make run` only."
            )
        directory = Path(settings.LETTER_SIGNING_PKCS12_DIR)
        target = directory / DEFAULT_FILE
        if target.exists():
            self.stdout.write(f"Demo signing certificate already in {directory}.")
            return
        secret_file = getattr(settings, "LETTER_SIGNING_PASSPHRASE_FILE", "")
        if not secret_file:
            raise CommandError("Set LETTER_SIGNING_PASSPHRASE_FILE for the demo certificate's passphrase.")
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        passphrase = secrets.token_urlsafe(24)
        authority = make_test_authority(
            common_name=COMMON_NAME,
            organization="PPID demo (tidak tersertifikasi)",
            passphrase=passphrase.encode(),
        )
        _write_private(Path(secret_file), (passphrase + "\n").encode())
        _write_private(target, authority.pkcs12)
        (directory / "demo-root-ca.pem").write_bytes(authority.root_pem)
        self.stdout.write(f"Demo signing certificate written to {target} (self-signed, not certified).")
