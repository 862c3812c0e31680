import pytest

from agencies.models import StaffRole
from tests.factories import CitizenProfileFactory, make_agency, make_staff
from workcalendar.models import Holiday
from workcalendar.seed import seed_holidays


class World:
    """One agency (PPID Utama + Dinas Kesehatan), its staff, two citizens, and a second agency."""

    def __init__(self):
        seed_holidays(Holiday, years=[2026, 2027])
        self.agency, self.utama, self.pelaksana = make_agency(name="Diskominfo", slug="diskominfo")
        self.officer = make_staff(self.utama, StaffRole.OFFICER, username="petugas")
        self.head = make_staff(self.utama, StaffRole.PPID, username="kepala")
        self.pelaksana_officer = make_staff(self.pelaksana, StaffRole.OFFICER, username="pelaksana")
        self.atasan = make_staff(self.utama, StaffRole.ATASAN, username="atasan")
        self.auditor = make_staff(self.utama, StaffRole.AUDITOR, username="auditor")
        self.admin = make_staff(self.utama, StaffRole.ADMIN, username="admin")
        self.citizen = CitizenProfileFactory(user__username="pemohon", name="Siti").user
        self.other_citizen = CitizenProfileFactory(user__username="pemohon2", name="Budi").user
        self.other_agency, self.other_utama, _ = make_agency(name="Dinas Lain", slug="dinas-lain")
        self.outsider = make_staff(self.other_utama, StaffRole.OFFICER, username="luar")


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def file_request(world):
    from ppid.services import information_request_file

    def _file(user=None, **kwargs):
        data = {
            "agency": world.agency,
            "information_requested": "Dokumen anggaran Dinas Kesehatan tahun 2025",
            "purpose": "Penelitian",
            "obtain_method": "softcopy",
            "delivery_method": "email",
        }
        data.update(kwargs)
        return information_request_file(requester=user or world.citizen, **data)

    return _file
