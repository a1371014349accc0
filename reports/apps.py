from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports: incidents")

    def ready(self):
        from est.demo import register_seeder
        from est.models import Municipality
        from est.navigation import Entry, register
        from est.roles import Role, grant
        from reports.incidents.categories import seed_new_municipality
        from reports.incidents.demo import incidents_seed
        from reports.incidents.police_events import police_events_seed
        from reports.situation.demo import situation_pictures_seed
        from reports.tertial.demo import tertial_analyses_seed

        # Filing: coordinators, and reporters once trained (checked when filing).
        grant("incident.file", {Role.REPORTER, Role.COORDINATOR})
        # Reading every incident of one's municipalities.
        grant("incident.view", {Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR})
        # Reading incidents at all; what one reads is IncidentQuerySet.for_user (own for reporters).
        grant("incident.read", {Role.REPORTER, Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR})
        grant("incident.triage", {Role.COORDINATOR, Role.ADMINISTRATOR})
        grant("category.manage", {Role.COORDINATOR, Role.ADMINISTRATOR})
        # Situation pictures: opening one at all (what one reads is
        # SituationPictureQuerySet.for_user: shared organisations read published ones); reading
        # every published picture of one's municipalities; compiling, writing and publishing.
        grant("situation.read", set(Role))
        grant("situation.view", {Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR})
        grant("situation.edit", {Role.COORDINATOR, Role.ADMINISTRATOR})
        grant("incident.import", {Role.COORDINATOR, Role.ADMINISTRATOR})
        # Tertial analyses: reading every version of one's municipalities'; writing them.
        grant("tertial.view", {Role.COORDINATOR, Role.POLICE, Role.COUNCIL, Role.ADMINISTRATOR})
        grant("tertial.edit", {Role.COORDINATOR, Role.ADMINISTRATOR})

        register(
            Entry(
                _("Report an incident"),
                "incident_file",
                "incident.file",
                _("What you saw, when and where. Works on a phone."),
                order=10,
            ),
            Entry(
                _("Round report"),
                "round_file",
                "incident.file",
                _("Everything found on one round, each incident on its own map, sent at once."),
                order=15,
            ),
            Entry(
                _("My reports"),
                "incident_mine",
                "incident.file",
                _("What you have reported, and questions from the coordinator."),
                order=20,
            ),
            Entry(
                _("Incidents"),
                "incident_list",
                "incident.view",
                _("All incidents of your municipalities: filter, map, export and triage."),
                order=30,
            ),
            Entry(
                _("Situation pictures"),
                "situation_list",
                "situation.view",
                _("The fortnightly picture: what, where and when, and where to patrol next."),
                order=40,
            ),
            Entry(
                _("Import incidents"),
                "incident_import",
                "incident.import",
                _("Incidents from a CSV, Excel or GeoJSON file, checked row by row first."),
                order=35,
            ),
            Entry(
                _("Tertial analyses"),
                "tertial_list",
                "tertial.view",
                _("Three times a year: trends, areas and what the interventions achieved."),
                order=45,
            ),
            Entry(
                _("Incident categories"),
                "category_list",
                "category.manage",
                _("The categories reporters choose from: add, retire and restore."),
                order=85,
            ),
        )
        register_seeder(incidents_seed)
        register_seeder(police_events_seed)
        register_seeder(situation_pictures_seed)
        # Last: the analyses gather what other apps contribute (the pledges' status).
        register_seeder(tertial_analyses_seed, order=200)
        post_save.connect(
            seed_new_municipality, sender=Municipality, dispatch_uid="reports_categories_seed"
        )
