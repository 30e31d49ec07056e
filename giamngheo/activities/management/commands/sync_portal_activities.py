from django.core.management.base import BaseCommand

from giamngheo.activities.services import sync_portal_activities


class Command(BaseCommand):
    help = (
        "Make a register entry for every published portal item (news, events, dialogues, "
        "contests) and remove the entries of items no longer published."
    )

    def handle(self, *args, **options):
        count = sync_portal_activities()
        if options["verbosity"]:
            self.stdout.write(f"{count} portal items in the activity register.")
