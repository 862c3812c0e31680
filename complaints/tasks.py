"""Periodic work of the complaints app."""

import logging

from celery import shared_task

log = logging.getLogger(__name__)


@shared_task
def run_deadline_jobs(now=None) -> dict:
    """Reminders of the complaints' clocks, then automatic closing (complaints.reminders)."""
    from .reminders import run_deadline_jobs as run

    result = run(now=now)
    log.info("complaint deadline jobs: %s", result)
    return result
