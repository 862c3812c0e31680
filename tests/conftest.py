import os

import pytest
from django.db import connection

# The fixtures every package shares (world, file_request, scenario); a package's conftest.py may override one.
pytest_plugins = [
    "tests.fixtures.world",
    "tests.fixtures.requests",
    "tests.fixtures.scenario",
    "tests.fixtures.orders",
    "tests.fixtures.signing",
]


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` need PostgreSQL; `browser` ones need Chromium. Elsewhere they are skipped,
    but in CI (CI=true) nothing may be skipped: a missing server or browser fails the run instead."""
    in_ci = os.environ.get("CI", "").lower() == "true"
    on_pg = connection.vendor == "postgresql"
    has_chromium = os.path.exists(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    if in_ci and any("postgres" in item.keywords for item in items) and not on_pg:
        raise pytest.UsageError("CI must run on PostgreSQL: set DATABASE_URL=postgres://...")
    if in_ci and any("browser" in item.keywords for item in items) and not has_chromium:
        raise pytest.UsageError("CI needs Chromium at /usr/bin/chromium (apt-get install chromium).")
    for item in items:
        if "postgres" in item.keywords and not on_pg:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)"))
        if "browser" in item.keywords and not has_chromium:
            item.add_marker(pytest.mark.skip(reason="needs Chromium at /usr/bin/chromium"))


@pytest.fixture(autouse=True)
def _english_free_defaults(settings):
    """Tests see the Indonesian default unless they ask for another language."""
    settings.LANGUAGE_CODE = "id"


@pytest.fixture(autouse=True)
def _reset_axes_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _no_websocket_on_the_wsgi_live_server(request, settings):
    """pytest-django's live server speaks WSGI only: pages there must not open the notifications websocket
    (Chromium would log the refused connection). The live-update test runs its own ASGI server."""
    if "browser" in request.keywords:
        settings.LIVE_UPDATES = False
