"""Celery tasks of reports: compiling the situation pictures when their period ends."""

from celery import shared_task

from .situation import situation_picture_compile, situation_pictures_due


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
