"""Compile tertial analyses by hand: what the beat task does, for chosen municipalities."""

from django.core.management.base import BaseCommand, CommandError

from est.models import Municipality
from est.periods import last_ended_tertial, parse_tertial
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure


class Command(BaseCommand):
    help = "Compile the tertial analyses of a tertial (by default the last ended one)."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="a municipality's four-digit code")
        parser.add_argument("--tertial", help="a tertial such as 2025-T2")

    def handle(self, *args, municipality=None, tertial=None, **options):
        municipalities = Municipality.objects.all()
        if municipality:
            municipalities = municipalities.filter(code=municipality)
            if not municipalities.exists():
                raise CommandError(f"No municipality has the code {municipality}.")
        try:
            chosen = parse_tertial(tertial) if tertial else last_ended_tertial()
        except ValueError as error:
            raise CommandError(str(error)) from error
        compiled = 0
        for each in municipalities.only("pk"):
            analysis, _created = tertial_analysis_ensure(municipality=each, tertial=chosen)
            compiled += tertial_analysis_compile(analysis_id=analysis.pk)
        self.stdout.write(
            f"{compiled} analyses of {chosen} compiled; the others were compiled already."
        )
