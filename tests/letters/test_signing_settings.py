"""Where the signing certificate comes from in each environment: production needs none of the signing settings
(letters are then issued unsigned), each one reads the environment, and `make run` signs with a self-signed
demo certificate that `manage.py make_demo_signing_cert` writes into var/signing/ once."""

import io
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from letters.kinds import LetterKind
from letters.services import letter_of, letter_pdf
from tests.fixtures.signing import SigningAuthority

ROOT = Path(__file__).resolve().parents[2]
PRINT = (
    "from django.conf import settings as s; import django; django.setup(); "
    "print(s.LETTER_SIGNER, repr(s.LETTER_SIGNING_PKCS12_DIR), repr(s.LETTER_SIGNING_PASSPHRASE_FILE), "
    "s.LETTER_SIGNING_DEMO, s.LETTER_VERIFY_MAX_BYTES)"
)


def _settings_of(module: str, **env) -> str:
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": module}
    out = subprocess.run(
        [sys.executable, "-c", PRINT], env={**base, **env}, cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip()


def test_production_starts_with_no_signing_settings_and_issues_unsigned():
    printed = _settings_of(
        "config.settings.production",
        SECRET_KEY="x" * 50,
        NIK_ENCRYPTION_KEYS="dGVzdC1rZXktZm9yLXNldHRpbmdzLW9ubHktMDAwMDA=",
        DATABASE_URL="postgres://u@127.0.0.1:5432/none",
        REDIS_URL="redis://127.0.0.1:6379/15",
    )
    assert printed == f"letters.signing.Pkcs12Signer '' '' False {10 * 1024 * 1024}"


def test_the_signing_settings_come_from_the_environment():
    printed = _settings_of(
        "config.settings.base",
        LETTER_SIGNING_PKCS12_DIR="/run/secrets/ttd",
        LETTER_SIGNING_PASSPHRASE_FILE="/run/secrets/ttd-pass",
        LETTER_VERIFY_MAX_MB="2",
    )
    assert (
        printed
        == f"letters.signing.Pkcs12Signer '/run/secrets/ttd' '/run/secrets/ttd-pass' False {2 * 1024 * 1024}"
    )


def test_make_run_points_at_the_demo_certificate_unless_one_is_configured():
    demo = _settings_of("config.settings.local")
    assert demo.startswith(f"letters.signing.Pkcs12Signer '{ROOT / 'var' / 'signing'}'") and " True " in demo
    own = _settings_of("config.settings.local", LETTER_SIGNING_PKCS12_DIR="/etc/ppid/ttd")
    assert own.startswith("letters.signing.Pkcs12Signer '/etc/ppid/ttd' '' False")


@pytest.fixture
def demo_dir(settings, tmp_path):
    from letters.signing import clear_cache

    directory = tmp_path / "signing"
    settings.LETTER_SIGNING_PKCS12_DIR = str(directory)
    settings.LETTER_SIGNING_PASSPHRASE_FILE = str(directory / "passphrase")
    settings.LETTER_SIGNING_PASSPHRASE = ""
    settings.LETTER_SIGNING_DEMO = True
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path / "private"
    clear_cache()
    yield directory
    clear_cache()


@pytest.mark.django_db
def test_the_demo_certificate_signs_letters_and_the_page_calls_it_a_demo(
    demo_dir, client, world, file_request
):
    call_command("make_demo_signing_cert", stdout=io.StringIO())
    p12 = demo_dir / "default.p12"
    assert stat.S_IMODE(p12.stat().st_mode) == 0o600
    assert stat.S_IMODE((demo_dir / "passphrase").stat().st_mode) == 0o600

    letter = letter_of(file_request(), LetterKind.RECEIPT)
    pdf = letter_pdf(letter)
    letter.refresh_from_db()
    assert letter.signed and "tidak tersertifikasi" in letter.signer_name
    demo_ca = SigningAuthority(directory=demo_dir, root_pem=(demo_dir / "demo-root-ca.pem").read_bytes())
    assert demo_ca.validate(pdf).bottom_line
    html = client.get(f"/verifikasi/{letter.code}/").content.decode()
    assert "sertifikat demo" in html and "bukan sertifikat elektronik tersertifikasi" in html

    # Run again (every `make run`): the certificate stays, so letters signed earlier keep their signer.
    before = p12.read_bytes()
    call_command("make_demo_signing_cert", stdout=io.StringIO())
    assert p12.read_bytes() == before


def test_the_demo_command_refuses_where_the_deployment_provides_certificates(settings, tmp_path):
    settings.LETTER_SIGNING_DEMO = False
    settings.LETTER_SIGNING_PKCS12_DIR = str(tmp_path)
    with pytest.raises(CommandError, match="LETTER_SIGNING_DEMO is off"):
        call_command("make_demo_signing_cert")
    assert list(tmp_path.iterdir()) == []
