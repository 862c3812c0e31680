"""Issue 14 point 7: a complaint's 60 days count from the day its file is complete (verification, Perpres
76/2013), rolled off non-working days; one filed more than 30 days after the incident is accepted with a warning
to staff (UU 25/2009 Pasal 42), never refused."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from complaints import services as c
from complaints.models import Complaint

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date
LATE_WARNING = "lebih dari 30 hari setelah kejadian"


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def file(world, **kwargs):
    data = {
        "agency": world.agency,
        "title": "Antrean puskesmas",
        "description": "Menunggu 5 jam tanpa kepastian",
        "category": "health",
        "location": "Puskesmas Sukajadi",
    }
    data.update(kwargs)
    return c.complaint_file(reporter=world.citizen, **data)[0]


def test_the_sixty_days_count_from_the_complete_file_and_roll_to_monday(world):
    with at(2026, 12, 18, 10):
        complaint = file(world)
    with at(2026, 12, 22, 10):  # verified: the file is complete
        c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    complaint = Complaint.objects.get(pk=complaint.pk)
    assert complaint.resolution_due == D(2027, 2, 22)  # 60 days end Saturday 20 February 2027
    step = complaint.deadline_log[-1]
    assert step["step"] == "resolution" and step["start"] == "2026-12-22" and step["last_day"] == "2027-02-20"
    assert "berkas lengkap" in step["explanation"]


def test_a_complaint_filed_late_is_accepted_and_staff_see_a_warning(world, client):
    with at(2026, 12, 22, 10):
        late = file(world, occurred_on=D(2026, 11, 1))
        timely = file(world, title="Lain", occurred_on=D(2026, 11, 30))
    assert late.pk and late.filed_after_incident_window is True
    assert timely.filed_after_incident_window is False
    client.force_login(world.admin)
    page = client.get(reverse("frontend:complaint_detail", args=[late.pk])).content.decode()
    assert LATE_WARNING in page
    page = client.get(reverse("frontend:complaint_detail", args=[timely.pk])).content.decode()
    assert LATE_WARNING not in page
    client.force_login(world.citizen)
    page = client.get(reverse("frontend:complaint_detail", args=[late.pk])).content.decode()
    assert LATE_WARNING not in page  # a warning to staff, not to the reporter
    api = APIClient()
    api.force_authenticate(world.admin)
    assert api.get(f"/api/v1/complaints/{late.pk}/").json()["filed_after_incident_window"] is True
