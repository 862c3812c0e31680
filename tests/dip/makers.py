"""Register objects brought to a point through the real services (the clocks', the home's and the figures'
tests share them)."""

import datetime as dt

from dip import services
from tests.register_helpers import item_data as base_item_data
from tests.register_helpers import published_item as shared_published_item


def item_data(**over):
    """The shared test item, undated (the clocks' tests travel to before its date of making)."""
    return base_item_data(**{"made_on": None, "tags": ["keuangan"], **over})


def published_item(world, *, unit=None, **over):
    """A unit's item drafted by its officer and published by the PPID Utama's officer."""
    unit = unit or world.pelaksana
    actor = world.pelaksana_officer if unit == world.pelaksana else world.officer
    return shared_published_item(
        world, unit=unit, actor=actor, **{"made_on": None, "tags": ["keuangan"], **over}
    )


def dik_data(**over):
    return {
        "title": "Dokumen rencana pengamanan gudang vaksin",
        "ground": "c",
        "document": "Rencana pengamanan gudang vaksin provinsi 2026",
        "exempt_content": "Denah, jadwal jaga dan titik kamera",
        "legal_basis": "UU 14/2008 Pasal 17 huruf c",
        "harm": "Membuka denah memudahkan pencurian vaksin",
        "public_interest": "Keamanan stok vaksin lebih besar daripada manfaat membuka denah",
        "agreement": "atasan",
        "agreed_by_name": "Dr. Hendra",
        "agreed_on": dt.date(2026, 3, 2),
        "period_until": dt.date(2026, 5, 1),
        **over,
    }


def dik_in_force(world, **over):
    entry = services.dik_entry_create(actor=world.officer, unit=world.pelaksana, data=dik_data(**over))
    return services.dik_entry_decide(
        entry_id=entry.pk, actor=world.head, sk_number="188/12/PPID/2026", sk_date=dt.date(2026, 3, 3)
    )
