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
#: Compiling, writing and publishing pictures.
SITUATION_EDIT = "situation.edit"
#: Reading every version of one's municipalities' tertial analyses; writing them.
TERTIAL_VIEW = "tertial.view"
TERTIAL_EDIT = "tertial.edit"

GRANTS = {
    INCIDENT_FILE: {Role.REPORTER, Role.COORDINATOR},
    INCIDENT_VIEW: {Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR},
    INCIDENT_READ: {Role.REPORTER, Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR},
    INCIDENT_TRIAGE: {Role.COORDINATOR, Role.ADMINISTRATOR},
    INCIDENT_IMPORT: {Role.COORDINATOR, Role.ADMINISTRATOR},
    CATEGORY_MANAGE: {Role.COORDINATOR, Role.ADMINISTRATOR},
    SITUATION_READ: STAFF,
    SITUATION_VIEW: {Role.COORDINATOR, Role.POLICE, Role.ADMINISTRATOR},
    SITUATION_EDIT: {Role.COORDINATOR, Role.ADMINISTRATOR},
    TERTIAL_VIEW: {Role.COORDINATOR, Role.POLICE, Role.COUNCIL, Role.ADMINISTRATOR},
    TERTIAL_EDIT: {Role.COORDINATOR, Role.ADMINISTRATOR},
}
