"""Fill a municipality's gazetteer from an open file:
``manage.py places_import FILE --municipality 1984 [--name-field name]``."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from dialogues.tips.places.imports import named_places_import, place_rows_read
from est.models import Municipality


class Command(BaseCommand):
    help = (
        "Import named places (streets, addresses, stops) that residents may type in a tip: "
        "a CSV with name, latitude, longitude (WGS 84), or GeoJSON points."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--municipality", required=True, help="Its code, e.g. 1984.")
        parser.add_argument(
            "--name-field", default="name", help="GeoJSON: the property holding the name."
        )

    def handle(self, *args, file, municipality, name_field, **options):
        try:
            place = Municipality.objects.get(code=municipality)
        except Municipality.DoesNotExist:
            raise CommandError(f"No municipality with the code {municipality}.") from None
        if not file.is_file():
            raise CommandError(f"{file} is not a file.")
        try:
            stored, outside = named_places_import(
                municipality=place,
                rows=place_rows_read(file, name_field=name_field),
                source=file.name,
            )
        except (ValidationError, ValueError, KeyError) as error:
            raise CommandError(f"{file}: {error}") from None
        self.stdout.write(f"{place.name}: {stored} places stored, {outside} outside it left out.")
