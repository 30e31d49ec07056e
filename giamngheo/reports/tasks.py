"""The report's generation, in the background (django-tasks).

The immediate backend runs it at once (tests, ``make run``); in production the
database backend queues it and ``manage.py db_worker`` runs it (docs/operations.md).
"""

from __future__ import annotations

from django.conf import settings
from django_tasks import task


@task()
def generate_report(report_id: int) -> str:
    from .services import generate_by_id

    # A worker has no request: the report is written in the site's language.
    report = generate_by_id(report_id, language=settings.LANGUAGE_CODE)
    return report.status if report else "missing"
