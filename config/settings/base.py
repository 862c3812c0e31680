"""Settings shared by every environment. Each knob reads an environment variable with a safe default."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # daphne first: its runserver serves HTTP and websockets from one process.
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "channels",
    "axes",
    # Shared domain apps
    "audit",
    "agencies",
    "accounts",
    "workcalendar",
    "notifications",
    "casenotes",
    "letters",
    "dip",
    # Case domains
    "ppid",
    "complaints",
    "skm",
    "transparency",
    "standards",
    # Delivery
    "api",
    "frontend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.locale.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns lockouts into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "frontend.context_processors.navigation",
            ],
        },
    },
]

# --- Data stores -------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "")

if REDIS_URL:
    # Fails open (config/cache.py): with Redis down, throttles and rate limits let calls through with a warning.
    CACHES = {
        "default": {
            "BACKEND": "config.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": env_int("CACHE_SOCKET_TIMEOUT", 2)},
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # redis-py 8 reads with a 5 s socket timeout by default, and channels_redis waits for
                # messages with a 5 s BZPOPMIN: on a busy server the read timed out just before Redis
                # answered "nothing yet", and the consumer died (1011). The read must outlast the wait.
                "hosts": [{"address": REDIS_URL, "socket_timeout": env_int("CHANNELS_SOCKET_TIMEOUT", 30)}],
                "prefix": env("CHANNELS_PREFIX", "ppid"),
                # channels_redis silently drops group messages once a receiver's queue passes this (default 100).
                "capacity": env_int("CHANNELS_CAPACITY", 1000),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# --- Background work -----------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
# Without a broker, tasks run in the calling process so that `make run` needs no other service.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TIMEZONE = "Asia/Jakarta"

# --- Authentication ------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.UsernameOrEmailBackend",
]
LOGIN_URL = "frontend:login"
LOGIN_REDIRECT_URL = "frontend:home"
LOGOUT_REDIRECT_URL = "frontend:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Brute-force protection: lock a username+IP pair after AXES_FAILURE_LIMIT failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Every spelling of an account ("Ana@X.id", " ana@x.id ") is one username for the lock-out; the address is the
# one accounts.ratelimit.client_ip trusts (never the client's own X-Forwarded-For claim).
AXES_USERNAME_CALLABLE = "accounts.backends.axes_username"
AXES_CLIENT_IP_CALLABLE = "accounts.ratelimit.client_ip"
# How many reverse proxies in front of the web server append to X-Forwarded-For. 0: the address is REMOTE_ADDR
# and X-Forwarded-For is ignored. Set it to the number of proxies you run, never more: the client writes the
# rest of the header. Used by the login lock-out, the API throttles and the page rate limits alike.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# The header is read only from peers in these networks (where the proxies connect from): a client that reaches
# the server directly, around the proxy, cannot choose its address either.
TRUSTED_PROXY_NETWORKS = env_list(
    "TRUSTED_PROXY_NETWORKS",
    ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
)
# How long an e-mail confirmation link stays valid.
EMAIL_CONFIRMATION_MAX_AGE_HOURS = env_int("EMAIL_CONFIRMATION_MAX_AGE_HOURS", 72)

# NIK encryption keys: comma-separated Fernet keys, newest first (MultiFernet rotation).
# Never SECRET_KEY, never stored in the database. See accounts/crypto.py.
NIK_ENCRYPTION_KEYS = env_list("NIK_ENCRYPTION_KEYS", [])
NIK_ENCRYPTION_KEY_FILE = env("NIK_ENCRYPTION_KEY_FILE", "")

# --- Internationalisation --------------------------------------------------------------------------
# Indonesian is the source language of every user-facing string; English comes from locale/en.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our date and time formats per language (config/formats/<lang>/formats.py), ahead of Django's.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

# --- Static and uploaded files ---------------------------------------------------------------------
STATIC_URL = "/static/"
FORMS_URLFIELD_ASSUME_HTTPS = True
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Uploaded case files are private: they live outside any public path and are served by views that check
# permissions and record access.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
MEDIA_ROOT = PRIVATE_MEDIA_ROOT
MEDIA_URL = "/_private-media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- E-mail ------------------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "PPID <ppid@localhost>")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

# --- Security ------------------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- REST framework --------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an unauthenticated API call then answers 401 with WWW-Authenticate, not 403.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    # DRF's JSON and multipart parsers, with errors in the caller's language (and deep nesting a 400).
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "api.parsers.MultiPartParser",
    ],
    # DRF's own classes, keyed on accounts.ratelimit.client_ip and failing open when the cache is down.
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.AnonRateThrottle",
        "api.throttling.UserRateThrottle",
        "api.throttling.ScopedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", "120/min"),
        "user": env("API_THROTTLE_USER", "600/min"),
        "filing": env("API_THROTTLE_FILING", "20/hour"),
        # Officers registering offline intake (post, walk-in, phone): a morning's post is more than 20.
        "intake": env("API_THROTTLE_INTAKE", "300/hour"),
        "login": env("API_THROTTLE_LOGIN", "10/min"),
        "letter_verify": env("API_THROTTLE_LETTER_VERIFY", "60/hour"),  # PDFs compared with a letter
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PPID API",
    "DESCRIPTION": "Public information requests, objections, disputes and service complaints (UU 14/2008).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_error_responses",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    # The register (issue 18): its category codes share the field name `category` with complaints', its grounds are
    # the refusals' `exemption_grounds`.
    "ENUM_NAME_OVERRIDES": {
        "CategoryEnum": "complaints.models.ComplaintCategory",
        "DipCategoryEnum": "dip.models.Category",
        "ExemptionGroundsEnum": "dip.models.ExemptionGround",
    },
}

# --- Logging: personal data never goes to logs; see accounts/logging.py ------------------------------------
LOG_LEVEL = env("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact_personal_data": {"()": "accounts.logging.RedactPersonalDataFilter"},
        "redact_secrets": {"()": "config.logfilters.RedactSecretsFilter"},  # websocket tokens and tickets
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_personal_data", "redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "axes": {"level": "WARNING"},
        # Django's own console handlers (django under DEBUG, django.server) would print each request line a
        # second time, past the redaction filter: listed here without handlers, they log through the root.
        "django": {"handlers": []},
        "django.server": {"handlers": [], "propagate": True},
        "weasyprint": {"level": "WARNING"},  # one "Fetching and parsing CSS" line per stylesheet
    },
}

# --- Uploads -------------------------------------------------------------------------------------------------
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 10) * 1024 * 1024
# One complaint: at most this many attachments and this many bytes together (each file also UPLOAD_MAX_MB).
COMPLAINT_MAX_ATTACHMENTS = env_int("COMPLAINT_MAX_ATTACHMENTS", 10)
COMPLAINT_UPLOAD_TOTAL_BYTES = env_int("COMPLAINT_UPLOAD_TOTAL_MB", 30) * 1024 * 1024
# The longest free text a public form takes (a complaint's description, a reply, a request's details).
LONG_TEXT_MAX_CHARS = env_int("LONG_TEXT_MAX_CHARS", 20000)

# --- Issued letters (issue 17): the electronic signature (letters/signing.py) ------------------------------------
# The signer (a dotted path; a certified provider such as BSrE's TTE plugs in here). The default signs with the
# PKCS#12 file of the issuing unit found in LETTER_SIGNING_PKCS12_DIR (<agency-slug>__<unit-code>.p12, else
# default.p12); with no directory or no file, letters are issued unsigned and say so.
LETTER_SIGNER = env("LETTER_SIGNER", "letters.signing.Pkcs12Signer")
LETTER_SIGNING_PKCS12_DIR = env("LETTER_SIGNING_PKCS12_DIR", "")
# The PKCS#12 passphrase: from the environment, or the first line of a secret file (never the database).
LETTER_SIGNING_PASSPHRASE = env("LETTER_SIGNING_PASSPHRASE", "")
LETTER_SIGNING_PASSPHRASE_FILE = env("LETTER_SIGNING_PASSPHRASE_FILE", "")
# The certificate is a self-signed demo one (`manage.py make_demo_signing_cert`): the verification page says so.
LETTER_SIGNING_DEMO = env_bool("LETTER_SIGNING_DEMO", False)
# The largest PDF the verification page and API compare with an issued letter (letters are a few hundred KB).
LETTER_VERIFY_MAX_BYTES = env_int("LETTER_VERIFY_MAX_MB", 10) * 1024 * 1024

# --- Rate limits of the public forms (accounts/ratelimit.py), "count/period", each RATE_LIMIT_<SCOPE> -----------
# Counted per client address and, where it says so, per account, e-mail or tracking number as well.
RATE_LIMITS = {
    scope: env(f"RATE_LIMIT_{scope.upper()}", default)
    for scope, default in {
        "complaint_file": "5/10min",  # complaints filed from one address (or one account)
        "request_file": "20/hour",  # requests filed on the page from one address or account
        "complaint_track": "20/10min",  # tracking and replies by code from one address
        "complaint_track_number": "10/hour",  # wrong codes tried on one tracking number, from anywhere
        "signup": "10/hour",  # sign-ups from one address
        "signup_email": "3/hour",  # sign-ups for one e-mail address
        "password_reset": "10/hour",  # reset e-mails asked from one address
        "password_reset_email": "3/hour",  # reset e-mails asked for one address
        "confirmation_mail": "5/hour",  # confirmation links sent again to one account (or from one address)
        "letter_verify": "30/10min",  # PDFs compared on the letter verification page from one address
        "dip_suggest": "120/10min",  # DIP suggestions fetched while typing a request, from one address
    }.items()
}
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Periodic work ---------------------------------------------------------------------------------------------
# Production: Celery beat (docker `scheduler`). `make run`: the embedded scheduler (settings/local.py).
# Each case app's deadline job (its reminders, then its time-driven transitions), by task name: beat runs each
# as its own task, the embedded scheduler (notifications.embedded) calls them in turn.
DEADLINE_JOBS = [
    "ppid.tasks.run_deadline_jobs",
    "complaints.tasks.run_deadline_jobs",
    "dip.tasks.run_deadline_jobs",
]
CELERY_BEAT_SCHEDULE = {
    **{
        f"deadline-jobs-{name.partition('.')[0]}": {
            "task": name,
            "schedule": env_int("DEADLINE_JOB_SECONDS", 900),
        }
        for name in DEADLINE_JOBS
    },
    "daily-digests": {"task": "notifications.tasks.send_daily_digests", "schedule": 24 * 3600},
    # Uploads a crash mid-filing left without a row (older than ORPHAN_FILE_GRACE_HOURS).
    "orphan-files-sweep": {"task": "ppid.tasks.sweep_orphan_files", "schedule": 24 * 3600},
    # Mail (and later webhooks) whose after-commit nudge failed or whose send is due for a retry.
    "outbox-drain": {
        "task": "notifications.tasks.drain_outbox",
        "schedule": env_int("OUTBOX_DRAIN_SECONDS", 60),
    },
    # The public statistics read a summary; older than TRANSPARENCY_SUMMARY_MAX_AGE_SECONDS, they count live.
    "transparency-summary": {
        "task": "transparency.tasks.refresh_transparency_summaries",
        "schedule": env_int("TRANSPARENCY_REFRESH_SECONDS", 3600),
    },
}
EMBEDDED_SCHEDULER_SECONDS = 0
ORPHAN_FILE_GRACE_HOURS = env_int("ORPHAN_FILE_GRACE_HOURS", 24)
# The outbox (notifications/outbox.py): retry after 30 s, doubling up to an hour, at most 20 attempts.
OUTBOX_RETRY_BASE_SECONDS = env_int("OUTBOX_RETRY_BASE_SECONDS", 30)
OUTBOX_RETRY_MAX_SECONDS = env_int("OUTBOX_RETRY_MAX_SECONDS", 3600)
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 20)
# Pages open the notifications websocket (live counts and queues). Off only where no ASGI server answers it.
LIVE_UPDATES = env_bool("LIVE_UPDATES", True)

# The register (issue 18): how many days before an exemption period ends the PPID Utama is told to review the DIK
# entry (UU 14/2008 Pasal 20), on the staff home and by a reminder.
DIK_REVIEW_LEAD_DAYS = env_int("DIK_REVIEW_LEAD_DAYS", 60)
