"""Settings shared by every environment.

Everything a deployer may change is read from the environment here and listed
in docs/operations.md; dev.py, test.py and production.py only override.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from giamngheo.core.observability import init_sentry, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "giamngheo"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "giamngheo.core",
    "giamngheo.units",
    "giamngheo.accounts",
    "giamngheo.indicators",
    "giamngheo.plans",
    "giamngheo.broadcasts",
    "giamngheo.training",
    "giamngheo.feedback",
    "giamngheo.contests",
    "giamngheo.engagement",
    "giamngheo.activities",
    "giamngheo.network",
    "giamngheo.poverty",
    "giamngheo.evaluation",
    "giamngheo.reports",
    "giamngheo.api",
    "giamngheo.portal",
    "giamngheo.opendata",
    "giamngheo.demo",
    "giamngheo.operations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "giamngheo.accounts.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    # django-ninja's own Swagger UI files, served as our static files (no CDN).
    "ninja",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id.
    "log_request_id.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "giamngheo.core.middleware.VietnameseFirstLocaleMiddleware",
    "giamngheo.core.middleware.RefuseNulInQueryMiddleware",
    # After the language (part of its key), before CSRF (to see the cookie it sets).
    "giamngheo.portal.cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "giamngheo.urls"
WSGI_APPLICATION = "giamngheo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite under var/ when DATABASE_URL is unset; PostgreSQL in production.
(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'giamngheo.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the dev server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
# A PostgreSQL streaming replica for the heavy reads (core/replicas.py,
# docs/operations.md): dashboards, the annual report, the results page, the API.
REPLICA_READ_PATHS = env.list(
    "REPLICA_READ_PATHS",
    default=["/admin/kpi/", "/admin/reports/results/", "/ket-qua/", "/api/v1/"],
)
REPLICA_AFTER_WRITE_SECONDS = env.int("REPLICA_AFTER_WRITE_SECONDS", default=10)
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    # Under test the replica is the primary itself (Django's mirror).
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["giamngheo.core.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
        "giamngheo.core.replicas.ReplicaMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Whole portal pages kept for anonymous visitors (portal/cache.py), emptied at every
# page change; 0 turns it off.
PORTAL_PAGE_CACHE_SECONDS = env.int("PORTAL_PAGE_CACHE_SECONDS", default=600)
# Site search results (the ranked pages of a query) kept as long, emptied with the
# page cache; every search is still counted for the search terms report. 0: off.
PORTAL_SEARCH_CACHE_SECONDS = env.int("PORTAL_SEARCH_CACHE_SECONDS", default=600)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes must come first so a locked-out login never reaches the others.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login lockout (django-axes): lock the username+IP pair after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)

# Two-factor sign-in (django-otp): optional per user, see accounts/otp.py.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Giảm nghèo")
WAGTAILADMIN_USER_LOGIN_FORM = "giamngheo.accounts.forms.LoginForm"

# --- Language, time and numbers: Vietnamese first.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["giamngheo.formats"]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "upstream"]

# --- Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Background work (django-tasks): run at once unless a worker is configured.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# --- Wagtail.
WAGTAIL_SITE_NAME = _("Poverty reduction")
# The address the site is served at ("https://giamngheo.example.gov.vn"): every link
# in an e-mail or a text message starts with it (core/links.py), Wagtail's own
# notifications too. Empty: the default Wagtail Site's address. dev.py and
# production.py give it a default.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="").rstrip("/")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=PUBLIC_BASE_URL)
WAGTAIL_I18N_ENABLED = False
# The banner links to Wagtail's English release notes; staff have their own guides
# under Help (docs/guides/).
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# The upgrade notice (in English, for administrators) asks releases.wagtail.io from
# the browser; deployments sit on intranets and upgrade through pyproject.toml.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
# Site search (docs/decisions/0004-portal-search.md). The database backend by
# default: SQLite FTS5, or PostgreSQL full text with the "simple" configuration
# (no English stemming; pages index their text without accents). For
# OpenSearch/Elasticsearch set WAGTAILSEARCH_BACKEND (opensearch2, opensearch3,
# elasticsearch8…) and WAGTAILSEARCH_URLS, then run `manage.py update_index`.
WAGTAILSEARCH_BACKEND = env("WAGTAILSEARCH_BACKEND", default="database")
if WAGTAILSEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "giamngheo.core.search", "SEARCH_CONFIG": "simple"}
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{WAGTAILSEARCH_BACKEND}",
            "URLS": env.list("WAGTAILSEARCH_URLS", default=["http://localhost:9200"]),
            "INDEX": env("WAGTAILSEARCH_INDEX", default="giamngheo"),
            "TIMEOUT": env.int("WAGTAILSEARCH_TIMEOUT", default=5),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
# Office files, and the media library's audio, video and posters (portal/media.py).
WAGTAILDOCS_EXTENSIONS = [
    *("csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"),
    *("mp3", "m4a", "aac", "ogg", "oga", "opus", "wav", "mp4", "webm", "ogv"),
    *("png", "jpg", "jpeg"),
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# No avatars from gravatar.com: deployments sit on intranets and nothing is loaded
# from third parties.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# ASCII page addresses ("bai-cho-duyet", not "bài-chờ-duyệt"): they survive being
# shared through Zalo, SMS and old phones.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Every image needs its alternative text (its description) before it is saved.
WAGTAILIMAGES_IMAGE_FORM_BASE = "giamngheo.portal.forms.ImageForm"

# --- Backups (giamngheo/operations/, docs/backup.md): where `manage.py backup` writes
# its archives unless told otherwise; keep it on another disk than the database.
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "var" / "backups")
# Archives `backup` and `upgrade` keep in that folder, the newest; 0 keeps them all.
BACKUP_KEEP = env.int("BACKUP_KEEP", default=0)
# While this file exists the reference nginx site (deploy/nginx/) answers with its
# maintenance page; `manage.py upgrade` creates it for the upgrade's length.
MAINTENANCE_FILE = env.path("MAINTENANCE_FILE", default=BASE_DIR / "var" / "maintenance.on")
# `manage.py upgrade` runs this (a shell command line) last to restart the app
# servers and the worker; empty: it says to restart them and stops there.
UPGRADE_RESTART_COMMAND = env("UPGRADE_RESTART_COMMAND", default="")
# Serving commands and the WSGI application refuse a database with unapplied
# migrations (production turns it on; giamngheo/operations/startup.py).
REFUSE_UNAPPLIED_MIGRATIONS = env.bool("REFUSE_UNAPPLIED_MIGRATIONS", default=False)

# The province whose units the site serves (national statistics code).
PROVINCE_CODE = env.int("PROVINCE_CODE", default=46)

# --- The annual report (giamngheo/reports/, docs/operations.md): generated XLSX and PDF
# files live outside MEDIA_ROOT and are served through a scoped view only; a
# STORAGES["reports"] entry (e.g. a private S3 bucket) replaces the folder.
REPORTS_FILES_ROOT = env.path(
    "REPORTS_FILES_ROOT", default=BASE_DIR / "var" / "private" / "reports"
)
# Where a province-level report is dated ("Huế, ngày … tháng … năm …"); a district's
# report is dated at the district's own name.
REPORTS_PROVINCE_PLACE = env("REPORTS_PROVINCE_PLACE", default="Huế")

# --- Citizens' feedback (giamngheo/feedback/, docs/operations.md).
# Attachments live outside MEDIA_ROOT and are served to handlers only; a
# STORAGES["feedback"] entry (e.g. a private S3 bucket) replaces the folder.
FEEDBACK_FILES_ROOT = env.path(
    "FEEDBACK_FILES_ROOT", default=BASE_DIR / "var" / "private" / "feedback"
)
FEEDBACK_MAX_ATTACHMENTS = env.int("FEEDBACK_MAX_ATTACHMENTS", default=3)
FEEDBACK_MAX_ATTACHMENT_BYTES = env.int("FEEDBACK_MAX_ATTACHMENT_BYTES", default=8 * 1024 * 1024)
FEEDBACK_MAX_IMAGE_SIDE = env.int("FEEDBACK_MAX_IMAGE_SIDE", default=2048)
# Days after an answer during which the citizen may reopen the case.
FEEDBACK_REOPEN_DAYS = env.int("FEEDBACK_REOPEN_DAYS", default=15)
# Contact details of finished cases are erased this many days after they closed.
FEEDBACK_RETENTION_DAYS = env.int("FEEDBACK_RETENTION_DAYS", default=730)
# Per-address limits (django-ratelimit syntax: count/period, period s, m, h or d).
FEEDBACK_RATE_LIMITS = {
    "submit": env("FEEDBACK_SUBMIT_RATE", default="5/h"),
    "track": env("FEEDBACK_TRACK_RATE", default="60/h"),
    "challenge": env("FEEDBACK_CHALLENGE_RATE", default="60/h"),
}
# ALTCHA proof of work: the key signs challenges (derived from SECRET_KEY when empty).
FEEDBACK_ALTCHA_HMAC_KEY = env("FEEDBACK_ALTCHA_HMAC_KEY", default="")
FEEDBACK_ALTCHA_ALGORITHM = env("FEEDBACK_ALTCHA_ALGORITHM", default="PBKDF2/SHA-256")
# The browser's work is (16 ** len(KEY_PREFIX)) attempts of COST iterations on average;
# the server's, to check a solution, one attempt. Many cheap attempts (4,096 × 320)
# ask the browser as much as few dear ones (256 × 5,000) and the server 16 times less.
FEEDBACK_ALTCHA_COST = env.int("FEEDBACK_ALTCHA_COST", default=320)
FEEDBACK_ALTCHA_KEY_PREFIX = env("FEEDBACK_ALTCHA_KEY_PREFIX", default="000")
FEEDBACK_ALTCHA_EXPIRES = env.int("FEEDBACK_ALTCHA_EXPIRES", default=1200)
# Text messages to citizens (giamngheo/feedback/sms.py): the console in development.
SMS_BACKEND = env("SMS_BACKEND", default="giamngheo.feedback.sms.ConsoleSmsBackend")
# The Open311 GeoReport v2 API for apps (giamngheo/feedback/open311/): the one
# jurisdiction_id it serves, the contact its discovery file gives, and limits
# (same syntax) per client address, per API key and per tracking code looked up.
OPEN311_JURISDICTION = env("OPEN311_JURISDICTION", default=f"giamngheo.{PROVINCE_CODE}")
OPEN311_CONTACT = env("OPEN311_CONTACT", default="")
FEEDBACK_RATE_LIMITS |= {
    "open311-submit": env("OPEN311_SUBMIT_RATE", default="20/h"),
    "open311-key": env("OPEN311_KEY_RATE", default="300/h"),
    "open311-read": env("OPEN311_READ_RATE", default="600/h"),
    "open311-track": env("OPEN311_TRACK_RATE", default="300/h"),
}

# --- The data API (giamngheo/api/, docs/operations.md): requests per unit key, from
# all addresses (django-ratelimit syntax).
API_KEY_RATE = env("API_KEY_RATE", default="1200/h")

# --- Online knowledge contests (giamngheo/contests/, docs/operations.md).
# Seconds after an attempt's deadline during which its answers still count (network delays).
CONTEST_GRACE_SECONDS = env.int("CONTEST_GRACE_SECONDS", default=5)
# Per-address limits, counted by feedback.abuse.over_limit (same syntax). Generous:
# a school or commune office takes part from one address.
FEEDBACK_RATE_LIMITS |= {
    "contest-register": env("CONTEST_REGISTER_RATE", default="30/h"),
    "contest-start": env("CONTEST_START_RATE", default="60/h"),
    "contest-answer": env("CONTEST_ANSWER_RATE", default="600/h"),
}

# --- Policy dialogues and polls (giamngheo/engagement/, docs/operations.md).
# Per-address limits, counted by feedback.abuse.over_limit (same syntax). Votes and
# upvotes are generous: a commune meeting or a mobile network shares one address.
FEEDBACK_RATE_LIMITS |= {
    "dialogue-question": env("DIALOGUE_QUESTION_RATE", default="5/h"),
    "dialogue-upvote": env("DIALOGUE_UPVOTE_RATE", default="60/h"),
    "poll-vote": env("POLL_VOTE_RATE", default="60/h"),
}

# --- Logs, request ids and error reports (core/observability.py, docs/operations.md).
LOG_REQUEST_ID_HEADER = "HTTP_X_REQUEST_ID"  # nginx's $request_id
GENERATE_REQUEST_ID_IF_NOT_IN_HEADER = True
LOG_REQUESTS = env.bool("LOG_REQUESTS", default=False)
LOGGING = logging_config(
    level=env("LOG_LEVEL", default="WARNING"), log_format=env("LOG_FORMAT", default="text")
)
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    init_sentry(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        release=env("SENTRY_RELEASE", default=""),
    )

# --- /readyz (core/health.py): what a load balancer reads as ready.
HEALTH_WORKER_SILENCE_SECONDS = env.int("HEALTH_WORKER_SILENCE_SECONDS", default=60)
HEALTH_QUEUE_MAX_AGE_SECONDS = env.int("HEALTH_QUEUE_MAX_AGE_SECONDS", default=600)
HEALTH_MIN_FREE_DISK_MB = env.int("HEALTH_MIN_FREE_DISK_MB", default=1024)
