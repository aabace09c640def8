"""Settings for Week 3: every knob is an environment variable with a safe default (.env.example)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from week3.cache_config import caches_from_url, is_shared
from week3.log_format import logging_config, start_error_reports

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    SECRET_KEY = "insecure-local-development-key-never-use-in-production-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Absolute address of the site, for links in e-mails, feeds and sharing previews.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Bottom to top: each app builds on the ones above it here (see docs/decisions.md).
    "outbox",
    "providers",
    "agenda",
    "portal",
    "campaign",
    "impact",
    "axes",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id (week3.log_format).
    "week3.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Says once in the log when X-Forwarded-For does not match TRUST_X_FORWARDED_FOR.
    "week3.middleware.ForwardedForWarningMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A NUL in a query string or form post gets a 400 page (in the visitor's language).
    "week3.middleware.NullCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff pass a second factor before any admin page (STAFF_REQUIRE_2FA).
    "week3.staff_auth.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # An admin action posted for keys that cannot be gets a 400 page.
    "week3.middleware.AdminActionKeysMiddleware",
    # Answers a paused login (week3.login_throttle) and remembers the owner's browser.
    "week3.middleware.LoginThrottleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "week3.urls"
WSGI_APPLICATION = "week3.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "week3.context_processors.site",
            ],
        },
    },
]

# PostgreSQL is the one database of record (full-text search, row locks, generated columns).
# bin/serve and bin/test start a throwaway cluster and set DATABASE_URL themselves.
DATABASES = {
    "default": dj_database_url.config(
        default="postgres:///week3",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Iterating a queryset in chunks would open a server-side cursor: three round trips instead of
# one for each small list of choices, and impossible behind a pooler in transaction mode.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "providers.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Caches and sessions live outside the app server, so several can run side by side.
# The cache holds the public pages, feed bodies and rate-limit counters. Redis (REDIS_URL, or a
# redis:// CACHE_URL) is shared by every process and app server: each page version is rendered
# once for all of them, and limits count across them. Without it, each process has its own.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHE_URL = REDIS_URL or os.environ.get("CACHE_URL", "locmem://")
CACHES = caches_from_url(
    CACHE_URL,
    key_prefix=os.environ.get("CACHE_KEY_PREFIX", "week3"),
    max_entries=env_int("CACHE_MAX_ENTRIES", 2000),
    fragments=env_int("FRAGMENT_CACHE_MAX_ENTRIES", 20000),
)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Where rate limits count (agenda.ratelimit): a shared cache, or else the database, never one
# process's memory (each gunicorn worker would count on its own).
_SHARED = is_shared(CACHES["default"])
RATE_LIMIT_STORE = os.environ.get("RATE_LIMIT_STORE") or ("cache" if _SHARED else "database")
# With a shared cache, each process also keeps the page and feed bodies it serves most, up to
# this many bytes, each at most this many seconds (agenda.near_cache); 0 turns that off.
NEAR_CACHE_BYTES = env_int("NEAR_CACHE_BYTES", 32 * 1024 * 1024) if _SHARED else 0
NEAR_CACHE_SECONDS = env_int("NEAR_CACHE_SECONDS", 60)
SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "django.contrib.sessions.backends.db")
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)

# Logins: the provider portal's pages; django-axes locks an account and address out after
# repeated failures (portal and admin alike).
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "portal:login"
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24 * 3)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Refuses an account paused after wrong passwords from many addresses (week3.login_throttle).
    "week3.login_throttle.AccountPauseBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_VERBOSE = False
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Login forms post the e-mail address as "username" (Django's AuthenticationForm).
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "week3.login_throttle.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/locked_out.html"
# Wrong passwords for one account from all addresses together, as "<count>/<s|m|h|d>": past it,
# logging in to the account pauses for the rest of that period, except from a browser or
# address its owner used before (week3.login_throttle). "off" disables it.
LOGIN_ACCOUNT_RATE_LIMIT = os.environ.get("LOGIN_ACCOUNT_RATE_LIMIT", "10/h").strip() or "10/h"
# The client address as the rate limits see it (TRUST_X_FORWARDED_FOR, TRUSTED_PROXY_COUNT):
# without this, axes (django-ipware is not installed) would take REMOTE_ADDR, and behind a proxy
# every provider would share the proxy's address. The callable wins over AXES_IPWARE_*.
AXES_CLIENT_IP_CALLABLE = "agenda.ratelimit.client_ip"

# Staff: a TOTP code from an authenticator app after the password before any /beheer/ page
# (week3.staff_auth). On by default in production, off with DEBUG for local development.
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = "Week 3 Venlo"
# The admin of the TOTP devices shows no secrets.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English")), ("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {
        "BACKEND": os.environ.get(
            "MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
        ),
    },
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATIC_STORAGE_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}
# Serve uploaded media from the app itself (fine for a demo or a small install; a
# city running several app servers points MEDIA_STORAGE_BACKEND at shared storage).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# Uploads (providers.images): a photo or logo may have at most IMAGE_MAX_BYTES and
# IMAGE_MAX_PIXELS (25 MP fits a poster photo; both checked before the pixels are decoded).
IMAGE_MAX_BYTES = env_int("IMAGE_MAX_BYTES", 10 * 1024 * 1024)
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 25_000_000)
# A request body larger than this is refused before it is read (week3.uploads); a file in it
# larger than IMAGE_MAX_BYTES is not kept, and the form says it is too large.
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", 3 * IMAGE_MAX_BYTES)
# Form fields other than files, in bytes and in number (more: the "too large" page).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 1000)
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("DATA_UPLOAD_MAX_NUMBER_FILES", 5)
# An uploaded file larger than this waits in a temporary file instead of in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "week3.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Photos and logos one provider may upload, as "<count>/<s|m|h|d>" (agenda.ratelimit); "off"
# for no limit.
UPLOAD_RATE_LIMIT = os.environ.get("UPLOAD_RATE_LIMIT", "30/h").strip() or "30/h"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds to wait for the mail server: a hanging server must not hold the outbox worker (and
# the row it locks) for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Week 3 Venlo <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Week 3", address) for address in env_list("ADMINS")]

# Security: strict by default; DEBUG relaxes what a laptop without TLS needs.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Preloading HSTS binds the whole parent domain (the city's), so it is a deliberate opt-in.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: pages load nothing from any other host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

AGENDA_PAGE_SIZE = env_int("AGENDA_PAGE_SIZE", 20)
# Seconds a process may reuse the public pages' content fingerprint (see agenda/caching.py).
CONTENT_FINGERPRINT_TTL = float(os.environ.get("CONTENT_FINGERPRINT_TTL", "1"))
# Seconds open data may show free places as they were: its whole answer is built again when they
# change, so during a rush of bookings it is built at most this often.
OPEN_DATA_PLACES_TTL = float(os.environ.get("OPEN_DATA_PLACES_TTL", "30"))

# Reservations (agenda.services.reservations). Attempts per IP address and per e-mail address, as
# "<count>/<s|m|h|d>", counted in the cache (a shared CACHE_URL counts across app servers);
# "off" disables the limit, for a load test.
RESERVATION_RATE_LIMIT = os.environ.get("RESERVATION_RATE_LIMIT", "5/m").strip() or "5/m"
# This many active reservations for one session from one connection show as a burst to its
# provider (portal) and to staff, who can cancel them in one step (agenda.services.bursts).
RESERVATION_BURST_SIZE = env_int("RESERVATION_BURST_SIZE", 3)
# Days after a session ends before names, e-mail addresses and postcodes are removed.
RESERVATION_RETENTION_DAYS = env_int("RESERVATION_RETENTION_DAYS", 30)
# The session row lock that keeps places from being overbooked; only a test turns it off.
RESERVATION_LOCKING = True
# "Mijn Week 3" (agenda.services.my_week3): days an e-mailed link works, and how often one
# connection or one address may ask for a link ("<count>/<s|m|h|d>" or "off").
MY_WEEK3_LINK_DAYS = env_int("MY_WEEK3_LINK_DAYS", 14)
MY_WEEK3_RATE_LIMIT = os.environ.get("MY_WEEK3_RATE_LIMIT", "5/h").strip() or "5/h"
# Tracked links (/r/<code>; agenda.referral, campaign.visits): a first-party cookie, no personal
# data, counts a browser once a day and lets a reservation within REFERRAL_DAYS carry the link.
REFERRAL_COOKIE = "week3_via"
REFERRAL_DAYS = env_int("REFERRAL_DAYS", 7)
# The follow-up question (agenda.services.followups): hours after a session, days its link works,
# answers per connection. Weekly reminders to enter conversions: at most this many (outcomes).
FOLLOWUP_AFTER_HOURS = env_int("FOLLOWUP_AFTER_HOURS", 12)
FOLLOWUP_VALID_DAYS = env_int("FOLLOWUP_VALID_DAYS", 14)
FOLLOWUP_RATE_LIMIT = os.environ.get("FOLLOWUP_RATE_LIMIT", "10/h").strip() or "10/h"
OUTCOME_REMINDER_MAX = env_int("OUTCOME_REMINDER_MAX", 8)
# Sign-up, inviting a colleague and asking for a new password (portal.views.account): attempts
# per client IP address and per e-mail address asked for, as "<count>/<s|m|h|d>" or "off".
ACCOUNT_RATE_LIMIT_IP = os.environ.get("ACCOUNT_RATE_LIMIT_IP", "10/h").strip() or "10/h"
ACCOUNT_RATE_LIMIT_ADDRESS = os.environ.get("ACCOUNT_RATE_LIMIT_ADDRESS", "3/h").strip() or "3/h"
# Retention (purge_personal_data, every night). Days before a sign-up or invitation nobody
# confirmed is deleted (its link stops working then too); after staff rejected an organisation,
# before its accounts are deleted; before django-axes' records of logins (address, IP address,
# browser) are deleted. Expired login sessions go at once.
UNVERIFIED_ACCOUNT_DAYS = env_int("UNVERIFIED_ACCOUNT_DAYS", 7)
PROVIDER_REJECTED_RETENTION_DAYS = env_int("PROVIDER_REJECTED_RETENTION_DAYS", 30)
LOGIN_RECORD_RETENTION_DAYS = env_int("LOGIN_RECORD_RETENTION_DAYS", 30)
# Days bin/backup's backups are kept (docs/operations.md); the privacy page states it.
BACKUP_RETENTION_DAYS = env_int("BACKUP_RETENTION_DAYS", 14)
# Where to report a security problem (/.well-known/security.txt, the colophon): an e-mail
# address or an https:// URL.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "security@example.org").strip()
# Take the client address from X-Forwarded-For: only behind proxies that set it. The client is
# the TRUSTED_PROXY_COUNT-th entry from the right (each proxy appends the address it saw; what
# is further left the client wrote itself). See agenda.ratelimit.client_ip.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
# Send queued e-mail right after the transaction commits; the send_queued_mail worker sends
# whatever that could not (and everything, when this is off).
MAIL_SEND_IMMEDIATELY = env_bool("MAIL_SEND_IMMEDIATELY", DEBUG)
# E-mails written when they go out (outbox.services.mail_enqueue_written_later): the name a
# queued e-mail carries → the function that writes it. Not an environment knob: code.
OUTBOX_WRITERS = {
    "agenda.reservation": "agenda.services.reservation_mail.write_reservation_mail",
    "agenda.my_week3": "agenda.services.my_week3.write_my_week3_mail",
    "providers.password_reset": "providers.services.write_password_reset_mail",
    "providers.verification": "providers.services.write_verification_mail",
}

# The worker (manage.py run_worker, bin/entrypoint worker; outbox.worker): besides the outbox,
# these jobs, each once per period across every worker: name → (dotted path of a function
# without arguments, period in seconds, optional offset in seconds from midnight UTC). Code,
# not an environment knob; the intervals are.
WORKER_JOBS = {
    "reminders": (
        "agenda.services.scheduled.reminders_send",
        env_int("WORKER_REMINDERS_PERIOD", 60 * 60),
    ),
    "purge_personal_data": (
        "agenda.services.retention.personal_data_purge",
        60 * 60 * 24,
        # 02:00 UTC: the night in Venlo.
        env_int("WORKER_PURGE_OFFSET", 60 * 60 * 2),
    ),
    "followups": ("agenda.services.followups.followups_send", 60 * 60),
    "outcome_reminders": ("agenda.services.outcomes.outcome_reminders_send", 86400, 8 * 3600),
    # 03:00 UTC: share images, QR codes and posters of versions made over KIT_FILE_DAYS ago.
    "kit_files": ("campaign.kit.storage.old_files_remove", 86400, 3 * 3600),
}
KIT_FILE_DAYS = env_int("KIT_FILE_DAYS", 30)
# Readiness (/readyz): the worker's heartbeat may be this many seconds old, and the oldest
# unsent e-mail this many seconds, before the site reports "not ready". READINESS_TOKEN lets
# monitoring read the details (?token=… or the X-Readiness-Token header); staff always can.
READINESS_HEARTBEAT_MAX_AGE = env_int("READINESS_HEARTBEAT_MAX_AGE", 120)
READINESS_MAIL_MAX_AGE = env_int("READINESS_MAIL_MAX_AGE", 60 * 60)
READINESS_TOKEN = os.environ.get("READINESS_TOKEN", "").strip()

# Logs: "json" for one JSON object per line (time, level, logger, message, request id), or
# "text"; both without e-mail addresses or the secrets of e-mailed links (week3.log_format).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower() or "text"
LOGGING = logging_config(LOG_FORMAT, os.environ.get("LOG_LEVEL", "INFO"))

# Error reports to Sentry (or a compatible service) when SENTRY_DSN is set and sentry-sdk is
# installed (pip install sentry-sdk; not a dependency): without personal data, scrubbed.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
start_error_reports(SENTRY_DSN, os.environ.get("SENTRY_ENVIRONMENT", "production"))
