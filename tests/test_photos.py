"""Photos: uploads checked by content, renditions made once at upload."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ilo_office.images import validate_image_content
from ilo_office.models import Photo
from tests.factories import PhotoFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data, "image/jpeg")


def image_bytes(fmt, size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def test_renditions_made_at_upload_in_webp_and_jpeg():
    """A large photo gets the standard widths, each in WebP and JPEG, with true heights."""
    photo = PhotoFactory(image=upload(jpeg_bytes(2000, 1000)))
    assert [(r["width"], r["height"]) for r in photo.renditions] == [
        (480, 240),
        (960, 480),
        (1600, 800),
    ]
    storage = photo.image.storage
    for entry in photo.renditions:
        with storage.open(entry["webp"]) as f, Image.open(f) as img:
            assert (img.format, img.width) == ("WEBP", entry["width"])
        with storage.open(entry["jpeg"]) as f, Image.open(f) as img:
            assert (img.format, img.width) == ("JPEG", entry["width"])
    assert "480w" in photo.webp_srcset and "1600w" in photo.jpeg_srcset


def test_small_photo_is_never_enlarged():
    """A photo narrower than the smallest width keeps its own size."""
    photo = PhotoFactory(image=upload(jpeg_bytes(300, 200)))
    assert [(r["width"], r["height"]) for r in photo.renditions] == [(300, 200)]


def test_editing_the_caption_does_not_redo_renditions():
    """Renditions are made once per uploaded file, not on every save."""
    photo = PhotoFactory(image=upload(jpeg_bytes(1000, 500)))
    before = list(photo.renditions)
    photo.caption = "A new caption"
    photo.save()
    photo.refresh_from_db()
    assert photo.renditions == before


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "x.jpg"),
        (b"GIF89a not really", "x.png"),
        (b"%PDF-1.4 a document", "photo.jpg"),
        (jpeg_bytes()[:40], "truncated.jpg"),
    ],
)
def test_non_images_are_refused_whatever_their_name(data, name):
    """A file is judged by its content: a renamed non-image is a form error."""
    with pytest.raises(ValidationError):
        validate_image_content(upload(data, name))


def test_unsupported_format_is_refused_with_its_name():
    """A real image in a format we don't publish (GIF, BMP) gets a clear message."""
    with pytest.raises(ValidationError, match="GIF"):
        validate_image_content(upload(image_bytes("GIF"), "anim.jpg"))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_supported_formats_are_accepted(fmt):
    """JPEG, PNG and WebP photos pass whatever their file name."""
    validate_image_content(upload(image_bytes(fmt), "photo.bin"))


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_decompression_bomb_is_refused():
    """An image claiming enormous dimensions is refused before it is decoded."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")
    with pytest.raises(ValidationError, match="megapixels"):
        validate_image_content(upload(buffer.getvalue(), "bomb.png"))


def test_admin_upload_of_a_non_image_is_a_form_error(admin_client):
    """Uploading a renamed PDF in the admin shows an error and saves nothing."""
    response = admin_client.post(
        "/admin/ilo_office/photo/add/",
        {
            "title": "Fake",
            "alt_text": "x",
            "image": upload(b"%PDF-1.4 not an image", "fake.jpg"),
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"]
    assert not Photo.objects.exists()
