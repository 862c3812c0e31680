"""Number formats (agency settings): a format is accepted only if every number it can render fits the field it
is stored in, with the largest sequence the counter can hold, the longest unit code and any month."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from agencies import services
from agencies.models import Agency, RegistrationCounter, Unit
from agencies.numbering import NUMBER_FORMAT_SETTINGS, validate_number_format
from complaints.models import Complaint
from letters.models import IssuedLetter
from ppid.models import InformationRequest, Objection
from ppid.services.requests import SERIES

# Short with the sample values the check used to render (unit "PPID", sequence 1), over 100 characters with a
# unit code of 20 characters.
FIVE_UNITS = "{unit}/{unit}/{unit}/{unit}/{unit}/{seq}/{year}"
WIDE = "{seq:0120d}/{year}"  # 125 characters whatever the sequence


def test_every_number_format_setting_is_checked_against_its_field():
    stored_in = {
        "registration_number_format": InformationRequest._meta.get_field("registration_number"),
        "objection_number_format": Objection._meta.get_field("registration_number"),
        "complaint_number_format": Complaint._meta.get_field("tracking_number"),
        "letter_number_format": IssuedLetter._meta.get_field("number"),
    }
    formats = {f.name for f in Agency._meta.get_fields() if f.name.endswith("_number_format")}
    assert formats == set(stored_in) == set(NUMBER_FORMAT_SETTINGS) == set(SETTINGS)
    for name, field in stored_in.items():
        assert NUMBER_FORMAT_SETTINGS[name] == field.max_length, name


SETTINGS = [
    "registration_number_format",
    "objection_number_format",
    "complaint_number_format",
    "letter_number_format",
]


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("fmt", [FIVE_UNITS, WIDE, "{seq}" * 10 + "{year}", "{seq:>100}{year}"])
def test_a_format_that_can_render_too_long_is_refused(world, setting, fmt):
    before = Agency.objects.values_list(setting, flat=True).get(pk=world.agency.pk)
    with pytest.raises(ValidationError) as refused:
        services.agency_update_settings(actor=world.admin, agency=world.agency, data={setting: fmt})
    assert "100 karakter" in refused.value.message_dict[setting][0]
    assert Agency.objects.values_list(setting, flat=True).get(pk=world.agency.pk) == before


def test_the_agency_code_counts_with_its_own_length():
    fmt = "{agency}/{agency}/{seq}/{year}"
    validate_number_format(fmt, "registration_number_format", agency_slug="diskominfo")
    with pytest.raises(ValidationError):
        validate_number_format(fmt, "registration_number_format", agency_slug="d" * 45)


def test_a_huge_padding_is_refused_without_rendering_it(world):
    with pytest.raises(ValidationError):
        services.agency_update_settings(
            actor=world.admin,
            agency=world.agency,
            data={"registration_number_format": "{seq:0999999999999d}/{year}"},
        )


def test_the_settings_page_says_why_and_changes_nothing(world):
    client = Client()
    client.force_login(world.admin)
    url = reverse("frontend:agency_settings", args=[world.agency.slug])
    page = client.get(url)
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("on" if v is True else "" if v in (None, False) else v) for k, v in data.items()}
    data.update(registration_number_format=FIVE_UNITS, reason="Format baru")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "100 karakter" in response.content.decode()
    world.agency.refresh_from_db()
    assert world.agency.registration_number_format == "{seq:04d}/PPID/{month_roman}/{year}"


def test_defaults_and_a_format_at_the_limit_are_accepted_and_file_at_the_largest_sequence(
    world, file_request
):
    for setting in NUMBER_FORMAT_SETTINGS:
        validate_number_format(
            Agency._meta.get_field(setting).default, setting, agency_slug=world.agency.slug
        )
    longest = "{unit}/{agency}/{seq:010d}/{month_roman}/" + "X" * 30 + "/{year}"
    services.agency_update_settings(
        actor=world.admin, agency=world.agency, data={"registration_number_format": longest}
    )
    Unit.objects.filter(pk=world.pelaksana.pk).update(code="D" * 20)
    world.agency.refresh_from_db()
    world.pelaksana.refresh_from_db()
    year = timezone.localdate(timezone=world.agency.tzinfo).year
    RegistrationCounter.objects.create(
        agency=world.agency, series=SERIES, year=year, last_value=2_147_483_646
    )
    request = file_request(agency=world.agency, unit=world.pelaksana)
    assert len(request.registration_number) <= 100
    assert request.registration_number.startswith("D" * 20 + "/diskominfo/2147483647/")


def test_a_letter_number_format_without_the_unit_is_refused(world):
    """Letter numbers run per unit: without {unit} two units would issue the same number."""
    before = Agency.objects.values_list("letter_number_format", flat=True).get(pk=world.agency.pk)
    with pytest.raises(ValidationError) as refused:
        services.agency_update_settings(
            actor=world.admin,
            agency=world.agency,
            data={"letter_number_format": "{klasifikasi}/{seq}/{year}"},
        )
    assert "{unit}" in refused.value.message_dict["letter_number_format"][0]
    assert Agency.objects.values_list("letter_number_format", flat=True).get(pk=world.agency.pk) == before
