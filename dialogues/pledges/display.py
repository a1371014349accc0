"""What a reader sees of one version of a pledge: shared by the public page, its PDF and staff."""

from django.db.models import Prefetch
from django.utils import timezone

from ..walks.models import SafetyWalk
from .indicators import focus_area_indicator
from .models import Activity, FocusArea, Pledge
from .progress import Progress


def pledge_for_display(queryset):
    """Return ``queryset`` of pledges with everything the pledge pages show fetched up front."""
    return queryset.select_related("municipality", "agreement", "supersedes").prefetch_related(
        Prefetch(
            "focus_areas",
            FocusArea.objects.prefetch_related(
                "areas",
                Prefetch("activities", Activity.objects.prefetch_related("updates")),
                Prefetch(
                    "walks",
                    SafetyWalk.objects.with_progress()
                    .select_related("municipality")
                    .order_by("starts_at"),
                ),
            ),
        )
    )


def pledge_page_context(pledge: Pledge) -> dict:
    """Return the template context of a pledge: the pledge, its focus areas with their progress
    and incident indicator (None where they name no category), the progress of the whole
    pledge (the sum of its focus areas; None without any), and ``now`` (which of the focus
    areas' walks have been held)."""
    focus_areas = [
        (focus_area, focus_area.progress(), focus_area_indicator(focus_area))
        for focus_area in pledge.focus_areas.all()
    ]
    total = sum((progress for _, progress, _ in focus_areas), Progress())
    return {
        "pledge": pledge,
        "focus_areas": focus_areas,
        "progress": total if focus_areas else None,
        "now": timezone.now(),
    }
