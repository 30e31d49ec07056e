from django.core.management.base import BaseCommand

from giamngheo.broadcasts.tasks import send_radio_reminders


class Command(BaseCommand):
    help = "Queue the weekly reminder about communes with no radio programme logged last week."

    def add_arguments(self, parser):
        parser.add_argument("--week", help="Monday of the week (YYYY-MM-DD); default last week.")

    def handle(self, *args, week=None, **options):
        result = send_radio_reminders.enqueue(week)
        self.stdout.write(f"queued: {result.id}")
