from django.core.management.base import BaseCommand

from cameras.purge import footage_purge_due


class Command(BaseCommand):
    help = "Delete the camera footage whose retention has ended (beat does this every 10 minutes)."

    def handle(self, *args, **options):
        result = footage_purge_due()
        self.stdout.write(str(result))
        if result.failed:
            self.stderr.write(f"failed to delete footage {result.failed}; see the purge dashboard")
            raise SystemExit(1)
