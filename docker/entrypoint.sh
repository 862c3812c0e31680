#!/bin/sh
# web: migrate, then serve HTTP and websockets with daphne. worker / scheduler: Celery.
set -e
case "$1" in
  web)
    python manage.py migrate --noinput
    exec daphne --bind 0.0.0.0 --port "${PORT:-8000}" --proxy-headers config.asgi:application
    ;;
  worker)
    exec celery -A config worker --loglevel "${LOG_LEVEL:-INFO}" --concurrency "${CELERY_CONCURRENCY:-2}"
    ;;
  scheduler)
    exec celery -A config beat --loglevel "${LOG_LEVEL:-INFO}" --schedule /tmp/celerybeat-schedule
    ;;
  *)
    exec "$@"
    ;;
esac
