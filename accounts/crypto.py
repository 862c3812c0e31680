"""Encryption of identity numbers at rest.

The keys come from NIK_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first) or from the file named
by NIK_ENCRYPTION_KEY_FILE (one key per line). They are never SECRET_KEY and never in the database, so a
database dump alone reveals no NIK. Several keys allow rotation: encrypt with the first, decrypt with any.
"""

import functools
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@functools.cache
def _fernet() -> MultiFernet:
    keys = list(settings.NIK_ENCRYPTION_KEYS)
    key_file = settings.NIK_ENCRYPTION_KEY_FILE
    if not keys and key_file:
        path = Path(key_file)
        if not path.exists() and getattr(settings, "NIK_ENCRYPTION_KEY_CREATE", False):
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(Fernet.generate_key().decode() + "\n")
        if not path.exists():
            raise ImproperlyConfigured(f"NIK_ENCRYPTION_KEY_FILE {key_file} does not exist.")
        keys = [line.strip() for line in path.read_text().splitlines() if line.strip()]
    if not keys:
        raise ImproperlyConfigured(
            "No NIK encryption key: set NIK_ENCRYPTION_KEYS or NIK_ENCRYPTION_KEY_FILE."
        )
    if settings.SECRET_KEY in keys:
        raise ImproperlyConfigured("The NIK encryption key must not be SECRET_KEY.")
    try:
        return MultiFernet([Fernet(k.encode()) for k in keys])
    except ValueError as exc:
        raise ImproperlyConfigured("A NIK encryption key is not a valid Fernet key.") from exc


def reset_key_cache() -> None:
    _fernet.cache_clear()


def encrypt(plaintext: str) -> str:
    if not plaintext:
        return ""
    return _fernet().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "The stored identity number cannot be decrypted with the configured keys."
        ) from exc
