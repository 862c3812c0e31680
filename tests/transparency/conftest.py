import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from complaints import services as c
from ppid import services as s
from tests.ppid.conftest import file_request, world  # noqa: F401

WIB = ZoneInfo("Asia/Jakarta")
# The moment the figures of the scenario are computed: Monday 4 May 2026, 10:00 WIB.
AT = dt.datetime(2026, 5, 4, 10, tzinfo=WIB)
# Unmistakable personal data and free text: none of it may ever appear in a statistic or an export.
SECRET_REQUEST = "Salinan kontrak PT Rahasia Sejahtera nomor 77"
SECRET_PURPOSE = "Gugatan perdata pribadi Siti"
SECRET_COMPLAINT = "Petugas loket bernama Joko meminta pungutan"
SECRET_NOTE = "Catatan-internal-Wibowo"
# Everything personal or free-text the scenario writes, including the world's citizens (tests/factories.py).
SECRETS = [
    SECRET_REQUEST,
    SECRET_PURPOSE,
    SECRET_COMPLAINT,
    SECRET_NOTE,
    "Siti",
    "Budi",
    "3273015505900001",
    "Jl. Contoh",
    "pemohon@example.id",
    "pemohon2@example.id",
]


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


class Scenario:
    """Built through the real services, with the expected figures worked out by hand in the tests.

    Requests of Diskominfo (WIB, cuti bersama skipped), days counted with day of receipt = day 0:
      r1 Fri 13 Mar (Utama)     granted           Wed 25 Mar: 3 working days (16, 17, 25), completed 26 Mar
      r2 Fri 13 Mar (Pelaksana) rejected a + h    Mon  6 Apr: 10 (its due date), objected (o1)
      r3 Mon 16 Mar (Utama)     extended 1 Apr, due 7 → 16 Apr; partially granted (h) Thu 16 Apr: 17
      r4 Fri 13 Mar (Utama)     withdrawn 16 Mar
      r5 Wed  1 Apr (Utama)     still registered; due 16 Apr, so past due; 21 working days old on 4 May
      r6 Thu  2 Apr (Pelaksana) not held          Mon 20 Apr: 11 (due 17 Apr: late), objected (o2)
      r8 Mon  4 May 09:00 (Utama) registered, 0 working days old
      r7 Fri 13 Mar at the other agency, still registered
    Objections: o1 Wed 8 Apr on r2 (a), upheld Fri 10 Apr; o2 Tue 21 Apr on r6 (d, g), still open.
    Dispute: on o1, filed at the KI Mon 20 Apr; mediation failed; decided 30 Apr for the agency.
    Complaints: c1 13 Mar health, verified 16 Mar (on time), follow-up 1 Apr (late, due 30 Mar), rated 4
      on 2 Apr; c2 13 Mar permits, anonymous without an account, never verified (late since 25 Mar);
      c3 1 Apr health, archived the same day as spam; c4 2 Apr staff conduct, verified 2 Apr, follow-up
      6 Apr (due 10 Apr), rated 2 on 7 Apr.
    """

    def __init__(self, the_world, file_a_request):
        self.world = w = the_world
        file_one = file_a_request
        officer, pelaksana = w.officer, w.pelaksana_officer
        secret = {"information_requested": SECRET_REQUEST, "purpose": SECRET_PURPOSE}
        with at(2026, 3, 13, 10):
            self.r1 = file_one(**secret)
            self.c1, _ = c.complaint_file(
                reporter=w.citizen,
                agency=w.agency,
                title=SECRET_NOTE,
                description=SECRET_COMPLAINT,
                category="health",
                location="Jl. Contoh No. 1, Bandung",
            )
            self.c2, _ = c.complaint_file(
                reporter=None,
                agency=w.agency,
                title=SECRET_NOTE,
                description=SECRET_COMPLAINT,
                category="permits",
                anonymous=True,
            )
        with at(2026, 3, 13, 11):
            self.r2 = file_one(unit=w.pelaksana, **secret)
        with at(2026, 3, 13, 14):
            self.r4 = file_one(**secret)
            self.r7 = file_one(agency=w.other_agency, **secret)
        with at(2026, 3, 16, 9):
            self.r3 = file_one(**secret)
            s.information_request_withdraw(request_id=self.r4.pk, actor=w.citizen, reason=SECRET_NOTE)
            c.complaint_verify(complaint_id=self.c1.pk, actor=w.admin, unit=w.pelaksana)
        with at(2026, 3, 25, 10):
            s.information_request_process(request_id=self.r1.pk, actor=officer)
            s.information_request_respond(
                request_id=self.r1.pk, actor=officer, decision="granted", provided_information=SECRET_NOTE
            )
        with at(2026, 3, 26, 10):
            s.information_request_complete(request_id=self.r1.pk, actor=officer)
        with at(2026, 4, 1, 10):
            self.r5 = file_one(**secret)
            s.information_request_process(request_id=self.r3.pk, actor=officer)
            s.information_request_extend(request_id=self.r3.pk, actor=officer, reason=SECRET_NOTE)
            self.c3, _ = c.complaint_file(
                reporter=w.other_citizen,
                agency=w.agency,
                title=SECRET_NOTE,
                description=SECRET_COMPLAINT,
                category="health",
            )
            c.complaint_archive(complaint_id=self.c3.pk, actor=w.admin, reason="spam")
            c.complaint_respond(complaint_id=self.c1.pk, actor=pelaksana, message=SECRET_NOTE)
        with at(2026, 4, 2, 10):
            self.r6 = file_one(user=w.other_citizen, unit=w.pelaksana, **secret)
            c.complaint_confirm(complaint_id=self.c1.pk, actor=w.citizen, rating=4, comment=SECRET_NOTE)
            self.c4, _ = c.complaint_file(
                reporter=w.citizen,
                agency=w.agency,
                title=SECRET_NOTE,
                description=SECRET_COMPLAINT,
                category="staff_conduct",
            )
            c.complaint_verify(complaint_id=self.c4.pk, actor=w.admin, unit=w.pelaksana)
        with at(2026, 4, 6, 15):
            s.information_request_process(request_id=self.r2.pk, actor=pelaksana)
            s.information_request_respond(
                request_id=self.r2.pk,
                actor=pelaksana,
                decision="rejected",
                exemption_grounds=["h", "a"],
                consequence_test=SECRET_NOTE,
            )
            c.complaint_respond(complaint_id=self.c4.pk, actor=pelaksana, message=SECRET_NOTE)
        with at(2026, 4, 7, 10):
            c.complaint_confirm(complaint_id=self.c4.pk, actor=w.citizen, rating=2)
        with at(2026, 4, 8, 10):
            self.o1 = s.objection_file(
                requester=w.citizen, request_id=self.r2.pk, grounds=["a"], reason=SECRET_NOTE
            )
        with at(2026, 4, 10, 10):
            s.objection_decide(objection_id=self.o1.pk, actor=w.atasan, outcome="upheld", reasons=SECRET_NOTE)
        with at(2026, 4, 16, 14):
            s.information_request_respond(
                request_id=self.r3.pk,
                actor=officer,
                decision="partially_granted",
                exemption_grounds=["h"],
                consequence_test=SECRET_NOTE,
                provided_information=SECRET_NOTE,
                redactions=SECRET_NOTE,
            )
        with at(2026, 4, 20, 10):
            s.information_request_process(request_id=self.r6.pk, actor=pelaksana)
            s.information_request_respond(
                request_id=self.r6.pk, actor=pelaksana, decision="not_held", holding_body=SECRET_NOTE
            )
            self.dispute = s.dispute_register(
                objection_id=self.o1.pk,
                actor=officer,
                commission="Komisi Informasi Provinsi Jawa Barat",
                ki_register_number="001/IV/KI-JBR-PS/2026",
                filed_on=dt.date(2026, 4, 20),
            )
        with at(2026, 4, 21, 10):
            self.o2 = s.objection_file(
                requester=w.other_citizen, request_id=self.r6.pk, grounds=["d", "g"], reason=SECRET_NOTE
            )
        with at(2026, 4, 30, 15):
            s.dispute_update(
                dispute_id=self.dispute.pk,
                actor=officer,
                mediation_result="failed",
                result="agency_won",
                decision_on=dt.date(2026, 4, 30),
            )
        with at(2026, 5, 4, 9):
            self.r8 = file_one(**secret)


@pytest.fixture
def scenario(world, file_request):  # noqa: F811 - the fixtures imported above
    return Scenario(world, file_request)
