"""The models of every dialogues feature, named here so that Django finds them in the app.

Each feature keeps its models in its own folder; this module only imports them.
"""

from dialogues.dialogue.models import (
    Attendance,
    DialogueOccasion,
    DialogueTheme,
    DialogueView,
    ThemeResponse,
)
from dialogues.measures.models import Measure, OverdueListMailing
from dialogues.pledges.models import (
    Activity,
    AgreementCommitment,
    Comment,
    CooperationAgreement,
    FocusArea,
    Pledge,
    ProgressUpdate,
    # Migration 0001 names the upload path of progress attachments by this module.
    attachment_path,
)
from dialogues.survey.models import InvitationCode, SurveyResponse, SurveyWave
from dialogues.tips.models import Tip
from dialogues.tips.open311.keys import Open311Client
from dialogues.tips.places.models import NamedPlace
from dialogues.walks.models import (
    Finding,
    FindingCategory,
    FindingPhoto,
    ParticipantCount,
    SafetyWalk,
    StretchAudit,
)
from dialogues.watch.models import WatchContact, WatchGroup, WatchLetter

__all__ = [
    "Activity",
    "Attendance",
    "AgreementCommitment",
    "Comment",
    "CooperationAgreement",
    "DialogueOccasion",
    "DialogueTheme",
    "DialogueView",
    "Finding",
    "FindingCategory",
    "FindingPhoto",
    "FocusArea",
    "InvitationCode",
    "Measure",
    "NamedPlace",
    "Open311Client",
    "OverdueListMailing",
    "ParticipantCount",
    "Pledge",
    "ProgressUpdate",
    "SafetyWalk",
    "StretchAudit",
    "SurveyResponse",
    "SurveyWave",
    "ThemeResponse",
    "Tip",
    "WatchContact",
    "WatchGroup",
    "WatchLetter",
    "attachment_path",
]
