from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from est.health import health_checks


class Command(BaseCommand):
    help = "Report the state of the database, PostGIS, Redis, the Celery worker and beat."

    def handle(self, *args, **options):
        checks = health_checks()
        for check in checks:
            style = self.style.SUCCESS if check.ok else self.style.ERROR
            state = _("ok") if check.ok else _("FAILING")
            self.stdout.write(f"{check.name:<10} {style(state):<8} {check.detail}")
        failing = [check.name for check in checks if not check.ok]
        if failing:
            raise CommandError(_("Not healthy: %(parts)s") % {"parts": ", ".join(failing)})
