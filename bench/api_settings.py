"""Settings of bench_api.py: the development settings with DEBUG off, and api_urls.py."""

from giamngheo.settings.dev import *  # noqa: F403

ROOT_URLCONF = "api_urls"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
