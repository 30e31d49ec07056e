from django.core.management.base import BaseCommand

from giamngheo.evaluation.tasks import send_recommendation_reminders


class Command(BaseCommand):
    help = "Queue the daily reminder of overdue supervision recommendations."

    def handle(self, *args, **options):
        result = send_recommendation_reminders.enqueue()
        self.stdout.write(f"queued: {result.id}")
