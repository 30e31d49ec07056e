"""The test suite: SQLite by default, PostgreSQL when DATABASE_URL says so."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One locmem cache lives through the whole run: a page cached by one test would be
# served to the next. The page cache's own tests turn it on.
PORTAL_PAGE_CACHE_SECONDS = 0
PORTAL_SEARCH_CACHE_SECONDS = 0
# /readyz's free-disk check: the test machines' disks are not a deployment's.
HEALTH_MIN_FREE_DISK_MB = 1
