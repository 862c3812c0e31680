"""Changing the register (issue 18). One service per action, keyword-only; each checks in the house order
(visible, else NotFound; allowed, else PermissionDenied; the state allows it, else InvalidTransition; valid, else
ValidationError), changes inside one transaction, records a `DipVersion` where the content moved and an audit
row. Published content changes only by `dip_item_publish`: an edit of a published item is a revision in
`DipItem.pending` until then."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.errors import InvalidTransition, NotFound
from agencies.uploads import inspect_upload, removes_files_it_wrote, store_file
from audit.services import audit_record
from workcalendar.calendar import WorkingCalendar
from workcalendar.validators import date_window_error

from . import events, rules
from .links import item_staff_url
from .models import (
    CONTENT_FIELDS,
    MAX_UPDATE_INTERVAL_MONTHS,
    PERMANENT_GROUNDS,
    Agreement,
    Category,
    DikEntry,
    DikState,
    DipDocument,
    DipEstablishment,
    DipItem,
    DipVersion,
    ExemptionGround,
    Format,
    ItemState,
    VersionAction,
)
from .selectors import dik_visible_to, items_visible_to

if TYPE_CHECKING:
    from accounts.models import User
    from agencies.models import Agency, Unit

MAX_TAGS = 20
# PP 61/2010: up to 30 years for law enforcement, the longest period the rules name.
MAX_EXEMPTION_YEARS = 30
MAX_TAG_CHARS = 50

# Called after commit with each item published (ppid's and the pages' live pushes register here).
_published_listeners: list[Callable[[DipItem], None]] = []


def register_published_listener(listener: Callable[[DipItem], None]) -> None:
    if listener not in _published_listeners:
        _published_listeners.append(listener)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day (31 August + 6 months = 28/29 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, pycalendar.monthrange(year, month)[1]))


# --- validation ---------------------------------------------------------------------------------------------------
def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    return "" if value is None else str(value).strip()


def validate_item_data(
    data: Mapping[str, Any], *, agency: Agency, partial_of: DipItem | None = None
) -> dict[str, Any]:
    """The content fields checked and cleaned. With `partial_of`, missing fields keep that item's values."""
    base = partial_of.content() if partial_of is not None else {}
    merged = {**base, **{k: v for k, v in data.items() if k in CONTENT_FIELDS}}
    errors: dict[str, list[str]] = {}
    clean: dict[str, Any] = {}
    limits = {"title": 300, "responsible": 255, "made_at": 200, "retention": 200}
    for name, message in (
        ("title", _("Isi judul informasi.")),
        ("summary", _("Isi ringkasan isi informasi.")),
        ("responsible", _("Sebutkan pejabat yang bertanggung jawab atas pembuatan informasi.")),
        ("retention", _("Sebutkan jangka waktu penyimpanan (retensi arsip), mis. 5 tahun.")),
    ):
        value = _text(merged, name)
        if not value:
            errors[name] = [message]
        elif name in limits and len(value) > limits[name]:
            errors[name] = [_("Paling banyak %(n)d karakter.") % {"n": limits[name]}]
        elif len(value) > settings.LONG_TEXT_MAX_CHARS:
            errors[name] = [_("Paling banyak %(n)d karakter.") % {"n": settings.LONG_TEXT_MAX_CHARS}]
        clean[name] = value
    made_at = _text(merged, "made_at")
    if len(made_at) > limits["made_at"]:
        errors["made_at"] = [_("Paling banyak %(n)d karakter.") % {"n": limits["made_at"]}]
    clean["made_at"] = made_at
    category = _text(merged, "category")
    if category not in Category.values:
        errors["category"] = [_("Pilih kategori: berkala, serta merta, atau setiap saat.")]
    clean["category"] = category
    fmt = _text(merged, "format")
    if fmt not in Format.values:
        errors["format"] = [_("Pilih bentuk informasi: softcopy atau hardcopy.")]
    clean["format"] = fmt
    made_on = merged.get("made_on")
    if isinstance(made_on, str) and made_on:
        try:
            made_on = dt.date.fromisoformat(made_on)
        except ValueError:
            errors["made_on"] = [_("Tanggal tidak valid (TTTT-BB-HH).")]
            made_on = None
    if made_on in ("", None):
        made_on = None
    elif isinstance(made_on, dt.date):
        problem = date_window_error(made_on, agency=agency)
        if problem:
            errors["made_on"] = [problem]
    else:
        errors["made_on"] = [_("Tanggal tidak valid (TTTT-BB-HH).")]
        made_on = None
    clean["made_on"] = made_on
    year = merged.get("year")
    if year in ("", None):
        clean["year"] = None
    else:
        try:
            year = int(year)
        except (TypeError, ValueError):
            year = 0
        this_year = timezone.now().year
        if not 1945 <= year <= this_year + 1:
            errors["year"] = [_("Tahun informasi antara 1945 dan %(max)d.") % {"max": this_year + 1}]
        clean["year"] = year
    interval = merged.get("update_interval_months", MAX_UPDATE_INTERVAL_MONTHS)
    try:
        interval = int(interval if interval not in ("", None) else MAX_UPDATE_INTERVAL_MONTHS)
    except (TypeError, ValueError):
        interval = 0
    if not 1 <= interval <= MAX_UPDATE_INTERVAL_MONTHS:
        errors["update_interval_months"] = [
            _("Informasi berkala diperbarui paling lama setiap 6 bulan (Pasal 9 ayat 4): isi 1 sampai 6.")
        ]
    clean["update_interval_months"] = interval
    tags = merged.get("tags") or []
    if isinstance(tags, str):
        tags = tags.split(",")
    if not isinstance(tags, list | tuple):
        errors["tags"] = [_("Kata kunci berupa daftar.")]
        tags = []
    tags = list(dict.fromkeys(str(t).strip().lower() for t in tags if str(t).strip()))
    if len(tags) > MAX_TAGS or any(len(t) > MAX_TAG_CHARS for t in tags):
        errors["tags"] = [
            _("Paling banyak %(n)d kata kunci, masing-masing paling banyak %(c)d karakter.")
            % {"n": MAX_TAGS, "c": MAX_TAG_CHARS}
        ]
    clean["tags"] = tags
    if errors:
        raise ValidationError(errors)
    return clean


def _json(content: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in content.items()}


def _changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    before, after = _json(before), _json(after)
    return [name for name in CONTENT_FIELDS if before.get(name) != after.get(name)]


def _apply(item: DipItem, content: Mapping[str, Any]) -> None:
    for name in CONTENT_FIELDS:
        if name in content:
            value = content[name]
            if name == "made_on" and isinstance(value, str):
                value = dt.date.fromisoformat(value) if value else None
            setattr(item, name, value)


def _documents_snapshot(item: DipItem) -> list[dict[str, Any]]:
    return [
        {"id": d.pk, "name": d.name, "url": d.url, "sha256": d.sha256, "published": d.published}
        for d in item.documents.filter(removed_at__isnull=True, remove_pending=False)
    ]


def _version(
    item: DipItem,
    *,
    action: str,
    actor: User,
    changed: list[str],
    note: str = "",
    data: dict[str, Any] | None = None,
) -> DipVersion:
    item.version += 1
    DipItem.objects.filter(pk=item.pk).update(version=item.version)
    return DipVersion.objects.create(
        item=item,
        number=item.version,
        action=action,
        data=_json(data if data is not None else item.content()),
        documents=_documents_snapshot(item),
        changed=changed,
        note=note,
        actor=actor,
    )


def _lock(item_id: int, actor: User) -> DipItem:
    visible = items_visible_to(actor).filter(pk=item_id).values("pk")
    item = (
        DipItem.objects.select_for_update(of=("self",))
        .select_related("agency", "unit")
        .filter(pk=item_id, pk__in=visible)
        .first()
    )
    if item is None or not rules.is_register_staff(actor, item.agency) and not actor.is_superuser:
        raise NotFound(_("Informasi publik tidak ditemukan."))
    return item


def _check_documents(
    files: Iterable[UploadedFile[bytes]], links: Iterable[Mapping[str, str]]
) -> list[dict[str, Any]]:
    """Each upload checked by content, each link an http(s) URL with a name; the documents to add."""
    out: list[dict[str, Any]] = []
    errors: list[str] = []
    for upload in files:
        try:
            content_type, size, sha256 = inspect_upload(upload, office=True)
        except ValidationError as exc:
            errors.extend(exc.messages)
            continue
        out.append(
            {
                "upload": upload,
                "name": upload.name or "dokumen",
                "content_type": content_type,
                "size": size,
                "sha256": sha256,
            }
        )
    validate_url = URLValidator(schemes=["http", "https"])
    for link in links:
        url, name = (link.get("url") or "").strip(), (link.get("name") or "").strip()
        try:
            validate_url(url)
        except ValidationError:
            errors.append(_("Tautan %(url)s bukan alamat http atau https yang sah.") % {"url": url[:100]})
            continue
        if len(url) > 500:
            errors.append(_("Tautan paling panjang 500 karakter."))
            continue
        out.append({"url": url, "name": (name or url)[:255]})
    if errors:
        raise ValidationError({"documents": errors})
    return out


def _store_documents(
    item: DipItem, documents: list[dict[str, Any]], actor: User, *, published: bool
) -> list[DipDocument]:
    stored = []
    for doc in documents:
        row = DipDocument(item=item, name=doc["name"][:255], added_by=actor, published=published)
        if "upload" in doc:
            row.content_type, row.size, row.sha256 = doc["content_type"], doc["size"], doc["sha256"]
            store_file(row, "file", doc["upload"])
        else:
            row.url = doc["url"]
        row.save()
        stored.append(row)
    return stored


# --- items ---------------------------------------------------------------------------------------------------------
@removes_files_it_wrote
def dip_item_create(
    *,
    actor: User,
    unit: Unit,
    data: Mapping[str, Any],
    files: Iterable[UploadedFile[bytes]] = (),
    links: Iterable[Mapping[str, str]] = (),
) -> DipItem:
    """A draft item of `unit` with its documents. Only the unit's officers (or the PPID Utama's) draft; drafts are
    invisible to the public until `dip_item_publish`."""
    if not rules.may_draft(actor, unit):
        raise PermissionDenied(
            _("Hanya petugas unit ini atau PPID Utama yang dapat menyusun informasi publik.")
        )
    if not unit.is_active:
        raise ValidationError({"unit": [_("Unit ini tidak aktif.")]})
    errors: dict[str, list[str]] = {}
    clean: dict[str, Any] = {}
    documents: list[dict[str, Any]] = []
    try:
        clean = validate_item_data(data, agency=unit.agency)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        documents = _check_documents(list(files), list(links))
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item = DipItem(agency=unit.agency, unit=unit, created_by=actor)
        _apply(item, clean)
        item.save()
        _store_documents(item, documents, actor, published=False)
        _version(item, action=VersionAction.CREATED, actor=actor, changed=list(CONTENT_FIELDS))
        audit_record(
            actor=actor,
            obj=item,
            action=events.DIP_CREATED,
            agency=item.agency,
            to_state=item.state,
            details={"category": item.category, "unit": unit.pk, "documents": len(documents)},
        )
    return item


def dip_item_update(*, item_id: int, actor: User, data: Mapping[str, Any], note: str = "") -> DipItem:
    """Change an item's content. A draft or withdrawn item changes at once; a published item keeps what the public
    reads and holds the change as its revision (`pending`) until the PPID Utama publishes it."""
    with transaction.atomic():
        item = _lock(item_id, actor)
        if not rules.may_draft(actor, item.unit):
            raise PermissionDenied(
                _("Hanya petugas unit ini atau PPID Utama yang dapat mengubah informasi ini.")
            )
        if item.state == ItemState.PUBLISHED:
            base = {**item.content(), **(item.pending or {})}
            clean = validate_item_data({**base, **data}, agency=item.agency)
            changed = _changed(item.content(), clean)
            item.pending = _json(clean) if changed else None
            item.pending_by, item.pending_at = (actor, timezone.now()) if changed else (None, None)
            item.save(update_fields=["pending", "pending_by", "pending_at"])
            _version(
                item,
                action=VersionAction.PROPOSED,
                actor=actor,
                changed=changed,
                note=note,
                data=_json(clean),
            )
            action = events.DIP_PROPOSED
        else:
            clean = validate_item_data({**item.content(), **data}, agency=item.agency)
            changed = _changed(item.content(), clean)
            _apply(item, clean)
            item.save()
            _version(item, action=VersionAction.SAVED, actor=actor, changed=changed, note=note)
            action = events.DIP_SAVED
        audit_record(
            actor=actor,
            obj=item,
            action=action,
            agency=item.agency,
            reason=note,
            details={"changed": changed},
        )
    return item


def dip_item_request_review(*, item_id: int, actor: User) -> DipItem:
    """The holding unit asks the PPID Utama to publish a draft or a revision."""
    with transaction.atomic():
        item = _lock(item_id, actor)
        if not rules.may_draft(actor, item.unit):
            raise PermissionDenied(
                _("Hanya petugas unit ini atau PPID Utama yang dapat mengajukan informasi ini.")
            )
        if not _has_something_to_publish(item):
            raise InvalidTransition(
                _("Tidak ada draf atau perubahan yang menunggu diumumkan."), state=item.state
            )
        item.review_requested_at = timezone.now()
        item.save(update_fields=["review_requested_at"])
        audit_record(actor=actor, obj=item, action=events.DIP_REVIEW_REQUESTED, agency=item.agency)
        _notify_review(item, actor)
    return item


def _notify_review(item: DipItem, actor: User) -> None:
    from agencies.models import UnitKind
    from agencies.selectors import staff_with_roles
    from notifications.services import notify

    utama = item.agency.units.filter(kind=UnitKind.UTAMA).first()
    if utama is None:
        return
    notify(
        recipients=staff_with_roles(unit=utama, roles=rules.OFFICER_ROLES),
        kind=events.DIP_REVIEW_REQUESTED,
        obj=item,
        agency=item.agency,
        state=item.state,
        # The staff page: a draft's public page does not exist for anyone.
        url=item_staff_url(item),
        exclude=actor,
    )


def has_something_to_publish(item: DipItem) -> bool:
    """A draft or withdrawn item, or a published one with a revision or document changes waiting: what
    `dip_item_request_review` and `dip_item_publish` act on (the pages offer their buttons by it)."""
    return _has_something_to_publish(item)


def _has_something_to_publish(item: DipItem) -> bool:
    if item.state != ItemState.PUBLISHED:
        return True
    return (
        bool(item.pending)
        or item.documents.filter(removed_at__isnull=True).filter(published=False).exists()
        or item.documents.filter(removed_at__isnull=True, remove_pending=True).exists()
    )


def dip_item_publish(*, item_id: int, actor: User, note: str = "") -> DipItem:
    """Publish a draft, a withdrawn item or a published item's revision and its document changes; re-publishing
    an unchanged berkala item records that it was checked and is still current (its clock starts again). The
    PPID Utama publishes; the holding unit's head may publish a serta merta item at once. Its next update falls
    `update_interval_months` after today for berkala items."""
    with transaction.atomic():
        item = _lock(item_id, actor)
        content = {**item.content(), **(item.pending or {})}
        serta_merta = content.get("category") == Category.SERTA_MERTA
        allowed = (
            rules.may_publish_at_once(actor, item.unit)
            if serta_merta
            else rules.may_publish(actor, item.agency)
        )
        if not allowed:
            raise PermissionDenied(_("Hanya PPID Utama yang dapat mengumumkan informasi publik."))
        renewal = not _has_something_to_publish(item)
        if renewal and content.get("category") != Category.BERKALA:
            raise InvalidTransition(_("Tidak ada perubahan yang menunggu diumumkan."), state=item.state)
        clean = validate_item_data(content, agency=item.agency)
        changed = (
            _changed(item.content(), clean) if item.state == ItemState.PUBLISHED else list(CONTENT_FIELDS)
        )
        now = timezone.now()
        before = item.state
        _apply(item, clean)
        item.pending, item.pending_by, item.pending_at, item.review_requested_at = None, None, None, None
        item.state = ItemState.PUBLISHED
        item.published_at = item.published_at or now
        item.published_by = actor
        item.updated_at = now
        item.withdrawn_at, item.withdraw_reason = None, ""
        today = WorkingCalendar(item.agency).local_date(now)
        item.next_update_due = (
            add_months(today, item.update_interval_months) if item.category == Category.BERKALA else None
        )
        item.save()
        removed = list(
            item.documents.filter(removed_at__isnull=True, remove_pending=True).values_list("pk", flat=True)
        )
        item.documents.filter(pk__in=removed).update(removed_at=now)
        added = item.documents.filter(removed_at__isnull=True, published=False).update(published=True)
        _version(item, action=VersionAction.PUBLISHED, actor=actor, changed=changed, note=note)
        audit_record(
            actor=actor,
            obj=item,
            action=events.DIP_PUBLISHED,
            agency=item.agency,
            from_state=before,
            to_state=item.state,
            reason=note,
            details={
                "category": item.category,
                "changed": changed,
                "documents_added": added,
                "documents_removed": len(removed),
                "renewal": renewal,
            },
        )
        published = item
        transaction.on_commit(lambda: [listener(published) for listener in list(_published_listeners)])
    return item


def dip_item_withdraw(*, item_id: int, actor: User, reason: str) -> DipItem:
    """Take a published item off the public register, with the reason (recorded; the item and its versions stay)."""
    reason = (reason or "").strip()
    with transaction.atomic():
        item = _lock(item_id, actor)
        if not rules.may_publish(actor, item.agency):
            raise PermissionDenied(_("Hanya PPID Utama yang dapat menarik informasi publik."))
        if item.state != ItemState.PUBLISHED:
            raise InvalidTransition(_("Hanya informasi yang diumumkan yang dapat ditarik."), state=item.state)
        if not reason:
            raise ValidationError({"reason": [_("Tuliskan alasan penarikan.")]})
        if len(reason) > settings.LONG_TEXT_MAX_CHARS:
            raise ValidationError({"reason": [_("Alasan terlalu panjang.")]})
        item.state = ItemState.WITHDRAWN
        item.withdrawn_at, item.withdraw_reason = timezone.now(), reason
        item.updated_at = item.withdrawn_at
        item.next_update_due = None
        item.save()
        _version(item, action=VersionAction.WITHDRAWN, actor=actor, changed=[], note=reason)
        audit_record(
            actor=actor,
            obj=item,
            action=events.DIP_WITHDRAWN,
            agency=item.agency,
            from_state=ItemState.PUBLISHED,
            to_state=item.state,
            reason=reason,
        )
    return item


@removes_files_it_wrote
def dip_document_add(
    *,
    item_id: int,
    actor: User,
    files: Iterable[UploadedFile[bytes]] = (),
    links: Iterable[Mapping[str, str]] = (),
) -> list[DipDocument]:
    """Add documents (uploads checked by content, or links). On a published item they wait for the next
    publication, like any change the public would see."""
    files, links = list(files), list(links)
    if not files and not links:
        raise ValidationError({"documents": [_("Pilih berkas atau isi tautan.")]})
    documents = _check_documents(files, links)
    with transaction.atomic():
        item = _lock(item_id, actor)
        if not rules.may_draft(actor, item.unit):
            raise PermissionDenied(
                _("Hanya petugas unit ini atau PPID Utama yang dapat mengubah informasi ini.")
            )
        stored = _store_documents(item, documents, actor, published=False)
        audit_record(
            actor=actor,
            obj=item,
            action=events.DIP_DOCUMENT_ADDED,
            agency=item.agency,
            details={"documents": [d.pk for d in stored]},
        )
    return stored


def dip_document_remove(*, document_id: int, actor: User) -> DipDocument:
    """Remove a document: at once from a draft (or one not yet published), at the next publication from a
    published item. The file stays for the version history."""
    with transaction.atomic():
        doc = (
            DipDocument.objects.select_related("item").filter(pk=document_id, removed_at__isnull=True).first()
        )
        if doc is None:
            raise NotFound(_("Dokumen tidak ditemukan."))
        item = _lock(doc.item_id, actor)
        if not rules.may_draft(actor, item.unit):
            raise PermissionDenied(
                _("Hanya petugas unit ini atau PPID Utama yang dapat mengubah informasi ini.")
            )
        if doc.published and item.state == ItemState.PUBLISHED:
            doc.remove_pending = True
            doc.save(update_fields=["remove_pending"])
        else:
            doc.removed_at = timezone.now()
            doc.save(update_fields=["removed_at"])
        audit_record(
            actor=actor,
            obj=item,
            action=events.DIP_DOCUMENT_REMOVED,
            agency=item.agency,
            details={"document": doc.pk, "at_publication": doc.remove_pending},
        )
    return doc


@removes_files_it_wrote
def dip_establishment_add(
    *, agency: Agency, actor: User, number: str, decided_on: dt.date | None, file: UploadedFile[bytes] | None
) -> DipEstablishment:
    """Record the SK penetapan of the agency's DIP (number, date, the signed PDF); the latest is in force."""
    if not rules.may_establish(actor, agency):
        raise PermissionDenied(
            _("Hanya PPID Utama atau administrator yang dapat mengunggah SK penetapan DIP.")
        )
    errors: dict[str, list[str]] = {}
    number = (number or "").strip()
    if not number:
        errors["number"] = [_("Isi nomor SK.")]
    elif len(number) > 200:
        errors["number"] = [_("Paling banyak %(n)d karakter.") % {"n": 200}]
    if not isinstance(decided_on, dt.date):
        errors["decided_on"] = [_("Isi tanggal SK.")]
    elif problem := date_window_error(decided_on, agency=agency):
        errors["decided_on"] = [problem]
    content_type = sha256 = ""
    size = 0
    if file is None:
        errors["file"] = [_("Unggah berkas SK (PDF).")]
    else:
        try:
            content_type, size, sha256 = inspect_upload(file)
        except ValidationError as exc:
            errors["file"] = exc.messages
        else:
            if content_type != "application/pdf":
                errors["file"] = [_("SK penetapan harus berkas PDF.")]
    if errors or not isinstance(decided_on, dt.date) or file is None:
        raise ValidationError(errors)
    with transaction.atomic():
        row = DipEstablishment(
            agency=agency, number=number, decided_on=decided_on, sha256=sha256, size=size, uploaded_by=actor
        )
        store_file(row, "file", file)
        row.save()
        audit_record(
            actor=actor, obj=row, action=events.DIP_ESTABLISHED, agency=agency, details={"sha256": sha256}
        )
    return row


# --- DIK -----------------------------------------------------------------------------------------------------------
DIK_TEXT_FIELDS = ("title", "document", "exempt_content", "legal_basis", "harm", "public_interest")
DIK_FIELDS = (
    *DIK_TEXT_FIELDS,
    "ground",
    "other_law",
    "agreement",
    "agreed_by_name",
    "agreed_on",
    "period_until",
    "permanent",
)


def _date(value: Any) -> dt.date | None | str:
    if value in ("", None):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return "invalid"


def validate_dik_data(data: Mapping[str, Any], *, agency: Agency) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    clean: dict[str, Any] = {}
    for name in DIK_TEXT_FIELDS:
        value = _text(data, name)
        if not value:
            errors[name] = [_("Wajib diisi.")]
        elif len(value) > (300 if name == "title" else settings.LONG_TEXT_MAX_CHARS):
            errors[name] = [_("Terlalu panjang.")]
        clean[name] = value
    ground = _text(data, "ground")
    if ground not in ExemptionGround.values:
        errors["ground"] = [_("Pilih dasar pengecualian Pasal 17 huruf a sampai j.")]
    clean["ground"] = ground
    other_law = _text(data, "other_law")
    if ground == "j" and not other_law:
        errors["other_law"] = [
            _("Pengecualian huruf j wajib menyebut undang-undang dan pasal yang menutupnya.")
        ]
    clean["other_law"] = other_law[:255] if ground == "j" else ""
    agreement = _text(data, "agreement")
    if agreement not in Agreement.values:
        errors["agreement"] = [_("Pilih persetujuan Atasan PPID atau Tim Pertimbangan.")]
    clean["agreement"] = agreement
    clean["agreed_by_name"] = _text(data, "agreed_by_name")[:200]
    if not clean["agreed_by_name"]:
        errors["agreed_by_name"] = [_("Sebutkan nama yang menyetujui.")]
    agreed_on = _date(data.get("agreed_on"))
    if not isinstance(agreed_on, dt.date):
        errors["agreed_on"] = [_("Isi tanggal persetujuan.")]
    elif problem := date_window_error(agreed_on, agency=agency):
        errors["agreed_on"] = [problem]
    clean["agreed_on"] = agreed_on if isinstance(agreed_on, dt.date) else None
    permanent = str(data.get("permanent", "")).lower() in ("1", "true", "on", "yes")
    period_until = _date(data.get("period_until"))
    if permanent and ground not in PERMANENT_GROUNDS:
        errors["permanent"] = [
            _(
                "Pengecualian huruf a sampai f dan i, j tidak bersifat permanen (Pasal 20): isi batas waktunya."
            )
        ]
    if not permanent:
        if not isinstance(period_until, dt.date):
            errors["period_until"] = [_("Isi sampai kapan informasi dikecualikan.")]
        elif period_until > add_months(timezone.now().date(), 12 * MAX_EXEMPTION_YEARS):
            errors["period_until"] = [
                _("Batas waktu pengecualian paling lama %(n)d tahun.") % {"n": MAX_EXEMPTION_YEARS}
            ]
        elif period_until <= timezone.now().date():
            errors["period_until"] = [_("Batas waktu pengecualian harus setelah hari ini.")]
    clean["permanent"] = permanent
    clean["period_until"] = None if permanent or not isinstance(period_until, dt.date) else period_until
    if errors:
        raise ValidationError(errors)
    return clean


def _lock_dik(entry_id: int, actor: User) -> DikEntry:
    visible = dik_visible_to(actor).filter(pk=entry_id).values("pk")
    entry = (
        DikEntry.objects.select_for_update(of=("self",))
        .select_related("agency", "unit")
        .filter(pk=entry_id, pk__in=visible)
        .first()
    )
    if entry is None or not (actor.is_superuser or rules.is_register_staff(actor, entry.agency)):
        raise NotFound(_("Penetapan informasi yang dikecualikan tidak ditemukan."))
    return entry


def dik_entry_create(*, actor: User, unit: Unit, data: Mapping[str, Any]) -> DikEntry:
    """A draft classification with its consequence test, by an officer of the holding unit or the PPID Utama."""
    if not rules.may_draft(actor, unit):
        raise PermissionDenied(
            _("Hanya petugas unit ini atau PPID Utama yang dapat menyusun uji konsekuensi.")
        )
    clean = validate_dik_data(data, agency=unit.agency)
    with transaction.atomic():
        entry = DikEntry.objects.create(agency=unit.agency, unit=unit, created_by=actor, **clean)
        audit_record(
            actor=actor,
            obj=entry,
            action=events.DIK_CREATED,
            agency=entry.agency,
            to_state=entry.state,
            details={"ground": entry.ground},
        )
    return entry


def dik_entry_update(*, entry_id: int, actor: User, data: Mapping[str, Any]) -> DikEntry:
    """Change a draft entry (a decided one is revoked and decided anew: its SK says what it says)."""
    with transaction.atomic():
        entry = _lock_dik(entry_id, actor)
        if not rules.may_draft(actor, entry.unit):
            raise PermissionDenied(
                _("Hanya petugas unit ini atau PPID Utama yang dapat mengubah uji konsekuensi.")
            )
        if entry.state != DikState.DRAFT:
            raise InvalidTransition(_("Hanya draf yang dapat diubah."), state=entry.state)
        current = {name: getattr(entry, name) for name in DIK_FIELDS}
        clean = validate_dik_data({**current, **data}, agency=entry.agency)
        changed = [name for name in DIK_FIELDS if clean[name] != current[name]]
        for name, value in clean.items():
            setattr(entry, name, value)
        entry.save()
        audit_record(
            actor=actor, obj=entry, action=events.DIK_SAVED, agency=entry.agency, details={"changed": changed}
        )
    return entry


@removes_files_it_wrote
def dik_entry_decide(
    *,
    entry_id: int,
    actor: User,
    sk_number: str,
    sk_date: dt.date | None,
    sk_file: UploadedFile[bytes] | None = None,
) -> DikEntry:
    """The PPID decides the classification (with the agreement recorded on the entry): it is in force and public
    from now, listed with its ground and period; the SK number and date are required, its PDF optional."""
    with transaction.atomic():
        entry = _lock_dik(entry_id, actor)
        if not rules.may_decide_exemption(actor, entry.agency):
            raise PermissionDenied(
                _("Hanya PPID (kepala PPID Utama) yang menetapkan informasi yang dikecualikan.")
            )
        if entry.state != DikState.DRAFT:
            raise InvalidTransition(_("Penetapan ini sudah diputuskan atau dicabut."), state=entry.state)
        errors: dict[str, list[str]] = {}
        sk_number = (sk_number or "").strip()
        if not sk_number:
            errors["sk_number"] = [_("Isi nomor SK penetapan.")]
        if not isinstance(sk_date, dt.date):
            errors["sk_date"] = [_("Isi tanggal SK penetapan.")]
        elif problem := date_window_error(sk_date, agency=entry.agency):
            errors["sk_date"] = [problem]
        if sk_file is not None:
            try:
                content_type, _size, _sha = inspect_upload(sk_file)
            except ValidationError as exc:
                errors["sk_file"] = exc.messages
            else:
                if content_type != "application/pdf":
                    errors["sk_file"] = [_("SK penetapan harus berkas PDF.")]
        validate_dik_data({name: getattr(entry, name) for name in DIK_FIELDS}, agency=entry.agency)
        if errors:
            raise ValidationError(errors)
        entry.sk_number, entry.sk_date = sk_number[:200], sk_date
        if sk_file is not None:
            store_file(entry, "sk_file", sk_file)
        entry.state = DikState.IN_FORCE
        entry.decided_by, entry.decided_at = actor, timezone.now()
        entry.save()
        audit_record(
            actor=actor,
            obj=entry,
            action=events.DIK_DECIDED,
            agency=entry.agency,
            from_state=DikState.DRAFT,
            to_state=entry.state,
            details={"ground": entry.ground, "agreement": entry.agreement},
        )
    return entry


def dik_entry_revoke(*, entry_id: int, actor: User, reason: str) -> DikEntry:
    """End an exemption (its period reviewed under Pasal 20, or reconsidered): the information is no longer listed
    as exempt. The entry and its test stay for the record."""
    reason = (reason or "").strip()
    with transaction.atomic():
        entry = _lock_dik(entry_id, actor)
        if not rules.may_decide_exemption(actor, entry.agency):
            raise PermissionDenied(_("Hanya PPID (kepala PPID Utama) yang dapat mencabut penetapan ini."))
        if entry.state != DikState.IN_FORCE:
            raise InvalidTransition(_("Hanya penetapan yang berlaku yang dapat dicabut."), state=entry.state)
        if not reason:
            raise ValidationError({"reason": [_("Tuliskan alasan pencabutan.")]})
        if len(reason) > settings.LONG_TEXT_MAX_CHARS:
            raise ValidationError({"reason": [_("Alasan terlalu panjang.")]})
        entry.state, entry.revoked_at, entry.revoke_reason = DikState.REVOKED, timezone.now(), reason
        entry.save()
        audit_record(
            actor=actor,
            obj=entry,
            action=events.DIK_REVOKED,
            agency=entry.agency,
            from_state=DikState.IN_FORCE,
            to_state=entry.state,
            reason=reason,
        )
    return entry
