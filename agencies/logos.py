"""The letterhead logos administrators upload (issue 17 point 1), checked by content: a PNG or JPEG by its magic
bytes that Pillow (which WeasyPrint brings) actually decodes, at most LOGO_MAX_BYTES and LOGO_MAX_PIXELS a side.
The file's name and its declared type are never trusted."""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_PIXELS = 2000
# magic bytes -> (Pillow's format name, the content type)
LOGO_KINDS = {
    b"\x89PNG\r\n\x1a\n": ("PNG", "image/png"),
    b"\xff\xd8\xff": ("JPEG", "image/jpeg"),
}


def logo_bytes(uploaded) -> bytes:
    """The uploaded logo's bytes once they pass every check; else ValidationError({"logo": ...}) in Indonesian."""
    size = getattr(uploaded, "size", None)
    if size is not None and size > LOGO_MAX_BYTES:
        raise ValidationError({"logo": _("Logo paling besar 1 MB.")})
    uploaded.seek(0)
    data = uploaded.read(LOGO_MAX_BYTES + 1)
    uploaded.seek(0)
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError({"logo": _("Logo paling besar 1 MB.")})
    if not data:
        raise ValidationError({"logo": _("Berkas logo kosong.")})
    kind = next((fmt for magic, (fmt, _type) in LOGO_KINDS.items() if data.startswith(magic)), None)
    not_image = ValidationError(
        {"logo": _("Logo harus gambar PNG atau JPEG yang sah (isi berkas tidak sesuai atau rusak).")}
    )
    if kind is None:
        raise not_image
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != kind:
                raise not_image
            width, height = image.size
            if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
                raise ValidationError(
                    {
                        "logo": _(
                            "Logo paling besar %(max)s × %(max)s piksel; berkas ini %(w)s × %(h)s piksel."
                        )
                        % {"max": LOGO_MAX_PIXELS, "w": width, "h": height}
                    }
                )
            image.load()  # decodes every pixel: a corrupt file fails here
        # WeasyPrint lets Pillow load truncated images (ImageFile.LOAD_TRUNCATED_IMAGES, process-wide), so the
        # whole file is checked apart: a PNG's chunks with their checksums up to IEND, a JPEG's end marker.
        if kind == "PNG":
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        elif not data.rstrip(b"\0").endswith(b"\xff\xd9"):
            raise not_image
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise not_image from exc
    return data
