"""Where Django finds the reports app's models: each feature keeps its own, named here."""

from reports.council.meetings import (
    CouncilDecision,
    CouncilMeeting,
    CouncilMember,
    MeetingDocument,
)
from reports.council.models import Priority
from reports.council.plan_models import ActionPlan, Activity, Goal
from reports.incidents.models import (
    Category,
    Incident,
    IncidentCell,
    IncidentDayCount,
    IncidentImport,
    IncidentMapChange,
    IncidentMunicipalityCell,
    IncidentPhoto,
)
from reports.situation.models import (
    Intervention,
    Observation,
    PictureMeeting,
    SituationPicture,
    WorkingGroupMember,
)
from reports.tertial.models import TertialAnalysis

__all__ = [
    "ActionPlan",
    "Activity",
    "Goal",
    "Category",
    "CouncilDecision",
    "CouncilMeeting",
    "CouncilMember",
    "Incident",
    "IncidentCell",
    "IncidentMapChange",
    "IncidentMunicipalityCell",
    "IncidentDayCount",
    "IncidentImport",
    "IncidentPhoto",
    "Intervention",
    "MeetingDocument",
    "Observation",
    "PictureMeeting",
    "Priority",
    "SituationPicture",
    "TertialAnalysis",
    "WorkingGroupMember",
]
