"""Photo uploads: checked by content, and resized once, at upload.

Readers on phones and slow connections get a width that fits their screen, in
WebP with a JPEG fallback, from `srcset`; nothing is resized per request. The
file name says nothing about a file's content, so an upload is accepted only if
Pillow can decode it as one of the formats below, within a pixel budget that
keeps a decompression bomb from exhausting the server's memory.
"""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAX_PIXELS = 40_000_000  # a 50-megapixel camera is not needed for the web; 8000x5000 is plenty
MAX_BYTES = 15 * 1024 * 1024
RENDITION_WIDTHS = (480, 960, 1600)


def validate_image_content(upload):
    """Refuse anything that is not really a JPEG, PNG or WebP image of a sane size."""
    if upload.size and upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 15 MB. Please upload a smaller photo."))
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            fmt = image.format
            width, height = image.size
            if fmt in ALLOWED_FORMATS and width * height <= MAX_PIXELS:
                image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a photo we can read. Please upload a JPEG, PNG or WebP image.")
        ) from None
    finally:
        upload.seek(position)
    if fmt not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s files are not accepted. Please upload a JPEG, PNG or WebP image."),
            params={"format": fmt},
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("The photo is %(width)s by %(height)s pixels; the limit is 40 megapixels."),
            params={"width": width, "height": height},
        )


def make_renditions(photo):
    """Write the resized copies of `photo.image` to storage; return their descriptions."""
    storage = photo.image.storage
    photo.image.open("rb")
    try:
        with Image.open(photo.image) as original:
            image = ImageOps.exif_transpose(original)
            image = image.convert("RGB")
    finally:
        photo.image.close()
    widths = [w for w in RENDITION_WIDTHS if w < image.width] or [image.width]
    if image.width < RENDITION_WIDTHS[-1] and image.width not in widths:
        widths.append(image.width)
    renditions = []
    for width in sorted(widths):
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        entry = {"width": width, "height": height}
        for key, fmt, options in (
            ("webp", "WEBP", {"quality": 80, "method": 4}),
            ("jpeg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}),
        ):
            buffer = io.BytesIO()
            resized.save(buffer, fmt, **options)
            name = f"photos/renditions/{photo.pk}/{width}.{key.replace('jpeg', 'jpg')}"
            if storage.exists(name):
                storage.delete(name)
            entry[key] = storage.save(name, ContentFile(buffer.getvalue()))
            # Feeds announce enclosure lengths; knowing them avoids a stat per item.
            entry[f"{key}_bytes"] = buffer.tell()
        renditions.append(entry)
    return renditions
