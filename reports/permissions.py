"""The reports app's permissions: each name once, as a constant, with the roles that hold it.
Views, services and templates' context use the constants; ``ReportsConfig.ready`` grants them."""

from est.roles import STAFF, Role

#: Filing: coordinators, and reporters once trained (checked when filing).
INCIDENT_FILE = "incident.file"
#: Reading every incident of one's municipalities.
INCIDENT_VIEW = "incident.view"
#: Reading incidents at all; what one reads is IncidentQuerySet.for_user (own for reporters).
INCIDENT_READ = "incident.read"
INCIDENT_TRIAGE = "incident.triage"
INCIDENT_IMPORT = "incident.import"
CATEGORY_MANAGE = "category.manage"
#: Opening a situation picture at all (what one reads is SituationPictureQuerySet.for_user:
#: shared organisations read published ones).
SITUATION_READ = "situation.read"
#: Reading every published picture of one's municipalities.
SITUATION_VIEW = "situation.view"
#: Adding observations and comments to a draft picture (what one may add to is decided by the
#: municipality's working group, see reports.situation.observations).
SITUATION_OBSERVE = "situation.observe"
#: Naming the organisations of a municipality's working group.
WORKING_GROUP_MANAGE = "working_group.manage"
#: Compiling, writing and publishing pictures.
SITUATION_EDIT = "situation.edit"
#: Reading every version of one's municipalities' tertial analyses; writing them.
TERTIAL_VIEW = "tertial.view"
TERTIAL_EDIT = "tertial.edit"
#: Reading the council of one's municipalities: members, meetings, decisions.
COUNCIL_VIEW = "council.view"
#: Keeping the council's record.
COUNCIL_EDIT = "council.edit"
#: Reading the action plans of one's municipalities: goals, indicators and activities.
PLAN_VIEW = "plan.view"
#: Writing and adopting the action plan (council members read it, never edit it).
PLAN_EDIT = "plan.edit"
#: Recording the management group's priorities on an adopted analysis.
PRIORITY_MANAGE = "priority.manage"

GRANTS = {
    INCIDENT_FILE: {Role.REPORTER, Role.COORDINATOR},
    INCIDENT_VIEW: {Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR},
    INCIDENT_READ: {Role.REPORTER, Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR},
    INCIDENT_TRIAGE: {Role.COORDINATOR, Role.ADMINISTRATOR},
    INCIDENT_IMPORT: {Role.COORDINATOR, Role.ADMINISTRATOR},
    CATEGORY_MANAGE: {Role.COORDINATOR, Role.ADMINISTRATOR},
    SITUATION_READ: STAFF,
    SITUATION_VIEW: {Role.COORDINATOR, Role.POLICE, Role.COUNCIL, Role.ADMINISTRATOR},
    SITUATION_OBSERVE: STAFF,
    WORKING_GROUP_MANAGE: {Role.COORDINATOR, Role.ADMINISTRATOR},
    SITUATION_EDIT: {Role.COORDINATOR, Role.ADMINISTRATOR},
    TERTIAL_VIEW: {Role.COORDINATOR, Role.POLICE, Role.COUNCIL, Role.ADMINISTRATOR},
    TERTIAL_EDIT: {Role.COORDINATOR, Role.ADMINISTRATOR},
    PRIORITY_MANAGE: {Role.COORDINATOR, Role.ADMINISTRATOR},
    COUNCIL_VIEW: {Role.COORDINATOR, Role.POLICE, Role.COUNCIL, Role.ADMINISTRATOR},
    COUNCIL_EDIT: {Role.COORDINATOR, Role.ADMINISTRATOR},
    PLAN_VIEW: {Role.COORDINATOR, Role.POLICE, Role.COUNCIL, Role.ADMINISTRATOR},
    PLAN_EDIT: {Role.COORDINATOR, Role.ADMINISTRATOR},
}
