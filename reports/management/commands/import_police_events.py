from django.core.management.base import BaseCommand, CommandError

from est.models import Municipality
from reports.incidents.police_events import UnusableEvent, police_events_import, police_events_load


class Command(BaseCommand):
    help = (
        "Import events in the Swedish Police open API's format (a JSON list) as incidents. "
        "Re-importing updates events by id and never duplicates them."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--municipality",
            action="append",
            metavar="CODE",
            help="keep only events of this municipality (may be given several times)",
        )

    def handle(self, *args, file, municipality, **options):
        try:
            events = police_events_load(file)
        except UnusableEvent as error:
            raise CommandError(str(error)) from error
        scope = None
        if municipality:
            scope = Municipality.objects.filter(code__in=municipality)
            if scope.count() != len(set(municipality)):
                raise CommandError(f"Unknown municipality code among {', '.join(municipality)}")
        result = police_events_import(events=events, municipalities=scope)
        self.stdout.write(f"{result}.")
        for event_id, reason in result.skipped[:20]:
            self.stdout.write(f"  skipped {event_id}: {reason}")
