#!/bin/sh
# web: migrate, then serve HTTP and websockets with daphne. worker / scheduler: Celery.
set -e
case "$1" in
  web)
    python manage.py migrate --noinput
    # No proxy-headers option: daphne would take the client address from the leftmost X-Forwarded-For, which the client
    # writes. Behind a reverse proxy set TRUSTED_PROXY_COUNT instead (accounts/ratelimit.py reads the header).
    exec daphne --bind 0.0.0.0 --port "${PORT:-8000}" config.asgi:application
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
