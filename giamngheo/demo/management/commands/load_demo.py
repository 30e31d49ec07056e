from django.core.management.base import BaseCommand

from giamngheo.demo.services import DEMO_PASSWORD, DEMO_USERS, load_demo
from giamngheo.portal.services import ensure_portal


class Command(BaseCommand):
    help = "Load the labelled demo data set for Huế (2021-2025); idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2021)
        parser.add_argument("--force", action="store_true", help="Load again even if loaded.")

    def handle(self, *args, seed, force, **options):
        ensure_portal()
        if load_demo(seed=seed, force=force):
            self.stdout.write(f"Demo data loaded (seed {seed}).")
        else:
            self.stdout.write(f"Demo data already loaded (seed {seed}); nothing to do.")
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for user in DEMO_USERS:
            self.stdout.write(f"  {user.username:<10} {user.position}")
