import pytest


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Issued letters land in a throwaway directory, never in var/private."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT
