"""Internal notes (issue 16 point 3): what note_add checks and what it records."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import translation

from audit.models import Event
from audit.selectors import event_reason
from casenotes.events import NOTE_ADDED
from casenotes.models import CaseNote
from casenotes.selectors import may_see_notes, notes_for
from casenotes.services import note_add
from ppid import services as s
from ppid.events import REQUEST_FORWARD
from tests.factories import CitizenProfileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_an_empty_note_is_refused_in_words_and_nothing_is_kept(world, file_request, text):
    request = file_request()
    with translation.override("id"), pytest.raises(ValidationError) as error:
        note_add(case=request, author=world.officer, text=text)
    assert error.value.message_dict == {"text": ["Tuliskan isi catatan internal."]}
    assert not CaseNote.objects.exists()
    assert not Event.objects.filter(action=NOTE_ADDED).exists()


def test_an_overlong_note_is_refused_with_the_limit(world, file_request):
    request = file_request()
    with translation.override("id"), pytest.raises(ValidationError) as error:
        note_add(case=request, author=world.officer, text="x" * (settings.LONG_TEXT_MAX_CHARS + 1))
    assert error.value.message_dict["text"] == [
        f"Catatan internal paling banyak {settings.LONG_TEXT_MAX_CHARS} karakter."
    ]
    assert not CaseNote.objects.exists()


def test_the_english_message(world, file_request):
    request = file_request()
    with translation.override("en"), pytest.raises(ValidationError) as error:
        note_add(case=request, author=world.officer, text="")
    assert error.value.message_dict == {"text": ["Write the internal note."]}


def test_a_note_is_kept_with_its_author_and_audited_on_the_note_not_on_the_case(world, file_request):
    request = file_request()
    note = note_add(case=request, author=world.officer, text="  Cek arsip lantai 2.  ")
    assert note.text == "Cek arsip lantai 2."
    assert list(notes_for(request)) == [note]
    assert note.author == world.officer and note.agency == world.agency

    event = Event.objects.get(action=NOTE_ADDED)
    assert event.actor == world.officer and event.agency == world.agency
    assert event.details == {"case_type": "ppid.informationrequest", "case_id": request.pk}
    assert "Cek arsip" not in event.object_repr
    # Not on the case's own trail, which every case timeline reads; its text is for staff only anyway.
    assert not Event.objects.for_object(request).filter(action=NOTE_ADDED).exists()
    assert event_reason(event, staff_view=False) == ""
    assert event_reason(event, staff_view=True) == "Cek arsip lantai 2."


def test_someone_who_may_not_see_the_case_as_staff_cannot_write_and_nothing_is_kept(world, file_request):
    request = file_request()  # in the PPID Utama: the Pelaksana officer does not reach it
    for user in (world.citizen, world.other_citizen, world.pelaksana_officer, world.outsider):
        with pytest.raises(Http404):
            note_add(case=request, author=user, text="Catatan")
    assert not CaseNote.objects.exists()


def test_staff_who_filed_the_request_themselves_do_not_see_its_notes(world, file_request):
    # An officer of the Utama may file as a citizen; their own request's notes are about them.
    CitizenProfileFactory(user=world.officer, name="Petugas sebagai warga")
    request = file_request(user=world.officer)
    note_add(case=request, author=world.head, text="Catatan")
    assert not may_see_notes(world.officer, request)
    assert may_see_notes(world.head, request)
    with pytest.raises(Http404):
        note_add(case=request, author=world.officer, text="Catatan")


def test_notes_of_one_case_are_not_anothers(world, file_request):
    first, second = file_request(), file_request()
    note_add(case=first, author=world.officer, text="Satu")
    assert list(notes_for(second)) == []


def test_a_forward_note_becomes_an_internal_note_and_stays_on_the_forward_event(world, file_request):
    request = file_request()
    s.information_request_forward(
        request_id=request.pk, actor=world.officer, unit=world.pelaksana, note="Datanya di Dinkes."
    )
    [note] = notes_for(request)
    assert (note.text, note.author) == ("Datanya di Dinkes.", world.officer)
    forward = Event.objects.for_object(request).get(action=REQUEST_FORWARD)
    assert forward.reason == "Datanya di Dinkes."


def test_a_forward_without_a_note_adds_none(world, file_request):
    request = file_request()
    s.information_request_forward(request_id=request.pk, actor=world.officer, unit=world.pelaksana)
    assert not CaseNote.objects.exists()


def test_an_overlong_forward_note_is_refused_on_the_note_field_and_nothing_changes(world, file_request):
    request = file_request()
    with pytest.raises(ValidationError) as error:
        s.information_request_forward(
            request_id=request.pk,
            actor=world.officer,
            unit=world.pelaksana,
            note="x" * (settings.LONG_TEXT_MAX_CHARS + 1),
        )
    assert list(error.value.message_dict) == ["note"]
    request.refresh_from_db()
    assert request.unit == world.utama
    assert not CaseNote.objects.exists()
