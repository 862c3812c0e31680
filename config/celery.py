"""The Celery app. With REDIS_URL it uses Redis as broker; without it tasks run eagerly in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("ppid")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
