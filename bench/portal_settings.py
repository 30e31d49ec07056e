"""Settings of the server that bench_portal.py measures.

The development settings with DEBUG off (bench_portal.py sets DEBUG=false,
DATABASE_URL, CACHE_URL, CONN_MAX_AGE and PORTAL_PAGE_CACHE_SECONDS in the
environment, which base.py reads), plus the URLs of portal_urls.py.
"""

from giamngheo.settings.dev import *  # noqa: F403

ROOT_URLCONF = "portal_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Static files straight from the apps' folders, without collectstatic: the
# measured pages do not load them, a person looking at the bench server does.
WHITENOISE_USE_FINDERS = True
