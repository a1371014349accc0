"""What the camera register holds about a person, for data subject requests (registered with
``est.data_subjects.registry`` in CamerasConfig.ready()): the footage kept now from the
municipality's cameras. Footage cannot be searched for a face or a name, so the extract lists
what is kept and when it goes; the staff look through what the person points at."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from est.data_subjects.registry import DataSubject, ExtractRow, PersonalDataHolder

from .models import Footage


def _when(moment) -> str:
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")


def footage_extract(subject: DataSubject) -> list[ExtractRow]:
    """Return the footage kept now from the cameras of the request's municipality, each with
    the time it shows and when it is deleted."""
    footage = (
        Footage.objects.kept()
        .filter(camera__municipality=subject.request.municipality)
        .select_related("camera")
        .order_by("recorded_from")
    )
    return [
        ExtractRow(
            item.camera.name,
            _("recorded %(start)s–%(end)s, deleted by %(purge)s")
            % {
                "start": _when(item.recorded_from),
                "end": _when(item.recorded_until),
                "purge": _when(item.purge_at),
            },
        )
        for item in footage
    ]


def footage_erase(subject: DataSubject) -> int:
    """Erase nothing at once: footage goes by its camera's retention (at most days), and
    footage on a legal hold is evidence the person cannot have erased."""
    return 0


FOOTAGE = PersonalDataHolder(
    key="camera_footage",
    label=gettext_lazy("Camera footage (deleted when its retention ends)"),
    extract=footage_extract,
    erase=footage_erase,
    order=60,
)
