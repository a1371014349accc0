from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports: incidents")

    def ready(self):
        from est.demo import register_seeder
        from est.indicators import register as register_indicator
        from est.models import Municipality
        from est.navigation import Entry, register
        from est.oapif.registry import register as register_collections
        from est.report_sections import ReportSection
        from est.report_sections import register as register_report_section
        from est.roles import grant
        from reports.council.goal_section import goals_tertial_gather, goals_tertial_present
        from reports.council.indicators import INCIDENTS as INCIDENTS_INDICATOR
        from reports.incidents.categories import seed_new_municipality
        from reports.incidents.collections import INCIDENTS
        from reports.permissions import (
            CATEGORY_MANAGE,
            COUNCIL_VIEW,
            GRANTS,
            INCIDENT_FILE,
            INCIDENT_IMPORT,
            INCIDENT_VIEW,
            SITUATION_VIEW,
            TERTIAL_VIEW,
        )
        from reports.situation.collections import HEXAGONS, INTERVENTIONS, REPEAT_PLACES
        from reports.tertial.collections import TERTIAL_COUNTS

        for permission, roles in GRANTS.items():
            grant(permission, roles)

        register(
            Entry(
                _("Report an incident"),
                "incident_file",
                INCIDENT_FILE,
                _("What you saw, when and where. Works on a phone."),
                order=10,
            ),
            Entry(
                _("Round report"),
                "round_file",
                INCIDENT_FILE,
                _("Everything found on one round, each incident on its own map, sent at once."),
                order=15,
            ),
            Entry(
                _("My reports"),
                "incident_mine",
                INCIDENT_FILE,
                _("What you have reported, and questions from the coordinator."),
                order=20,
            ),
            Entry(
                _("Incidents"),
                "incident_list",
                INCIDENT_VIEW,
                _("All incidents of your municipalities: filter, map, export and triage."),
                order=30,
            ),
            Entry(
                _("Situation pictures"),
                "situation_list",
                SITUATION_VIEW,
                _("The fortnightly picture: what, where and when, and where to patrol next."),
                order=40,
            ),
            Entry(
                _("Import incidents"),
                "incident_import",
                INCIDENT_IMPORT,
                _("Incidents from a CSV, Excel or GeoJSON file, checked row by row first."),
                order=35,
            ),
            Entry(
                _("Tertial analyses"),
                "tertial_list",
                TERTIAL_VIEW,
                _("Three times a year: trends, areas and what the interventions achieved."),
                order=45,
            ),
            Entry(
                _("Crime-prevention council"),
                "council_index",
                COUNCIL_VIEW,
                _("Members, meetings, minutes and the decisions followed up."),
                order=47,
            ),
            Entry(
                _("Incident categories"),
                "category_list",
                CATEGORY_MANAGE,
                _("The categories reporters choose from: add, retire and restore."),
                order=85,
            ),
        )
        register_collections(INCIDENTS, INTERVENTIONS, HEXAGONS, REPEAT_PLACES, TERTIAL_COUNTS)
        register_seeder("reports.incidents.demo.incidents_seed")
        register_seeder("reports.incidents.police_events.police_events_seed")
        register_seeder("reports.situation.demo.situation_pictures_seed")
        # Last: the analyses gather what other apps contribute (the pledges' status).
        register_seeder("reports.tertial.demo.tertial_analyses_seed", order=200)
        # After the analyses: it adopts the last one with its priorities.
        register_seeder("reports.council.demo.council_seed", order=250)
        # Before the analyses, which show the plan's goals.
        register_seeder("reports.council.plan_demo.action_plan_seed", order=190)
        register_indicator(INCIDENTS_INDICATOR)
        register_report_section(
            ReportSection(
                key="action_plan_goals",
                title=_("The action plan's goals"),
                template="reports/council/report_goals.html",
                gather=goals_tertial_gather,
                present=goals_tertial_present,
                order=50,
            )
        )
        post_save.connect(
            seed_new_municipality, sender=Municipality, dispatch_uid="reports_categories_seed"
        )
