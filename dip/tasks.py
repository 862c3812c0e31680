"""Periodic work of the register: its deadline job (listed in `settings.DEADLINE_JOBS`)."""

import logging

from celery import shared_task

log = logging.getLogger(__name__)


@shared_task
def run_deadline_jobs(now=None) -> dict:
    """The berkala update reminders and the DIK review reminders (dip.reminders)."""
    from .reminders import run_deadline_jobs as run

    result = run(now=now)
    log.info("register deadline jobs: %s", result)
    return result
