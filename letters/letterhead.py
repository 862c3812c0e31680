"""What a letter prints at its head and its foot: the issuing unit's kop (agency defaults fill what the unit
leaves empty) and its signatory by position (issue 17 points 1 and 3). Both are snapshots taken when the letter
is issued and kept on `IssuedLetter`, so a later change of kop or of the position's holder changes no letter."""

from __future__ import annotations

import base64
import logging

from agencies.models import Agency, PositionKind, SignatoryPosition, StaffProfile, Unit, UnitKind
from agencies.selectors import is_staff_of

log = logging.getLogger(__name__)

# The logo's kinds by content (an uploaded logo is checked on upload; this only names the data URI's type).
_LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def _logo_data_uri(field) -> str:
    """The logo as a data: URI (WeasyPrint fetches nothing else), or "" when there is none or it is unreadable."""
    if not field:
        return ""
    try:
        with field.open("rb") as fh:
            data = fh.read()
    except OSError:
        log.warning("letterhead logo %s could not be read", field.name)
        return ""
    kind = next((t for magic, t in _LOGO_TYPES.items() if data.startswith(magic)), "")
    if not kind:
        return ""
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def letterhead_for(unit: Unit, *, embed_logo: bool = True) -> dict[str, str]:
    """The kop of `unit`: the Pemda line, the unit's name, its address and contacts, its logo; what the unit
    leaves empty comes from its agency. The PPID Utama's kop names the agency itself. An issued letter's
    snapshot (`embed_logo=False`) names the logo's file, not its bytes, so no letter row carries an image:
    `printable_kop` embeds it when the letter is rendered."""
    agency: Agency = unit.agency
    if unit.letterhead_name:
        name = unit.letterhead_name
    elif unit.kind == UnitKind.UTAMA:
        name = agency.name
    else:
        name = unit.name
    return {
        "parent": agency.letterhead_parent,
        "name": name,
        "unit_name": unit.name,
        "address": unit.address or agency.address,
        "city": unit.city or agency.city,
        "postal_code": unit.postal_code,
        "phone": unit.phone or agency.phone,
        "email": unit.email or agency.email,
        "website": unit.website or agency.website,
        "logo_file": (unit.logo or agency.logo).name if (unit.logo or agency.logo) else "",
        "logo": (_logo_data_uri(unit.logo) or _logo_data_uri(agency.logo)) if embed_logo else "",
    }


def printable_kop(snapshot: dict[str, str], unit: Unit) -> dict[str, str]:
    """An issued letter's kop with its logo embedded: the file named at issue, or, if it has since been
    replaced and removed, the unit's (else the agency's) logo now."""
    if snapshot.get("logo") or not snapshot.get("logo_file"):
        return snapshot
    from django.core.files.storage import default_storage

    logo = ""
    try:
        with default_storage.open(snapshot["logo_file"], "rb") as fh:
            data = fh.read()
        kind = next((t for magic, t in _LOGO_TYPES.items() if data.startswith(magic)), "")
        if kind:
            logo = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    except OSError:
        logo = _logo_data_uri(unit.logo) or _logo_data_uri(unit.agency.logo)
    return {**snapshot, "logo": logo}


def _position(unit: Unit, kind: str) -> SignatoryPosition | None:
    # The Atasan PPID's position is kept on the PPID Utama's unit.
    if kind == PositionKind.ATASAN and unit.kind != UnitKind.UTAMA:
        unit = unit.agency.main_unit or unit
    return SignatoryPosition.objects.select_related("holder").filter(unit=unit, kind=kind).first()


def _person(user) -> dict[str, str]:
    profile = StaffProfile.objects.filter(user=user).first()
    return {
        "name": user.get_full_name() or user.username,
        "nip": profile.nip if profile else "",
        "rank": profile.rank if profile else "",
        "initials": (profile.initials if profile and profile.initials else _initials(user)),
    }


def _initials(user) -> str:
    words = (user.get_full_name() or user.username).split()
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()[:6]


def default_title(unit: Unit, kind: str) -> str:
    if kind == PositionKind.ATASAN:
        return "Atasan PPID"
    if unit.name.upper().startswith("PPID"):  # "PPID Utama Diskominfo" names the position already
        return unit.name
    return f"PPID {'Utama' if unit.kind == UnitKind.UTAMA else 'Pelaksana'} {unit.name}"


def signatory_for(unit: Unit, kind: str, *, approver=None, actor=None, title: str = "") -> dict[str, object]:
    """Who signs: the holder of the position the law names (the unit's PPID; the Atasan PPID for objections);
    with approval before issue, the approver who issued it, under that position's title when they hold it (else
    under a position of the same kind they hold, else the default title).
    Without a position on record, the person who issued it, under the position's default title. `title` names
    another signer's role (the receiving officer of a receipt given at the desk, UU 14/2008 Pasal 22(4))."""
    position = _position(unit, kind)
    staff_actor = actor if actor is not None and is_staff_of(actor, unit.agency) else None
    person = approver or (position.holder if position else None) or staff_actor
    if person is not None and position is not None and position.holder_id != person.pk:
        # Someone else signs (the PPID Utama's head approving a Pelaksana's letter): under a position of the same
        # kind they hold in the agency, else the default title, never the title of a position they do not hold.
        position = (
            SignatoryPosition.objects.filter(unit__agency=unit.agency, kind=kind, holder=person)
            .order_by("-unit__kind", "pk")  # "utama" first
            .first()
        )
    holds = position is not None and person is not None and position.holder_id == person.pk
    title = title or (position.title if position is not None else default_title(unit, kind))
    # Plt. belongs to the position's title: not to another role named for the signer (the desk officer).
    acting = bool(holds and position is not None and position.acting and title == position.title)
    signatory: dict[str, object] = {"title": title, "acting": acting, "position": kind}
    if person is not None:
        signatory.update(_person(person), user_id=person.pk)
    return signatory


def prepared_by_line(user) -> str:
    """The small initial line of who prepared the letter."""
    return _person(user)["initials"] if user is not None else ""
