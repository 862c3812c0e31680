"""`make run`: SQLite, in-memory channel layer, tasks in-process, mail to the console. No other service."""

from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, LETTER_SIGNING_PKCS12_DIR, NIK_ENCRYPTION_KEY_FILE, NIK_ENCRYPTION_KEYS
from .env import env_bool, env_int

DEBUG = env_bool("DEBUG", True)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# A developer machine gets its own NIK key in a git-ignored file, created on first use, so that
# `make run` needs no set-up and the key still never sits in the database or beside SECRET_KEY.
if not NIK_ENCRYPTION_KEYS and not NIK_ENCRYPTION_KEY_FILE:
    NIK_ENCRYPTION_KEY_FILE = str(Path(BASE_DIR) / "var" / "keys" / "nik.key")
    NIK_ENCRYPTION_KEY_CREATE = True

# Background work in-process: the deadline job every minute in the runserver process.
EMBEDDED_SCHEDULER_SECONDS = env_int("EMBEDDED_SCHEDULER_SECONDS", 60)

# Tasks run in-process here, so Celery's "Task ... succeeded" line would follow every notification (the outbox
# nudge) and bury the log; failures are still logged at ERROR.
LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}  # noqa: F405

# Signed letters out of the box: `make run` writes a self-signed demo certificate into var/signing/
# (`manage.py make_demo_signing_cert`), unless a certificate directory is configured. The verification page
# says it is a demo certificate, not a certified one.
if not LETTER_SIGNING_PKCS12_DIR:
    LETTER_SIGNING_PKCS12_DIR = str(Path(BASE_DIR) / "var" / "signing")
    LETTER_SIGNING_PASSPHRASE_FILE = str(Path(BASE_DIR) / "var" / "signing" / "passphrase")
    LETTER_SIGNING_DEMO = True
