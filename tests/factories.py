import factory
from django.utils import timezone

from accounts.models import CitizenProfile, User
from agencies.models import Agency, Membership, StaffRole, Unit, UnitKind

PASSWORD = "sandi-uji-yang-panjang-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.id")
    email_confirmed_at = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CitizenProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CitizenProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Warga {n}")
    address = "Jl. Contoh No. 1, Bandung"

    @factory.post_generation
    def nik(obj, create, extracted, **kwargs):
        obj.set_nik(extracted or "3273015505900001")
        if create:
            obj.save()


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Badan Publik {n}")
    slug = factory.Sequence(lambda n: f"badan-{n}")
    time_zone = "Asia/Jakarta"
    province_code = "32"
    # The agencies of the tests issue at once unless a test turns approval before issue on (issue 16 point 5).
    approval_before_issue = False


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Unit {n}")
    code = factory.Sequence(lambda n: f"U{n}")
    kind = UnitKind.PELAKSANA
    parent = factory.LazyAttribute(
        lambda u: Unit.objects.filter(agency=u.agency, kind=UnitKind.UTAMA).first()
    )


def make_agency(**kwargs) -> tuple[Agency, Unit, Unit]:
    """An agency with its PPID Utama and one PPID Pelaksana. Like an agency that existed before cuti bersama
    depended on the party (the data migration kept its single switch, off), it skips cuti bersama on every
    clock unless told otherwise: the worked dates of the tests around Idul Fitri 2026 rest on that."""
    kwargs.setdefault("cuti_bersama_agency_working_day", False)
    agency = AgencyFactory(**kwargs)
    utama = UnitFactory(
        agency=agency, kind=UnitKind.UTAMA, code="PPID", name=f"PPID Utama {agency.name}", parent=None
    )
    pelaksana = UnitFactory(agency=agency, code="DINKES", name="PPID Pelaksana Dinas Kesehatan")
    return agency, utama, pelaksana


def make_staff(unit: Unit, role: str = StaffRole.OFFICER, **kwargs) -> User:
    user = UserFactory(**kwargs)
    Membership.objects.create(user=user, unit=unit, role=role)
    return user
