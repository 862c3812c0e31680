"""Periodic work of the requests app."""

from celery import shared_task


@shared_task
def sweep_orphan_files() -> int:
    """Uploads a crash left without a row (see ppid.uploads.sweep_orphan_files)."""
    from .uploads import sweep_orphan_files as sweep

    return len(sweep())
