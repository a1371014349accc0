from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from est.health import health_checks


class Command(BaseCommand):
    help = (
        "Report the state of the database, PostGIS, Redis, the Celery worker and beat, and "
        "(as warnings) how the polls of outside sources went."
    )

    def handle(self, *args, **options):
        checks = health_checks()
        for check in checks:
            if check.ok:
                style, state = self.style.SUCCESS, _("ok")
            elif check.required:
                style, state = self.style.ERROR, _("FAILING")
            else:
                style, state = self.style.WARNING, _("warning")
            self.stdout.write(f"{check.name:<14} {style(state):<8} {check.detail}")
        failing = [check.name for check in checks if check.required and not check.ok]
        if failing:
            raise CommandError(_("Not healthy: %(parts)s") % {"parts": ", ".join(failing)})
