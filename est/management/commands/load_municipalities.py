from django.core.management.base import BaseCommand

from est.models import Municipality
from est.municipalities import BOUNDARY_FILE, municipalities_load


class Command(BaseCommand):
    help = "Load or update all Swedish municipalities and their boundaries."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=BOUNDARY_FILE, help="GeoJSON with KnKod and KnNamn")
        parser.add_argument(
            "--force", action="store_true", help="update even when all 290 are already loaded"
        )

    def handle(self, *args, file, force, **options):
        if not force and Municipality.objects.count() >= 290:
            return
        created, updated = municipalities_load(path=file)
        self.stdout.write(f"{created} municipalities created, {updated} updated.")
