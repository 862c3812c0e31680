"""Periodic work of the requests app."""

import logging

from celery import shared_task

log = logging.getLogger(__name__)


@shared_task
def sweep_orphan_files() -> int:
    """Uploads a crash left without a row (see agencies.uploads.sweep_orphan_files)."""
    from agencies.uploads import sweep_orphan_files as sweep

    return len(sweep())


@shared_task
def run_deadline_jobs(now=None) -> dict:
    """Reminders of requests and objections, then automatic completions (ppid.reminders)."""
    from .reminders import run_deadline_jobs as run

    result = run(now=now)
    log.info("request deadline jobs: %s", result)
    return result
