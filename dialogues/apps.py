from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialogues: citizen pledges and residents' feedback")

    def ready(self):
        from est.data_subjects.registry import register as register_personal_data
        from est.demo import register_seeder
        from est.indicators import register as register_indicator
        from est.navigation import Entry, register, register_public
        from est.oapif.registry import register as register_collections
        from est.report_sections import ReportSection
        from est.report_sections import register as register_report_section
        from est.roles import grant
        from est.situation_sources import SituationSource
        from est.situation_sources import register as register_situation_source

        from .measures.indicators import DONE_ON_TIME
        from .permissions import (
            COMMENT_MODERATE,
            DIALOGUE_MANAGE,
            GRANTS,
            MEASURE_READ,
            PLEDGE_VIEW,
            SURVEY_VIEW,
            TIP_TRIAGE,
            WALK_RECORD,
            WATCH_MANAGE,
        )
        from .pledges.status import pledge_status_gather, pledge_status_present
        from .survey.indicators import FEELING_SAFE
        from .survey.tertial import survey_tertial_gather, survey_tertial_present
        from .tips.personal_data import TIPPERS
        from .tips.situation import tips_situation_gather
        from .tips.tertial import tips_tertial_gather, tips_tertial_present
        from .walks.collections import FINDINGS, FOLLOW_UPS, WALKS
        from .walks.indicators import WALKS_HELD
        from .walks.situation import walks_situation_gather
        from .walks.tertial import walks_tertial_gather, walks_tertial_present
        from .watch.personal_data import WATCH_CONTACTS
        from .watch.reports import (
            watch_situation_gather,
            watch_tertial_gather,
            watch_tertial_present,
        )

        for permission, roles in GRANTS.items():
            grant(permission, roles)
        for indicator in (FEELING_SAFE, DONE_ON_TIME, WALKS_HELD):
            register_indicator(indicator)
        register(
            Entry(
                _("Citizen pledges"),
                "pledge_list",
                PLEDGE_VIEW,
                _("The pledges agreed with the police, their activities and follow-ups."),
                order=60,
            ),
            Entry(
                _("Residents' comments"),
                "comment_queue",
                COMMENT_MODERATE,
                _("Comments and questions on the pledges waiting for moderation."),
                order=61,
            ),
            Entry(
                _("Safety walks"),
                "walk_list",
                WALK_RECORD,
                _(
                    "Plan and announce walks with residents, partners and the police; "
                    "record findings on the walk."
                ),
                order=62,
            ),
            Entry(
                _("Measures"),
                "measure_list",
                MEASURE_READ,
                _("What is to be done about what the walks found, by whom and by when."),
                order=63,
            ),
            Entry(
                _("Safety surveys"),
                "survey_list",
                SURVEY_VIEW,
                _("Ask residents how safe they feel, and read the results per area and group."),
                order=64,
            ),
            Entry(
                _("Residents' tips"),
                "tip_queue",
                TIP_TRIAGE,
                _("Tips about unsafe places: record, pass on, merge or close them."),
                order=65,
            ),
            Entry(
                _("Citizen dialogues"),
                "occasion_list",
                DIALOGUE_MANAGE,
                _("Meet residents, record what they said, and answer each theme."),
                order=66,
            ),
            Entry(
                _("Neighbourhood watch"),
                "watch_group_list",
                WATCH_MANAGE,
                _("Watch groups from a resident's interest to signs up; letters to contacts."),
                order=67,
            ),
        )
        register_public(
            Entry(
                _("Citizen pledges"),
                "public_pledge_index",
                "",
                _("What the municipality and the police have promised, and what they did."),
                order=10,
            ),
            Entry(
                _("Safety walks"),
                "public_walk_index",
                "",
                _("Coming walks where residents, the municipality and the police walk together."),
                order=20,
            ),
            Entry(
                _("Events calendar"),
                "public_event_index",
                "",
                _("Safety walks and citizen dialogues to come, and what came of them."),
                order=25,
            ),
            Entry(
                _("Safety survey"),
                "public_surveys_index",
                "",
                _("Tell us how safe you feel, and read what residents answered."),
                order=30,
            ),
            Entry(
                _("Unsafe places"),
                "public_tip_index",
                "",
                _("Tell the municipality about a place that feels unsafe, and see what is done."),
                order=40,
            ),
            Entry(
                _("Neighbourhood watch"),
                "public_watch_index",
                "",
                _("Where neighbours watch together with the police, and how to start."),
                order=45,
            ),
        )
        register_seeder("dialogues.pledges.demo.pledges_seed")
        register_seeder("dialogues.walks.demo.walks_seed")
        register_seeder("dialogues.survey.demo.survey_seed")
        register_collections(WALKS, FOLLOW_UPS, FINDINGS)
        # After every walks' seeder: the measures are made for the findings of the held walk.
        register_seeder("dialogues.measures.demo.measures_seed", order=110)
        # After the incidents' categories and the organisations, which the decisions use.
        register_seeder("dialogues.tips.demo.tips_seed", order=120)
        # After the pledges (a theme becomes a focus area) and the organisations.
        register_seeder("dialogues.dialogue.demo.dialogues_seed", order=130)
        register_seeder("dialogues.tips.places.imports.named_places_seed")
        register_seeder("dialogues.watch.demo.watch_seed", order=121)
        register_personal_data(TIPPERS)
        register_personal_data(WATCH_CONTACTS)
        register_report_section(
            ReportSection(
                key="pledges",
                title=_("Citizen pledges"),
                template="dialogues/pledges/report_pledges.html",
                gather=pledge_status_gather,
                present=pledge_status_present,
            )
        )
        register_report_section(
            ReportSection(
                key="safety_walks",
                title=_("Safety walks"),
                template="dialogues/walks/report_tertial.html",
                gather=walks_tertial_gather,
                present=walks_tertial_present,
            )
        )
        register_report_section(
            ReportSection(
                key="safety_survey",
                title=_("Safety survey"),
                template="dialogues/survey/report_tertial.html",
                gather=survey_tertial_gather,
                present=survey_tertial_present,
            )
        )
        register_report_section(
            ReportSection(
                key="residents_tips",
                title=_("Residents' tips"),
                template="dialogues/tips/report_tertial.html",
                gather=tips_tertial_gather,
                present=tips_tertial_present,
            )
        )
        register_report_section(
            ReportSection(
                key="neighbourhood_watch",
                title=_("Neighbourhood watch"),
                template="dialogues/watch/report_tertial.html",
                gather=watch_tertial_gather,
                present=watch_tertial_present,
            )
        )
        register_situation_source(
            SituationSource(
                key="safety_walks",
                title=_("findings on safety walks"),
                open_label=_("open findings of safety walks"),
                gather=walks_situation_gather,
            )
        )
        register_situation_source(
            SituationSource(
                key="tips",
                title=_("residents' tips"),
                open_label=_("open tips from residents"),
                gather=tips_situation_gather,
            )
        )
        register_situation_source(
            SituationSource(
                key="neighbourhood_watch",
                title=_("active neighbourhood watch groups"),
                open_label=_("active neighbourhood watch areas"),
                gather=watch_situation_gather,
            )
        )
