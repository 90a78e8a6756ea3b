"""Django settings for FOI Desk.

Everything comes from environment variables with safe defaults for the embedded mode:
SQLite in ./var/, files in ./var/media/, a secret key generated into ./var/ on first run.
Production sets FOIDESK_PRODUCTION=1, DATABASE_URL (PostgreSQL), SECRET_KEY and ALLOWED_HOSTS: docs/deploy.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from foidesk import deployment_secret
from foidesk.web.request_log import logging_config

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = deployment_secret.var_dir()


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = deployment_secret.secret_key()
# The clean PDF copy's text layer is sealed with a key every process of this deployment shares.
deployment_secret.share_pdf_seal_key(SECRET_KEY)
DEBUG = _env_bool("FOIDESK_DEBUG", False)
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # its static files: the API docs' Swagger UI is served from here, not from a CDN
    "csp",
    "foidesk.web.audit",
    "foidesk.web.publication",
    "foidesk.web.cases",
    "foidesk.web.records",
    # Last: its post_migrate handler sets up the roles once every app's permissions exist.
    "foidesk.web.accounts",
]

MIDDLEWARE = [
    # First of all: the request's id and its one log line (web/request_log.py).
    "foidesk.web.request_log.RequestLogMiddleware",
    # Then: NUL bytes or invalid UTF-8 in the address get a 400 before anything else runs.
    "foidesk.web.request_guard.RequestGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "foidesk.web.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The staff boundary (/staff/, /admin/): no caching, idle sign-out, then two-factor.
    "foidesk.web.accounts.middleware.NoStoreMiddleware",
    "foidesk.web.accounts.middleware.IdleSignOutMiddleware",
    "foidesk.web.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Per-address limits on the public form, searches and the API (web/rate_limits.py): 429 before the view.
    "foidesk.web.rate_limits.RateLimitMiddleware",
]

ROOT_URLCONF = "foidesk.web.urls"
WSGI_APPLICATION = "foidesk.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "foidesk.web.context_processors.authority",
            ],
        },
    },
]

DATABASES = {
    # An empty DATABASE_URL (a blank line in an env file) means the embedded default, as if unset.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'foidesk.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept like PostgreSQL's (CONN_MAX_AGE): opening one runs the pragmas below, and a
    # disclosure-log page served from the page cache is otherwise mostly that (docs/benchmarks.md).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "/staff/sign-in/"
LOGIN_REDIRECT_URL = "/staff/"
LOGOUT_REDIRECT_URL = "/staff/sign-in/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("FOIDESK_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files after collectstatic (foidesk serve); plain files where there is none (tests).
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _env_bool("FOIDESK_STATIC_MANIFEST", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

# Production mode is said, never guessed (not from DATABASE_URL: `DATABASE_URL=postgres://... make run`
# serves plain http://127.0.0.1 and must let people sign in). It turns on Secure-only cookies, the
# redirect to HTTPS and HSTS, and refuses DEBUG; each can still be set on its own. docs/deploy.md.
FOIDESK_PRODUCTION = _env_bool("FOIDESK_PRODUCTION", False)
PLACEHOLDER_SECRET_PREFIX = "replace-with"  # noqa: S105 - the docs placeholder, refused below
if FOIDESK_PRODUCTION and DEBUG:
    raise ImproperlyConfigured("FOIDESK_DEBUG cannot be on with FOIDESK_PRODUCTION.")
if FOIDESK_PRODUCTION and SECRET_KEY.startswith(PLACEHOLDER_SECRET_PREFIX):
    raise ImproperlyConfigured("SECRET_KEY is still the placeholder of docs/deploy.md: set a random one.")
# The application servers are reached only through a reverse proxy that sets X-Forwarded-Proto itself
# (overwriting any the client sent): only then is the header believed to say the request was HTTPS.
FOIDESK_TRUSTED_PROXY = _env_bool("FOIDESK_TRUSTED_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if FOIDESK_TRUSTED_PROXY else None

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_SECURE = _env_bool("FOIDESK_SECURE_COOKIES", FOIDESK_PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = _env_bool("FOIDESK_SSL_REDIRECT", FOIDESK_PRODUCTION)
# A year of HSTS in production (the browser then refuses plain HTTP for this host and its subdomains).
SECURE_HSTS_SECONDS = int(
    os.environ.get("FOIDESK_HSTS_SECONDS", str(365 * 24 * 3600 if FOIDESK_PRODUCTION else 0))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("FOIDESK_HSTS_INCLUDE_SUBDOMAINS", FOIDESK_PRODUCTION)
SECURE_HSTS_PRELOAD = _env_bool("FOIDESK_HSTS_PRELOAD", FOIDESK_PRODUCTION)
# Stored files (uploads, published files) are readable by the service's user and group only.
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
# Content-Security-Policy (django-csp) on every response: scripts, styles, fonts and images from this
# site only, no inline script or style, no plugins, no framing, forms post here only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# The authority running this FOI Desk (the demo is the Metropolitan Police Service).
FOIDESK_AUTHORITY_NAME = os.environ.get("FOIDESK_AUTHORITY_NAME", "Metropolitan Police Service")
FOIDESK_AUTHORITY_SHORT_NAME = os.environ.get("FOIDESK_AUTHORITY_SHORT_NAME", "MPS")
FOIDESK_BRAND_COLOUR = os.environ.get("FOIDESK_BRAND_COLOUR", "#0b2d6b")
FOIDESK_FEEDBACK_URL = os.environ.get("FOIDESK_FEEDBACK_URL", "mailto:foi-feedback@example.org")
# Where "Leave this site" and the Escape key take a visitor: a neutral, unrelated page.
FOIDESK_QUICK_EXIT_URL = os.environ.get("FOIDESK_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
# The public address of this site, for absolute links in letters (e.g. https://foi.example.police.uk).
# A letter whose links are not absolute is refused, so the embedded default is the local server's.
FOIDESK_BASE_URL = os.environ.get("FOIDESK_BASE_URL", "http://127.0.0.1:8000")
# Which FOIA cost limit applies (reg 3 SI 2004/3244): "other" (£450, 18 hours: police, councils, NHS) or
# "central_government" (£600, 24 hours: bodies listed in FOIA Sch 1 Part I).
FOIDESK_AUTHORITY_KIND = os.environ.get("FOIDESK_AUTHORITY_KIND", "other")
# Who signs response letters, by role, under the approving decision maker's name.
FOIDESK_SIGNATORY_ROLE = os.environ.get("FOIDESK_SIGNATORY_ROLE", "Information Rights Unit")
# Reference format: 01.FOI.YY.NNNNNN (the MPS format). {yy} two-digit year, {n:06d} sequence.
FOIDESK_REFERENCE_FORMAT = os.environ.get("FOIDESK_REFERENCE_FORMAT", "01.FOI.{yy}.{n:06d}")
# Statistical disclosure control: counts 1..threshold-1 are suppressed (DOMAIN.md section C).
FOIDESK_SDC_THRESHOLD = int(os.environ.get("FOIDESK_SDC_THRESHOLD", "5"))
# Time bounds of disclosure control in the workspace, in seconds: the optimal suppression (it falls
# back to the fast method with its bound reported), the audit of one table, and the joint audit with
# the ledger. What does not finish in time is not releasable (fail closed). Together they stay under
# gunicorn's 120-second request timeout.
FOIDESK_SDC_TIME_LIMIT_SECONDS = float(os.environ.get("FOIDESK_SDC_TIME_LIMIT_SECONDS", "20"))
FOIDESK_SDC_AUDIT_TIME_LIMIT_SECONDS = float(os.environ.get("FOIDESK_SDC_AUDIT_TIME_LIMIT_SECONDS", "30"))


# The release gate's second opinion from a renderer (ADR 0010): documents, spreadsheets and PDFs up to
# FOIDESK_RENDER_MAX_BYTES are rendered (LibreOffice, a Debian package, for office files; PDFium for PDF)
# and text the rendering does not show is blocked. FOIDESK_RENDER_REQUIRED (on in production): without
# LibreOffice every office file is then blocked; otherwise a missing LibreOffice is only a warning.
FOIDESK_RENDER = _env_bool("FOIDESK_RENDER", True)
FOIDESK_RENDER_REQUIRED = _env_bool("FOIDESK_RENDER_REQUIRED", FOIDESK_PRODUCTION)
FOIDESK_RENDER_MAX_BYTES = int(os.environ.get("FOIDESK_RENDER_MAX_BYTES", "1000000"))
FOIDESK_RENDER_TIMEOUT_SECONDS = float(os.environ.get("FOIDESK_RENDER_TIMEOUT_SECONDS", "60"))
FOIDESK_RENDER_COMMAND = os.environ.get("FOIDESK_RENDER_COMMAND", "soffice")


# s.14(2) FOIA: a repeat within this many days of compliance is flagged (the ICO sets no fixed interval).
FOIDESK_REPEAT_INTERVAL_DAYS = int(os.environ.get("FOIDESK_REPEAT_INTERVAL_DAYS", "180"))
# How far back intake looks for repeats, round-robins and requests to aggregate (reg 5: 60 working days).
FOIDESK_RELATED_LOOKBACK_DAYS = int(os.environ.get("FOIDESK_RELATED_LOOKBACK_DAYS", "400"))

# Email to requesters. Production sets EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
# EMAIL_USE_TLS); without it, messages are written to ./var/mail/ (the embedded and demo mode).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 30
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("FOIDESK_FROM_EMAIL", "foi@example.org")
FOIDESK_REPLY_TO_EMAIL = os.environ.get("FOIDESK_REPLY_TO_EMAIL", "")
# Where a requester asks for an internal review, as the letter prints it (s.17(7)(a): the particulars):
# an email address and a postal address (lines separated by ";"). A letter with neither is refused.
FOIDESK_REVIEW_EMAIL = os.environ.get("FOIDESK_REVIEW_EMAIL", FOIDESK_REPLY_TO_EMAIL or DEFAULT_FROM_EMAIL)
FOIDESK_REVIEW_ADDRESS = os.environ.get("FOIDESK_REVIEW_ADDRESS", "")
FOIDESK_REVIEW_CONTACT = os.environ.get(
    "FOIDESK_REVIEW_CONTACT",
    f"the Information Rights Unit, {FOIDESK_AUTHORITY_NAME}"
    if FOIDESK_REVIEW_EMAIL or FOIDESK_REVIEW_ADDRESS
    else "",
)
# Send an acknowledgement with the reference and due date when a request arrives with an email address.
FOIDESK_ACKNOWLEDGE = _env_bool("FOIDESK_ACKNOWLEDGE", True)
# A request awaiting clarification may be closed as lapsed after this many months with no answer
# (the ICO's guidance suggests closing after three months; FOIA itself sets no period).
FOIDESK_CLARIFICATION_LAPSE_MONTHS = int(os.environ.get("FOIDESK_CLARIFICATION_LAPSE_MONTHS", "3"))
# Staff sign-in. Two-factor sign-in (an authenticator app) is required of every staff user unless turned off.
FOIDESK_REQUIRE_2FA = _env_bool("FOIDESK_REQUIRE_2FA", True)
# Failed sign-ins for a username within the window lock it for the lockout period (existing or not).
FOIDESK_SIGN_IN_MAX_FAILURES = int(os.environ.get("FOIDESK_SIGN_IN_MAX_FAILURES", "5"))
FOIDESK_SIGN_IN_WINDOW_MINUTES = int(os.environ.get("FOIDESK_SIGN_IN_WINDOW_MINUTES", "15"))
FOIDESK_SIGN_IN_LOCKOUT_MINUTES = int(os.environ.get("FOIDESK_SIGN_IN_LOCKOUT_MINUTES", "15"))
# Failed sign-ins from one client address (any usernames) within the window pause that address.
FOIDESK_SIGN_IN_MAX_FAILURES_PER_ADDRESS = int(
    os.environ.get("FOIDESK_SIGN_IN_MAX_FAILURES_PER_ADDRESS", "20")
)
# Behind a reverse proxy: the header it sets with the client address (e.g. HTTP_X_FORWARDED_FOR; the last
# address in it is used). Empty: REMOTE_ADDR.
FOIDESK_CLIENT_ADDRESS_HEADER = os.environ.get("FOIDESK_CLIENT_ADDRESS_HEADER", "")
# Staff are signed out after this many minutes without a request.
FOIDESK_IDLE_TIMEOUT_MINUTES = int(os.environ.get("FOIDESK_IDLE_TIMEOUT_MINUTES", "30"))
# django-otp: the name authenticator apps show, and no secrets shown in its admin pages.
OTP_TOTP_ISSUER = os.environ.get("FOIDESK_TOTP_ISSUER", f"FOI Desk ({FOIDESK_AUTHORITY_SHORT_NAME})")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Logs on stderr: one line a request with its id, and no personal data (web/request_log.py).
# FOIDESK_LOG_FORMAT json (one object a line, the default in production) or plain.
FOIDESK_LOG_FORMAT = os.environ.get("FOIDESK_LOG_FORMAT", "json" if FOIDESK_PRODUCTION else "plain")
LOGGING = logging_config(FOIDESK_LOG_FORMAT, os.environ.get("FOIDESK_LOG_LEVEL", "WARNING"))

# Rate limits per client address (web/rate_limits.py; 0 turns one off): requests sent by the public
# form per hour, searches of the disclosure log (page or API) per minute, and API calls per minute.
FOIDESK_RATE_LIMIT_REQUEST_FORM = int(os.environ.get("FOIDESK_RATE_LIMIT_REQUEST_FORM", "10"))
FOIDESK_RATE_LIMIT_SEARCH = int(os.environ.get("FOIDESK_RATE_LIMIT_SEARCH", "60"))
FOIDESK_RATE_LIMIT_API = int(os.environ.get("FOIDESK_RATE_LIMIT_API", "600"))

# A request is split into at most this many parts; the rest is kept as one final part for an officer
# (web/cases/services.py parts_capped). The parts page posts 5 fields a part: Django's field limit follows.
FOIDESK_MAX_PARTS = int(os.environ.get("FOIDESK_MAX_PARTS", "100"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = max(1000, 5 * FOIDESK_MAX_PARTS + 100)

# Intake by email (web/cases/intake.py): uploaded .eml files and the IMAP mailbox.
FOIDESK_MAX_EMAIL_BYTES = int(os.environ.get("FOIDESK_MAX_EMAIL_BYTES", str(25 * 1024 * 1024)))
FOIDESK_MAX_ATTACHMENT_BYTES = int(os.environ.get("FOIDESK_MAX_ATTACHMENT_BYTES", str(20 * 1024 * 1024)))
FOIDESK_MAX_EMAIL_ATTACHMENTS = int(os.environ.get("FOIDESK_MAX_EMAIL_ATTACHMENTS", "20"))
# A message the mail server refused is tried again by `foidesk send-mail` (cron) this many times in all;
# after that it waits for staff ("Try again" on the Sent mail page). web/cases/outbox.py.
FOIDESK_MAIL_MAX_ATTEMPTS = int(os.environ.get("FOIDESK_MAIL_MAX_ATTEMPTS", "10"))
# The mailbox is polled only when a host is set (`foidesk poll-mailbox`, task `mailbox_poll`).
FOIDESK_IMAP_HOST = os.environ.get("FOIDESK_IMAP_HOST", "")
FOIDESK_IMAP_SSL = _env_bool("FOIDESK_IMAP_SSL", True)
FOIDESK_IMAP_PORT = int(os.environ.get("FOIDESK_IMAP_PORT", "993" if FOIDESK_IMAP_SSL else "143"))
FOIDESK_IMAP_USER = os.environ.get("FOIDESK_IMAP_USER", "")
FOIDESK_IMAP_PASSWORD = os.environ.get("FOIDESK_IMAP_PASSWORD", "")
FOIDESK_IMAP_FOLDER = os.environ.get("FOIDESK_IMAP_FOLDER", "INBOX")
FOIDESK_IMAP_TIMEOUT_SECONDS = int(os.environ.get("FOIDESK_IMAP_TIMEOUT_SECONDS", "60"))
# UK GDPR Art. 5(1)(e) storage limitation: a finished case keeps its requester's personal data this many
# days after it ended (or was answered); `foidesk retention` then erases them. Statistics stay.
FOIDESK_RETENTION_DAYS = int(os.environ.get("FOIDESK_RETENTION_DAYS", "730"))

# The audit chain's keyed head (`foidesk audit head`): an HMAC-SHA256 key kept out of the database, so a
# head the operator writes down elsewhere can later be shown to be this deployment's. Empty: unsigned heads.
FOIDESK_AUDIT_HEAD_KEY = os.environ.get("FOIDESK_AUDIT_HEAD_KEY", "")

# Background tasks (django-tasks): the disclosure check of an answer from the records. By default it runs
# inside the web request (`make run`, with SQLite or PostgreSQL, needs no worker); a deployment that runs
# `manage.py db_worker` beside the application servers sets FOIDESK_TASK_WORKER=1 and the checks are
# queued for it, the answer's page showing their progress.
FOIDESK_RUN_TASKS_INLINE = not _env_bool("FOIDESK_TASK_WORKER", False)
# The joint audit with the ledger: in a request it must leave room under gunicorn's timeout; a worker
# may take longer (protecting a table against a busy ledger of 50 tables takes about a minute).
FOIDESK_LEDGER_AUDIT_SECONDS = float(
    os.environ.get("FOIDESK_LEDGER_AUDIT_SECONDS", "45" if FOIDESK_RUN_TASKS_INLINE else "300")
)
