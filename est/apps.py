from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from est.roles import (
    ACCESS_LOG_VIEW,
    ADMIN_USE,
    DATA_SUBJECT_REQUEST_MANAGE,
    MUNICIPALITY_VIEW,
    TRAINING_MANAGE,
)


class EstConfig(AppConfig):
    name = "est"
    verbose_name = _("EST: municipalities, organisations and users")

    def ready(self):
        from .area_collections import AREAS
        from .data_subjects.accounts import ACCESS_LOG, ACCOUNTS
        from .data_subjects.registry import register as register_personal_data
        from .navigation import Entry, register, register_public
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
                _("Reporter training"),
                "training_overview",
                TRAINING_MANAGE,
                _("Who may file until when, and the trainings held."),
                order=85,
            ),
            Entry(
                _("Access log"),
                "access_log",
                ACCESS_LOG_VIEW,
                _("Who opened sensitive data of your municipalities, when and from where."),
                order=850,
            ),
            Entry(
                _("Data subject requests"),
                "data_subject_request_list",
                DATA_SUBJECT_REQUEST_MANAGE,
                _("Extracts and erasures of what EST holds about a person, answered in a month."),
                order=860,
            ),
            Entry(
                _("Administration"),
                "admin:index",
                ADMIN_USE,
                _("Users, organisations and municipalities."),
                order=900,
            ),
        )
        register_public(
            Entry(
                _("Contacts"),
                "public_contact_index",
                "",
                _("Whom to reach about safety where you live, and the emergency numbers."),
                order=90,
            )
        )
        register_collections(AREAS)
        register_personal_data(ACCOUNTS)
        register_personal_data(ACCESS_LOG)
