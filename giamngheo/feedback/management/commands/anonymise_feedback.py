from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from giamngheo.feedback.services import anonymise_old_feedback


class Command(BaseCommand):
    help = (
        "Erase the contact details and attachments of feedback finished more than "
        "FEEDBACK_RETENTION_DAYS days ago (Personal Data Protection Law 91/2025/QH15)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Age in days after closing (default: the FEEDBACK_RETENTION_DAYS setting).",
        )

    def handle(self, *args, days=None, **options):
        days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        count = anonymise_old_feedback(days=days)
        self.stdout.write(f"anonymised: {count}")
