"""Checking uploads by their content, not their name; removing the files a failed filing or a crash left."""

import contextvars
import datetime as dt
import functools
import hashlib
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

# Signature, MIME type, the extensions a file of that type may carry.
_SIGNATURES = [
    (b"%PDF-", "application/pdf", {".pdf"}),
    (b"\x89PNG\r\n\x1a\n", "image/png", {".png"}),
    (b"\xff\xd8\xff", "image/jpeg", {".jpg", ".jpeg"}),
]


def max_upload_bytes() -> int:
    return getattr(settings, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024)


# Office documents are ZIP packages; the part that makes each what its name says (the DIP's documents, issue 18).
_OFFICE = {
    ".xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def _office_type(uploaded, ext: str) -> str | None:
    """The MIME type of an XLSX or DOCX whose package holds its main part, else None."""
    import zipfile

    part, content_type = _OFFICE[ext]
    try:
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)
    return content_type if {"[Content_Types].xml", part} <= names else None


def inspect_upload(uploaded, *, office: bool = False) -> tuple[str, int, str]:
    """Return (content_type, size, sha256) of an accepted upload, or raise ValidationError in Indonesian. PDF,
    PNG and JPEG by their signatures; with `office`, also XLSX and DOCX by their packages' main parts."""
    name = os.path.basename(uploaded.name or "")
    size = uploaded.size
    if size == 0:
        raise ValidationError(_("Berkas %(name)s kosong.") % {"name": name})
    limit = max_upload_bytes()
    if size > limit:
        raise ValidationError(
            _("Berkas %(name)s terlalu besar (maksimal %(mb)s MB).")
            % {"name": name, "mb": limit // (1024 * 1024)}
        )
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    ext = os.path.splitext(name)[1].lower()
    signatures = list(_SIGNATURES)
    if office and ext in _OFFICE and head.startswith(b"PK\x03\x04"):
        office_type = _office_type(uploaded, ext)
        if office_type is not None:
            signatures.insert(0, (b"PK\x03\x04", office_type, {ext}))
    for signature, content_type, extensions in signatures:
        if head.startswith(signature):
            if ext not in extensions:
                raise ValidationError(
                    _("Isi berkas %(name)s tidak sesuai dengan namanya (isinya %(type)s).")
                    % {"name": name, "type": content_type}
                )
            digest = hashlib.sha256()
            for chunk in uploaded.chunks():
                digest.update(chunk)
            uploaded.seek(0)
            return content_type, size, digest.hexdigest()
    if office:
        raise ValidationError(
            _(
                "Berkas %(name)s bukan PDF, PNG, JPEG, XLSX, atau DOCX yang sah (isinya tidak sesuai dengan "
                "namanya)."
            )
            % {"name": name}
        )
    raise ValidationError(
        _("Berkas %(name)s bukan PDF, PNG, atau JPEG yang sah (isinya tidak sesuai dengan namanya).")
        % {"name": name}
    )


# --- files that must not outlive their row ----------------------------------------------------------------------
# A file is written before its row commits. If the transaction fails, the service that wrote it deletes it
# (`removes_files_it_wrote`); if the process dies first, `sweep_orphan_files` finds it later.
_written: contextvars.ContextVar[list | None] = contextvars.ContextVar("uploads_written", default=None)


def store_file(instance, field: str, uploaded) -> None:
    """Save `uploaded` into `instance.<field>` (the row is saved by the caller), remembered for clean-up."""
    field_file = getattr(instance, field)
    field_file.save(uploaded.name, uploaded, save=False)
    written = _written.get()
    if written is not None:
        written.append((instance, field_file.storage, field_file.name))


def _delete_quietly(storage, name: str) -> None:
    try:
        storage.delete(name)
    except OSError:
        log.warning("could not remove the orphaned upload %s", name, exc_info=True)


def removes_files_it_wrote(service: Callable[P, R]) -> Callable[P, R]:
    """Decorate a service that stores files: when it raises (its transaction rolled back, the database gone at
    commit), the files it wrote are deleted; files whose row was never saved or no longer exists go too."""

    @functools.wraps(service)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        parent, written = _written.get(), []
        token = _written.set(written)
        try:
            result = service(*args, **kwargs)
        except BaseException:
            for _instance, storage, name in written:
                _delete_quietly(storage, name)
            raise
        finally:
            _written.reset(token)
        for instance, storage, name in written:
            try:
                has_row = instance.pk is not None and type(instance).objects.filter(pk=instance.pk).exists()
            except DatabaseError:
                continue  # cannot tell now: the sweep decides later
            if not has_row:
                _delete_quietly(storage, name)
            elif parent is not None:
                parent.append((instance, storage, name))  # an enclosing service may still fail
        return result

    return wrapper


def _file_fields():
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield model, field.name


def sweep_orphan_files(*, grace: dt.timedelta | None = None, now: float | None = None) -> list[str]:
    """Delete files under PRIVATE_MEDIA_ROOT that no row refers to and that are older than the grace period
    (a younger one may belong to a filing still in its transaction), and the folders left empty. Returns the
    removed paths, relative to the root."""
    if grace is None:
        grace = dt.timedelta(hours=getattr(settings, "ORPHAN_FILE_GRACE_HOURS", 24))
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    if not root.is_dir():
        return []
    cutoff = (now if now is not None else time.time()) - grace.total_seconds()
    known: set[str] = set()
    for model, field in _file_fields():
        known.update(model._default_manager.exclude(**{field: ""}).values_list(field, flat=True))
    removed = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        relative = path.relative_to(root).as_posix()
        if relative in known or path.stat().st_mtime > cutoff:
            continue
        try:
            path.unlink()
        except OSError:
            log.warning("could not remove the orphaned upload %s", relative, exc_info=True)
            continue
        removed.append(relative)
    for folder in sorted(
        (p for p in root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True
    ):
        try:
            folder.rmdir()  # only when empty
        except OSError:
            pass
    if removed:
        log.info("swept %s orphaned upload(s)", len(removed))
    return removed
