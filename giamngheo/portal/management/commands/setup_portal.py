from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from giamngheo.portal.services import ensure_portal, set_site_address


class Command(BaseCommand):
    help = (
        "Create the portal's home page, sections, policy library and moderation workflow "
        "(idempotent), and set the site's public address."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", help="Public host name, e.g. giamngheo.hue.gov.vn")
        parser.add_argument("--port", type=int, default=443, help="443 behind HTTPS (default)")

    def handle(self, *args, hostname, port, **options):
        home = ensure_portal()
        self.stdout.write(f"Portal ready: {home.title}.")
        if hostname:
            try:
                site = set_site_address(hostname=hostname, port=port)
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from error
            self.stdout.write(f"Site address: {site.root_url}")
