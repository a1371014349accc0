from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CamerasConfig(AppConfig):
    name = "cameras"
    verbose_name = _("Camera surveillance")

    def ready(self):
        from est.data_subjects.registry import register as register_personal_data
        from est.demo import register_seeder
        from est.navigation import Entry, register, register_public
        from est.oapif.registry import register as register_collections
        from est.roles import grant

        from .collections import CAMERAS, FILMED_PLACES
        from .permissions import CAMERA_DISCLOSURE_VIEW, CAMERA_MANAGE, GRANTS
        from .personal_data import FOOTAGE

        for permission, roles in GRANTS.items():
            grant(permission, roles)
        register(
            Entry(
                _("Camera register"),
                "cameras:camera_list",
                CAMERA_MANAGE,
                _("Every camera lawful and documented; footage purged on time."),
                order=60,
            ),
            Entry(
                _("Disclosures"),
                "cameras:disclosure_list",
                CAMERA_DISCLOSURE_VIEW,
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
        register_seeder("cameras.demo.cameras_seed")
        register_collections(CAMERAS, FILMED_PLACES)
        register_personal_data(FOOTAGE)
