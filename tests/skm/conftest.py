import pytest

from ppid import services as ppid_services

GRANT = {"decision": "granted", "provided_information": "Salinan DPA Dinas Kesehatan 2025."}


@pytest.fixture
def completed_request(world, file_request):
    """A request of the world's citizen, answered by the PPID and completed by the citizen herself."""

    def _make(user=None):
        user = user or world.citizen
        case = file_request(user=user)
        ppid_services.information_request_process(request_id=case.pk, actor=world.head)
        ppid_services.information_request_respond(request_id=case.pk, actor=world.head, **GRANT)
        return ppid_services.information_request_complete(request_id=case.pk, actor=user)

    return _make
