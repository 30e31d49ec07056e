from django.core.management.base import BaseCommand

from giamngheo.feedback.tasks import send_feedback_reminders


class Command(BaseCommand):
    help = (
        "Queue the daily feedback reminder: overdue cases to their units; answered cases "
        "past the reopen window are closed."
    )

    def handle(self, *args, **options):
        result = send_feedback_reminders.enqueue()
        self.stdout.write(f"queued: {result.id}")
