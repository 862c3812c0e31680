"""Checking uploads by their content, not their name."""

import hashlib
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Signature, MIME type, the extensions a file of that type may carry.
_SIGNATURES = [
    (b"%PDF-", "application/pdf", {".pdf"}),
    (b"\x89PNG\r\n\x1a\n", "image/png", {".png"}),
    (b"\xff\xd8\xff", "image/jpeg", {".jpg", ".jpeg"}),
]


def max_upload_bytes() -> int:
    return getattr(settings, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024)


def inspect_upload(uploaded) -> tuple[str, int, str]:
    """Return (content_type, size, sha256) of an accepted upload, or raise ValidationError in Indonesian."""
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
    for signature, content_type, extensions in _SIGNATURES:
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
    raise ValidationError(
        _("Berkas %(name)s bukan PDF, PNG, atau JPEG yang sah (isinya tidak sesuai dengan namanya).")
        % {"name": name}
    )
