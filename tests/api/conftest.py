import pytest
from rest_framework.test import APIClient

from tests.ppid.conftest import file_request, world  # noqa: F401


@pytest.fixture
def api():
    def client_for(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return client_for
