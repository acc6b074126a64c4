"""Photo uploads: checked by content, stored without metadata, resized once, at upload.

Readers on phones and slow connections get a width that fits their screen, in
WebP with a JPEG fallback, from `srcset`; nothing is resized per request.

Threat model. Anyone with a staff account (or a stolen one) can upload; everything
stored under the media URL is public at an address that is easy to guess, forever
cached by CDNs. So:

- A file is judged by its content, never its name or its Content-Type: it must be
  a JPEG, PNG or WebP that Pillow both verifies (structure, checksums) and fully
  decodes (a truncated file passes verify() and only fails when its pixels are
  read, which used to be a 500 at rendition time with an orphan file left behind).
- Size and pixel count are bounded before any pixel is decoded (settings
  PHOTO_MAX_UPLOAD_BYTES, PHOTO_MAX_PIXELS): a decompression bomb is refused by its
  header.
- A file that also carries markup or a script (an image/HTML polyglot, an SVG, a
  page renamed .jpg, a ZIP appended to a JPEG) is refused, even if its pixels decode:
  a browser or a careless proxy that sniffs content must never find a page in it.
- What is stored is not what was sent: the original is decoded and written again,
  orientation applied, with no EXIF, GPS, XMP, IPTC or comment, only the ICC colour
  profile (so colours stay right) and PNG transparency. Renditions likewise.
- Stored names are made here: ASCII letters, digits and hyphens from the sent name,
  capped in length, plus a random part; the extension says the real format. A sent
  name can never climb out of the upload folder or hide its extension with
  right-to-left or look-alike characters.
"""

import io
import secrets
import unicodedata
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow's name for the format -> the stored file's extension. MPO is how Pillow names
# the JPEG files of many phone cameras (a JPEG with a second, preview image).
ALLOWED_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
DEFAULT_MAX_PIXELS = 40_000_000  # 8000x5000: more than the web needs
DEFAULT_MAX_BYTES = 15 * 1024 * 1024
RENDITION_WIDTHS = (480, 960, 1600)
NAME_STEM_MAX = 40

# Byte strings that have no business in a photo: they make a file a web page, an SVG
# or a script to anything that sniffs content. Searched case-insensitively in the
# whole file; the shortest is 5 bytes, so a chance match in compressed pixels is
# about one in a thousand for the largest file allowed, and then staff get a clear
# message and can export the photo again.
MARKUP_SIGNATURES = (
    b"<script",
    b"<html",
    b"<body",
    b"<svg",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<?php",
    b"<?xml",
    b"<!doctype",
    b"javascript:",
)
# A ZIP (JAR, PHAR, Office document) is read from its end: this record in the last
# 64 KB makes the file an archive as well as an image.
ZIP_END_OF_DIRECTORY = b"PK\x05\x06"
ZIP_TAIL = 65_536 + 22


def max_bytes():
    return getattr(settings, "PHOTO_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


def max_pixels():
    return getattr(settings, "PHOTO_MAX_PIXELS", DEFAULT_MAX_PIXELS)


def _megabytes(n):
    return f"{n / (1024 * 1024):.0f}"


def _unreadable():
    return ValidationError(
        _("This file is not a photo we can read. Please upload a JPEG, PNG or WebP image."),
        code="unreadable",
    )


def read_upload(upload, limit):
    """The upload's bytes (at most limit + 1 of them), leaving its position as it was."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        return upload.read(limit + 1)
    finally:
        upload.seek(position)


def validate_image_content(upload):
    """Refuse anything that is not really a JPEG, PNG or WebP image of a sane size.

    A file already stored was checked when it was uploaded: saving a photo again
    (to fix a caption) does not read it back.
    """
    if getattr(upload, "_committed", False):
        return
    if getattr(upload, "content_checked", False) or getattr(
        getattr(upload, "file", None), "content_checked", False
    ):
        return  # by the admin's upload field, a moment ago
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s MB. Please upload a smaller photo."),
            code="too_large",
            params={"limit": _megabytes(limit)},
        )
    data = read_upload(upload, limit)
    if len(data) > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s MB. Please upload a smaller photo."),
            code="too_large",
            params={"limit": _megabytes(limit)},
        )
    if not data:
        raise ValidationError(_("The file is empty. Please upload a photo."), code="empty")
    check_image_bytes(data)


def check_image_bytes(data):
    """Raise ValidationError unless `data` is a whole, decodable, allowed, sane image."""
    lowered = data.lower()
    if any(signature in lowered for signature in MARKUP_SIGNATURES) or (
        ZIP_END_OF_DIRECTORY in data[-ZIP_TAIL:]
    ):
        raise ValidationError(
            _(
                "This file contains more than a picture (web page, script or archive "
                "content), so it cannot be published. Please export the photo again as a "
                "plain JPEG, PNG or WebP."
            ),
            code="markup",
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format
            width, height = image.size
    except Image.DecompressionBombError:
        raise _too_many_pixels(None, None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _unreadable() from None
    if fmt not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s files are not accepted. Please upload a JPEG, PNG or WebP image."),
            code="format",
            params={"format": fmt},
        )
    if width < 1 or height < 1 or width * height > max_pixels():
        raise _too_many_pixels(width, height)
    try:
        # verify() checks the structure (PNG checksums...) but not every pixel; a
        # truncated JPEG passes it. load() decodes the whole image, on a fresh
        # object, because a verified image cannot be used again.
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except Image.DecompressionBombError:
        raise _too_many_pixels(width, height) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _unreadable() from None


def _too_many_pixels(width, height):
    limit = f"{max_pixels() / 1_000_000:g}"
    if width is None:
        return ValidationError(
            _("The photo has too many pixels; the limit is %(limit)s megapixels."),
            code="too_many_pixels",
            params={"limit": limit},
        )
    return ValidationError(
        _("The photo is %(width)s by %(height)s pixels; the limit is %(limit)s megapixels."),
        code="too_many_pixels",
        params={"width": width, "height": height, "limit": limit},
    )


class PhotoUploadField(forms.FileField):
    """The admin's upload field: checks the file with the validator above, nothing else.

    Django's forms.ImageField opens and verifies the file first and answers every
    problem with one generic message; the validator says what is wrong (too large,
    too many pixels, a format we don't publish, script content...).
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput)
        # The sent name is never used as such (see safe_name): a long one is no error.
        kwargs["max_length"] = None
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", "image/jpeg,image/png,image/webp")

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            # Here, before the form puts the file on the photo: Django reads its size
            # then, and a bomb or a non-image would be a 500 instead of a form error.
            validate_image_content(upload)
            upload.content_checked = True
        return upload


def safe_name(sent_name, extension):
    """A stored file name from the sent one: no folders, ASCII, capped, unguessable."""
    base = PurePosixPath(str(sent_name or "").replace("\\", "/")).name
    stem = base.rsplit(".", 1)[0] if "." in base else base
    # Vietnamese đ has no decomposition: NFKD alone would drop it ("Đồng" -> "ong").
    stem = stem.replace("đ", "d").replace("Đ", "D")
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    stem = slugify(stem).replace("_", "-")[:NAME_STEM_MAX].strip("-") or "photo"
    return f"{stem}-{secrets.token_hex(6)}.{extension}"


def _without_metadata(image, icc_profile):
    """`image` carrying nothing but its pixels, its colour profile and its transparency."""
    kept = {}
    if icc_profile:
        kept["icc_profile"] = icc_profile
    if "transparency" in image.info:
        kept["transparency"] = image.info["transparency"]
    image.info = kept
    return image


class CleanPhoto:
    """An upload decoded, turned upright and emptied of metadata, ready to be stored."""

    def __init__(self, image, fmt, icc_profile):
        self.image = image
        self.format = "JPEG" if fmt == "MPO" else fmt
        self.extension = ALLOWED_FORMATS[fmt]
        self.icc_profile = icc_profile

    @classmethod
    def from_file(cls, file):
        file.open("rb")
        try:
            file.seek(0)
            data = file.read()
        finally:
            file.close()
        with Image.open(io.BytesIO(data)) as original:
            fmt = original.format
            if fmt not in ALLOWED_FORMATS:
                raise _unreadable()
            icc_profile = original.info.get("icc_profile")
            original.load()
            upright = ImageOps.exif_transpose(original)
        return cls(_without_metadata(upright, icc_profile), fmt, icc_profile)

    def encoded(self):
        """The stored original: re-encoded in its own format, close to the sent quality."""
        image = self.image
        options = {}
        if self.icc_profile:
            options["icc_profile"] = self.icc_profile
        if self.format == "JPEG":
            if image.mode not in ("RGB", "L", "CMYK"):
                image = image.convert("RGB")
            options.update(quality=95, subsampling=0)
        elif self.format == "WEBP":
            options.update(quality=95, method=4)
        buffer = io.BytesIO()
        image.save(buffer, self.format, **options)
        return buffer.getvalue()


def make_renditions(photo, clean=None, written=None):
    """Write the resized copies of `photo.image` to storage; return their descriptions.

    Each stored original has renditions of its own names (from the original's), so a
    replaced photo never overwrites files that a cached page or a rolled-back save
    still points at; the old ones are deleted once nothing refers to them.
    """
    storage = photo.image.storage
    if clean is None:
        clean = CleanPhoto.from_file(photo.image)
    image = _without_metadata(clean.image.convert("RGB"), clean.icc_profile)
    stem = PurePosixPath(photo.image.name).stem
    widths = [w for w in RENDITION_WIDTHS if w < image.width] or [image.width]
    if image.width < RENDITION_WIDTHS[-1] and image.width not in widths:
        widths.append(image.width)
    renditions = []
    for width in sorted(widths):
        height = max(1, round(image.height * width / image.width))
        resized = _without_metadata(
            image.resize((width, height), Image.Resampling.LANCZOS), clean.icc_profile
        )
        entry = {"width": width, "height": height}
        for key, fmt, options in (
            ("webp", "WEBP", {"quality": 80, "method": 4}),
            ("jpeg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}),
        ):
            if clean.icc_profile:
                options = {**options, "icc_profile": clean.icc_profile}
            buffer = io.BytesIO()
            resized.save(buffer, fmt, **options)
            name = f"photos/renditions/{photo.pk}/{stem}-{width}.{key.replace('jpeg', 'jpg')}"
            entry[key] = storage.save(name, ContentFile(buffer.getvalue()))
            if written is not None:
                written.append(entry[key])  # for the caller to delete if the save fails
            # Feeds announce enclosure lengths; knowing them avoids a stat per item.
            entry[f"{key}_bytes"] = buffer.tell()
        renditions.append(entry)
    return renditions


def rendition_files(renditions):
    """The storage names of a photo's renditions."""
    return {entry[key] for entry in renditions or [] for key in ("webp", "jpeg") if entry.get(key)}
