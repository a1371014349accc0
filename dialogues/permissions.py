"""The dialogues app's permissions: each name once, as a constant, with the roles that hold it.
``DialoguesConfig.ready`` grants them."""

from est.roles import Role

#: Reading every version of one's municipalities' pledges, drafts included.
PLEDGE_VIEW = "pledge.view"
#: Coordinator and police write the draft of a year together.
PLEDGE_EDIT = "pledge.edit"
PLEDGE_PUBLISH = "pledge.publish"
#: Writing the cooperation agreement with the police and its commitments: both parties.
AGREEMENT_EDIT = "agreement.edit"
COMMENT_MODERATE = "comment.moderate"
#: Planning, announcing, moving and cancelling safety walks.
WALK_PLAN = "walk.plan"
#: Reading measures at all; what one reads is MeasureQuerySet.for_user (own organisation's for
#: measure owners).
MEASURE_READ = "measure.read"
#: Creating measures from findings, changing what and who, and choosing the public photos.
MEASURE_MANAGE = "measure.manage"
#: Moving a measure through its statuses, with the note and photo when done.
MEASURE_PROGRESS = "measure.progress"
#: Recording findings, audits and participants on a walk: whoever plans walks, and the staff
#: who walk with them (reporters, police, council members). A measure owner only updates measures.
WALK_RECORD = "walk.record"
#: Reading the survey's waves and their results (aggregates only: nobody reads a response).
SURVEY_VIEW = "survey.view"
#: Composing, opening and closing waves and making their invitation codes.
SURVEY_MANAGE = "survey.manage"

#: Planning and announcing dialogue occasions, recording what was heard (notes, views) and
#: answering the themes.
DIALOGUE_MANAGE = "dialogue.manage"

#: Reading residents' tips with their photos and addresses, deciding on them and publishing them.
TIP_TRIAGE = "tip.triage"

#: Keeping neighbourhood watch groups, their contact persons, and writing to them.
WATCH_MANAGE = "watch.manage"

GRANTS = {
    PLEDGE_VIEW: {Role.COORDINATOR, Role.POLICE, Role.COUNCIL, Role.ADMINISTRATOR},
    PLEDGE_EDIT: {Role.COORDINATOR, Role.POLICE},
    PLEDGE_PUBLISH: {Role.COORDINATOR},
    AGREEMENT_EDIT: {Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR},
    COMMENT_MODERATE: {Role.COORDINATOR},
    WALK_PLAN: {Role.COORDINATOR, Role.ADMINISTRATOR},
    MEASURE_READ: {Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR, Role.MEASURE_OWNER},
    MEASURE_MANAGE: {Role.COORDINATOR, Role.ADMINISTRATOR},
    MEASURE_PROGRESS: {Role.COORDINATOR, Role.ADMINISTRATOR, Role.MEASURE_OWNER},
    SURVEY_VIEW: {Role.COORDINATOR, Role.POLICE, Role.COUNCIL, Role.ADMINISTRATOR},
    SURVEY_MANAGE: {Role.COORDINATOR, Role.ADMINISTRATOR},
    TIP_TRIAGE: {Role.COORDINATOR},
    DIALOGUE_MANAGE: {Role.COORDINATOR, Role.ADMINISTRATOR},
    WATCH_MANAGE: {Role.COORDINATOR, Role.POLICE},
    WALK_RECORD: {
        Role.COORDINATOR,
        Role.ADMINISTRATOR,
        Role.POLICE,
        Role.REPORTER,
        Role.COUNCIL,
    },
}
