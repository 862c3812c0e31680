"""Periodic work of the transparency app."""

from celery import shared_task

from .summary import refresh_all


@shared_task
def refresh_transparency_summaries() -> int:
    """Rebuild every agency's statistics summary. Schedule it in CELERY_BEAT_SCHEDULE, e.g. hourly, as
    ``"transparency-summary": {"task": "transparency.tasks.refresh_transparency_summaries", "schedule": 3600}``."""
    return len(refresh_all())
