"""Production: configured by environment variables only; refuses to start with unsafe values."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, NIK_ENCRYPTION_KEY_FILE, NIK_ENCRYPTION_KEYS, REDIS_URL, SECRET_KEY
from .env import env_bool, env_int

DEBUG = False

if SECRET_KEY.startswith("insecure-") or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value in production.")
if not NIK_ENCRYPTION_KEYS and not NIK_ENCRYPTION_KEY_FILE:
    raise ImproperlyConfigured("Set NIK_ENCRYPTION_KEYS or NIK_ENCRYPTION_KEY_FILE in production.")
if SECRET_KEY in NIK_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("The NIK encryption key must not be SECRET_KEY.")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("Production runs on PostgreSQL: set DATABASE_URL=postgres://...")
if not REDIS_URL:
    raise ImproperlyConfigured("Production needs REDIS_URL for the channel layer, cache and Celery.")

SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)  # usually done by the reverse proxy
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
