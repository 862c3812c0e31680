"""The DIP's items through their services: drafts stay private, the PPID Utama publishes, a published item is
changed only through a revision that is published in turn, and each step is a version."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from agencies.errors import InvalidTransition
from audit.models import Event
from dip import services
from dip.models import DipItem, ItemState
from dip.selectors import public_items
from tests.register_helpers import PDF, item_data


def berkala(**over):
    return item_data(tags=["keuangan", "LRA"], **over)


@pytest.fixture
def draft(world):
    return services.dip_item_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data=berkala(),
        files=[SimpleUploadedFile("lra.pdf", PDF)],
    )


@time_machine.travel("2026-08-31 10:00 +07:00", tick=False)
def test_a_draft_is_private_until_the_utama_publishes_it(world, draft):
    assert not public_items().filter(pk=draft.pk).exists()
    with pytest.raises(PermissionDenied):
        services.dip_item_publish(item_id=draft.pk, actor=world.pelaksana_officer)
    item = services.dip_item_publish(item_id=draft.pk, actor=world.officer)
    assert item.state == ItemState.PUBLISHED
    # Six months after 31 August is the last day of February.
    assert item.next_update_due == dt.date(2027, 2, 28)
    shown = public_items().get(pk=draft.pk)
    assert [d.name for d in shown.public_documents] == ["lra.pdf"]
    assert list(item.versions.values_list("action", flat=True)) == ["created", "published"]
    assert Event.objects.filter(object_id=str(item.pk), action="dip.published").exists()


def test_a_published_item_changes_only_when_its_revision_is_published(world, draft):
    services.dip_item_publish(item_id=draft.pk, actor=world.officer)
    services.dip_item_update(
        item_id=draft.pk, actor=world.pelaksana_officer, data={"title": "Laporan Keuangan (revisi)"}
    )
    public = DipItem.objects.get(pk=draft.pk)
    assert public.title == "Laporan Keuangan Dinas Kesehatan Semester I 2026"
    assert public.pending["title"] == "Laporan Keuangan (revisi)"
    services.dip_item_publish(item_id=draft.pk, actor=world.head)
    public.refresh_from_db()
    assert public.title == "Laporan Keuangan (revisi)" and public.pending is None
    last = public.versions.last()
    assert last.action == "published" and last.changed == ["title"] and last.actor == world.head


def test_bad_input_says_what_and_changes_nothing(world):
    with pytest.raises(ValidationError) as exc:
        services.dip_item_create(
            actor=world.pelaksana_officer,
            unit=world.pelaksana,
            data=berkala(category="rahasia", update_interval_months=12, title=""),
            files=[SimpleUploadedFile("lra.pdf", b"not a pdf")],
        )
    assert set(exc.value.message_dict) >= {"category", "update_interval_months", "title", "documents"}
    assert not DipItem.objects.exists()


def test_withdraw_needs_a_reason_and_a_published_item(world, draft):
    with pytest.raises(InvalidTransition):
        services.dip_item_withdraw(item_id=draft.pk, actor=world.officer, reason="salah")
    services.dip_item_publish(item_id=draft.pk, actor=world.officer)
    with pytest.raises(ValidationError):
        services.dip_item_withdraw(item_id=draft.pk, actor=world.officer, reason=" ")
    item = services.dip_item_withdraw(item_id=draft.pk, actor=world.officer, reason="Diganti laporan audit")
    assert item.state == ItemState.WITHDRAWN and not public_items().filter(pk=item.pk).exists()
