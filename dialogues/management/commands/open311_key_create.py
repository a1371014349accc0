"""Issue an API key to an Open311 client application: ``manage.py open311_key_create NAME``."""

from django.core.management.base import BaseCommand

from dialogues.tips.open311.keys import open311_client_create


class Command(BaseCommand):
    help = "Register an Open311 client application and print its API key (shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="The application, e.g. 'FixMyStreet Arboga'.")

    def handle(self, *args, name, **options):
        client, key = open311_client_create(name=name)
        self.stdout.write(f"{client.name}: {key}")
