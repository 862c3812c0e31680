from tests.ppid.conftest import file_request, world  # noqa: F401
