"""Production: PostgreSQL, Redis, HTTPS behind a reverse proxy.

Refuses to start without SECRET_KEY and ALLOWED_HOSTS, and passes
`manage.py check --deploy` with no warnings.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

# Links in e-mails and text messages: the first allowed host over HTTPS unless set.
_first_host = ALLOWED_HOSTS[0]
PUBLIC_BASE_URL = env(
    "PUBLIC_BASE_URL",
    default="" if _first_host.startswith((".", "*")) else f"https://{_first_host}",
).rstrip("/")
if not PUBLIC_BASE_URL:
    raise ImproperlyConfigured(
        "PUBLIC_BASE_URL must be set (e.g. https://giamngheo.example.gov.vn) when the first "
        "of ALLOWED_HOSTS is a pattern: links in e-mails and text messages start with it."
    )
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=PUBLIC_BASE_URL)

# manage.py's serving commands and the WSGI application refuse unapplied migrations.
REFUSE_UNAPPLIED_MIGRATIONS = env.bool("REFUSE_UNAPPLIED_MIGRATIONS", default=True)

CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", default=[f"https://{host}" for host in ALLOWED_HOSTS]
)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# A load balancer probes the app servers over plain HTTP (core/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN on themselves.

CACHES = {"default": env.cache("CACHE_URL", default="redis://127.0.0.1:6379/1")}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_CONFIG = env.email("EMAIL_URL", default="smtp://localhost:25")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="giamngheo@localhost")
