"""The pledges' status in a report on a municipality's period (the tertial analysis): which
pledges were in force, and where each activity stood on the period's last day.

``pledge_status_gather`` returns JSON-able data that the report stores in its snapshot;
``pledge_status_present`` turns the stored data into the section's template context. Registered
as a report section in DialoguesConfig.ready(); the report never imports this module.
"""

import datetime

from .models import Activity, Pledge, ProgressUpdate
from .progress import Progress, progress_of


def _in_force(municipality, start: datetime.date, end: datetime.date) -> list[Pledge]:
    """Return, per year the period touches, the newest version published before ``end``."""
    last_day = end - datetime.timedelta(days=1)
    versions = (
        Pledge.objects.for_municipality(municipality)
        .published()
        .filter(year__range=(start.year, last_day.year), published_at__date__lt=end)
        .order_by("year", "-version")
    )
    newest = {}
    for pledge in versions:
        newest.setdefault(pledge.year, pledge)
    return list(newest.values())


def _activities_on(pledge: Pledge, end: datetime.date) -> dict[int, list[dict]]:
    """Return the activities of ``pledge`` per focus area id, each with its status on the day
    before ``end``, the day that status began, and the latest progress reported by then.

    The status is read from the dated progress updates, not from the activity, so that a
    report on a past period says what was true then."""
    activities = Activity.objects.filter(focus_area__pledge=pledge).order_by(
        "focus_area__position", "focus_area", "position", "pk"
    )
    updates = ProgressUpdate.objects.filter(activity__in=activities, on__lt=end).order_by(
        "on", "pk"
    )
    state: dict[int, dict] = {}
    for update in updates.only("activity_id", "on", "text", "status"):
        known = state.setdefault(
            update.activity_id, {"status": Activity.Status.NOT_STARTED, "since": None}
        )
        if update.status != known["status"]:
            known.update(status=update.status, since=update.on.isoformat())
        known["latest"] = {"on": update.on.isoformat(), "text": update.text}
    per_focus_area: dict[int, list[dict]] = {}
    for activity in activities:
        known = state.get(activity.pk, {})
        per_focus_area.setdefault(activity.focus_area_id, []).append(
            {
                "description": activity.description,
                "responsible": activity.responsible,
                "partner": activity.partner,
                "target": activity.target,
                "starts_on": activity.starts_on and activity.starts_on.isoformat(),
                "status": str(known.get("status", Activity.Status.NOT_STARTED)),
                "since": known.get("since"),
                "latest": known.get("latest"),
            }
        )
    return per_focus_area


def pledge_status_gather(municipality, start: datetime.date, end: datetime.date) -> dict:
    """Return the pledges in force in [start, end) with their focus areas and activities, each
    activity's status on the last day and its latest progress in words, as JSON-able data."""
    pledges = []
    for pledge in _in_force(municipality, start, end):
        activities = _activities_on(pledge, end)
        followed_up = pledge.followed_up_on is not None and pledge.followed_up_on < end
        pledges.append(
            {
                "id": pledge.pk,
                "year": pledge.year,
                "version": pledge.version,
                "followed_up": followed_up,
                "follow_up": pledge.follow_up if followed_up else "",
                "focus_areas": [
                    {"title": focus_area.title, "activities": activities.get(focus_area.pk, [])}
                    for focus_area in pledge.focus_areas.all()
                ],
            }
        )
    return {
        "years": list(range(start.year, (end - datetime.timedelta(days=1)).year + 1)),
        "last_day": (end - datetime.timedelta(days=1)).isoformat(),
        "pledges": pledges,
    }


def _activity_shown(activity: dict) -> dict:
    """Return a stored activity as the activity templates read it: dates and labels."""
    return {
        **activity,
        "status_changed_on": activity["since"] and datetime.date.fromisoformat(activity["since"]),
        "starts_on": activity["starts_on"] and datetime.date.fromisoformat(activity["starts_on"]),
        "responsible_label": Activity.Responsible(activity["responsible"]).label,
        "latest_on": activity["latest"] and datetime.date.fromisoformat(activity["latest"]["on"]),
    }


def pledge_status_present(data: dict) -> dict:
    """Return the template context of the stored pledge status: each pledge with its progress,
    its focus areas with theirs, and the activities ready to show."""
    pledges = []
    for pledge in data["pledges"]:
        focus_areas = [
            {
                "title": focus_area["title"],
                "progress": progress_of(a["status"] for a in focus_area["activities"]),
                "activities": [_activity_shown(a) for a in focus_area["activities"]],
            }
            for focus_area in pledge["focus_areas"]
        ]
        pledges.append(
            {
                **pledge,
                "focus_areas": focus_areas,
                "progress": sum((f["progress"] for f in focus_areas), Progress()),
            }
        )
    return {
        "pledges": pledges,
        "years": data["years"],
        "last_day": datetime.date.fromisoformat(data["last_day"]),
    }
