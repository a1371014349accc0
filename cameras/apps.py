from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CamerasConfig(AppConfig):
    name = "cameras"
    verbose_name = _("Camera surveillance")

    def ready(self):
        from est.demo import register_seeder
        from est.navigation import Entry, register, register_public
        from est.roles import Role, grant

        from .demo import cameras_seed

        managers = {Role.COORDINATOR, Role.ADMINISTRATOR}
        # The register, footage, legal holds, purges, compliance and data subject requests.
        grant("camera.manage", managers)
        # Retention longer than 7 days.
        grant("camera.approve_retention", {Role.ADMINISTRATOR})
        # The police read what was handed over to them; the municipality records it.
        grant("camera.disclosure.view", {*managers, Role.POLICE})
        register(
            Entry(
                _("Camera register"),
                "cameras:camera_list",
                "camera.manage",
                _("Every camera lawful and documented; footage purged on time."),
                order=60,
            ),
            Entry(
                _("Disclosures"),
                "cameras:disclosure_list",
                "camera.disclosure.view",
                _("Footage handed over to the police."),
                order=61,
            ),
        )
        register_public(
            Entry(
                _("Camera surveillance"),
                "cameras_public:map",
                "",
                _("Where the municipality films, and why."),
                order=20,
            )
        )
        register_seeder(cameras_seed)
