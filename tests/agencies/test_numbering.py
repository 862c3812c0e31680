"""Registration numbers of every series carry the year and month of the agency's own clock: a case received
in the first hours of the new year in Jakarta is numbered in the new year, though it is still the old one in UTC."""

import datetime as dt

import time_machine

from complaints.services import complaint_file
from ppid import services as s

# 1 January 2027, 03:00 WIB.
NEW_YEAR_IN_JAKARTA = dt.datetime(2026, 12, 31, 20, tzinfo=dt.UTC)


def test_every_series_numbers_by_the_agency_clock(world, file_request):
    with time_machine.travel(dt.datetime(2026, 12, 30, 3, tzinfo=dt.UTC), tick=False):
        late_december = file_request()
        s.information_request_process(request_id=late_december.pk, actor=world.officer)
        s.information_request_respond(
            request_id=late_december.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Dokumen memuat data pribadi pihak lain.",
        )
    with time_machine.travel(NEW_YEAR_IN_JAKARTA, tick=False):
        request = file_request()
        complaint, _code = complaint_file(
            reporter=world.citizen,
            agency=world.agency,
            title="Loket tutup",
            description="Loket pelayanan tutup pada jam kerja.",
            category="other",
        )
        objection = s.objection_file(
            requester=world.citizen,
            request_id=late_december.pk,
            grounds=["a"],
            reason="Anggaran bukan rahasia pribadi.",
        )
    assert late_december.registration_number == "0001/PPID/XII/2026"
    assert (request.registration_number, request.registration_year, request.registration_sequence) == (
        "0001/PPID/I/2027",
        2027,
        1,
    )
    assert (complaint.tracking_number, complaint.registration_year) == ("ADU/2027/00001", 2027)
    assert objection.registration_number.endswith("/I/2027")
    assert objection.registration_sequence == 1
