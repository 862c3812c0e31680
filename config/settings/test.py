"""`make test`: SQLite by default; PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set (CI)."""

from cryptography.fernet import Fernet

from .base import *  # noqa: F403
from .env import env_list

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A key per test run (tests never depend on a fixed key), unless given: server processes that a test starts
# share their parent's key.
NIK_ENCRYPTION_KEYS = env_list("NIK_ENCRYPTION_KEYS") or [Fernet.generate_key().decode()]
NIK_ENCRYPTION_KEY_FILE = ""
CELERY_TASK_ALWAYS_EAGER = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
AXES_FAILURE_LIMIT = 5
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Servers started by tests (daphne) serve the apps' static files without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
