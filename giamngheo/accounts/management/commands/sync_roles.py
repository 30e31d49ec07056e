from django.core.management.base import BaseCommand

from giamngheo.accounts.roles import sync_roles


class Command(BaseCommand):
    help = "Create or update one Wagtail group per role, with its permissions."

    def handle(self, *args, **options):
        for group in sync_roles():
            self.stdout.write(f"{group.name}: {group.permissions.count()} permissions")
