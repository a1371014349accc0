"""Compile situation pictures by hand: what the beat task does, for chosen municipalities."""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from est.models import Municipality
from est.periods import fortnight_containing, last_ended_period
from reports.situation.compile import situation_picture_compile, situation_picture_ensure


class Command(BaseCommand):
    help = "Compile the situation pictures of a period (by default the last ended one)."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="a municipality's four-digit code")
        parser.add_argument(
            "--period", type=datetime.date.fromisoformat, help="a day in the period, YYYY-MM-DD"
        )

    def handle(self, *args, municipality=None, period=None, **options):
        municipalities = Municipality.objects.all()
        if municipality:
            municipalities = municipalities.filter(code=municipality)
            if not municipalities.exists():
                raise CommandError(f"No municipality has the code {municipality}.")
        start = fortnight_containing(period)[0] if period else last_ended_period()[0]
        compiled = 0
        for each in municipalities.only("pk", "code"):
            try:
                picture, _created = situation_picture_ensure(municipality=each, period_start=start)
            except ValidationError as error:
                raise CommandError(error.messages[0]) from error
            compiled += situation_picture_compile(picture_id=picture.pk)
        self.stdout.write(
            f"{compiled} pictures compiled for the period starting {start:%Y-%m-%d}; "
            f"the others were compiled already."
        )
