"""The embedded scheduler of `make run`: the case apps' periodic deadline jobs and the outbox drain in a thread
of the web process, so reminders reach open browsers through the in-memory channel layer with no other service.
Production runs the same jobs from Celery beat (docker/compose.yml `scheduler`)."""

import logging
import os
import sys
import threading

from django.conf import settings

log = logging.getLogger(__name__)
_started = False


def start_if_configured() -> None:
    global _started
    interval = getattr(settings, "EMBEDDED_SCHEDULER_SECONDS", 0)
    if _started or not interval:
        return
    # Only in the serving process: not in manage.py migrate/test, and not in runserver's autoreload parent.
    if "runserver" not in sys.argv or os.environ.get("RUN_MAIN") != "true" and "--noreload" not in sys.argv:
        return
    _started = True
    threading.Thread(target=_loop, args=(interval,), name="embedded-scheduler", daemon=True).start()
    log.info("embedded scheduler: deadline jobs every %s s", interval)


def run_once() -> None:
    """One tick: each deadline job of `settings.DEADLINE_JOBS` (by name), then whatever the outbox has due (mail
    a failed nudge or send left)."""
    from django.utils.module_loading import import_string

    from .outbox import drain_outbox

    for name in settings.DEADLINE_JOBS:
        try:
            import_string(name)()
        except Exception:  # noqa: BLE001 - the loop must survive one bad run
            log.exception("embedded deadline job %s failed", name)
    try:
        drain_outbox()
    except Exception:  # noqa: BLE001
        log.exception("embedded outbox drain failed")


def _loop(interval: int) -> None:
    import time

    from django.db import close_old_connections

    while True:
        time.sleep(interval)
        close_old_connections()
        run_once()
