"""Publish and unpublish scheduled pages, every minute, until stopped.

Wagtail's ``publish_scheduled`` does the work but must be called on a
schedule; ``make run`` starts this loop beside the development server so a
page scheduled by an editor appears on time without a cron job nobody
installed.  Production runs ``publish_scheduled`` from cron or a systemd timer
(docs/operations.md).
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --every seconds (or --once)."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=60)
        parser.add_argument("--once", action="store_true")

    def handle(self, *args, every, once, **options):
        while True:
            call_command("publish_scheduled", verbosity=0)
            if once:
                return
            time.sleep(every)
