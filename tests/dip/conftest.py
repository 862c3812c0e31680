"""The register's published item with a file and a link, for the public pages' tests."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.register_helpers import PDF, publish


@pytest.fixture
def published(world):
    return publish(
        world,
        files=[SimpleUploadedFile("lra-2026.pdf", PDF)],
        links=[{"url": "https://example.org/lra.xlsx", "name": "Tabel LRA"}],
    )
