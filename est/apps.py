from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from est.roles import ADMIN_USE, MUNICIPALITY_VIEW


class EstConfig(AppConfig):
    name = "est"
    verbose_name = _("EST: municipalities, organisations and users")

    def ready(self):
        from .area_collections import AREAS
        from .navigation import Entry, register
        from .oapif.registry import register as register_collections

        register(
            Entry(
                _("Municipalities and areas"),
                "municipality_list",
                MUNICIPALITY_VIEW,
                _("The map of your municipalities and their areas."),
                order=80,
            ),
            Entry(
                _("Administration"),
                "admin:index",
                ADMIN_USE,
                _("Users, organisations and municipalities."),
                order=900,
            ),
        )
        register_collections(AREAS)
