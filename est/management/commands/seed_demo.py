from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from est.demo import USERS, demo_seed, seeders


class Command(BaseCommand):
    help = "Create the demo municipalities Arboga and Kungsör with data and users (safe to rerun)."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                _(
                    "seed_demo does not run with production settings: its users have "
                    "passwords everyone can read."
                )
            )
        municipalities = demo_seed()
        for seeder in seeders():
            seeder(municipalities)
        self.stdout.write(_("Demo logins (username / password):"))
        for demo in USERS:
            self.stdout.write(f"  {demo.username:<12} {demo.password:<24} {demo.role.label}")
        if not settings.MFA_REQUIRED_ROLES:
            self.stdout.write(
                _(
                    "No second factor is required here (MFA_REQUIRED_ROLES is empty), so these "
                    "logins need only the password; production requires one of every role but "
                    "reporters and council members. Set one up on the account page to try it."
                )
            )
