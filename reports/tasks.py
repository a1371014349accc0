"""Celery tasks of reports: compiling the situation pictures and tertial analyses when their
period ends, and polling the police's open events."""

from celery import shared_task

from reports.situation.compile import situation_picture_compile, situation_pictures_due


@shared_task
def compile_due_situation_pictures() -> int:
    """Beat: make each municipality's picture of the period that just ended and queue its
    compiling, one task per picture so that workers share the 290. Returns how many were queued.
    """
    due = situation_pictures_due()
    for picture_id in due:
        compile_situation_picture.delay(picture_id)
    return len(due)


@shared_task
def compile_situation_picture(picture_id: int) -> bool:
    """Compile one picture if it still waits for it; a second run finds it claimed or done."""
    return situation_picture_compile(picture_id=picture_id)


@shared_task
def compile_due_tertial_analyses() -> int:
    """Beat: draft each municipality's analysis of the tertial that just ended and queue its
    compiling, one task per analysis. Returns how many were queued."""
    from reports.tertial.compile import tertial_analyses_due

    due = tertial_analyses_due()
    for analysis_id in due:
        compile_tertial_analysis.delay(analysis_id)
    return len(due)


@shared_task
def compile_tertial_analysis(analysis_id: int) -> bool:
    """Compile one analysis if it still waits for it; a second run finds it claimed or done."""
    from reports.tertial.compile import tertial_analysis_compile

    return tertial_analysis_compile(analysis_id=analysis_id)


@shared_task
def render_tertial_analysis(analysis_id: int) -> bool:
    """Render one analysis's PDF if it is queued and its inputs changed."""
    from reports.tertial.rendering import tertial_analysis_render

    return tertial_analysis_render(analysis_id=analysis_id)


@shared_task(time_limit=120, soft_time_limit=100)
def poll_police_events() -> int | None:
    """Beat, every 10 minutes: import the police's latest open events. Safe to run twice: an
    event seen before is updated by its id. Returns how many were created, None on failure."""
    from reports.incidents.police_poll import police_events_poll

    result = police_events_poll()
    return None if result is None else result.created
