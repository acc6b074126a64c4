"""Photos: uploads checked by content, stored without metadata, renditions made once at
upload, old files removed; a photo readers see on published content is an editor's to change.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from reversion.models import Version

from ilo_office.backoffice.roles import CONTRIBUTOR, EDITOR, SITE_MANAGER
from ilo_office.images import validate_image_content
from ilo_office.models import Photo
from newsroom.models import ArticlePhoto
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OfficePageFactory,
    PhotoFactory,
    ProgrammeFactory,
    ThemeFactory,
    jpeg_bytes,
    staff_user,
)

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


# Staff fix a caption or credit --------------------------------------------------------


def change_url(photo):
    return reverse("admin:ilo_office_photo_change", args=[photo.pk])


def change_data(photo, **changes):
    """The change form as a browser sends it back, without a new file unless given."""
    data = {
        "title": photo.title,
        "alt_text_en": photo.alt_text_en or "Workers",
        "alt_text_vi": photo.alt_text_vi or "",
        "caption_en": photo.caption_en or "",
        "caption_vi": photo.caption_vi or "",
        "credit": photo.credit,
    }
    data.update(changes)
    return data


def test_saving_a_photo_without_a_new_file_keeps_the_file(admin_client):
    """Fixing a caption without uploading again saves (it was a 500) and keeps the image."""
    photo = PhotoFactory(image=upload(jpeg_bytes(800, 400)))
    before = (photo.image.name, photo.renditions)
    response = admin_client.post(change_url(photo), change_data(photo, caption_en="Fixed caption"))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "Fixed caption"
    assert (photo.image.name, photo.renditions) == before
    assert default_storage.exists(photo.image.name)


def test_truncated_jpeg_is_refused_and_leaves_no_file(admin_client, settings):
    """A JPEG cut short passes verify() but not a full decode: a form error, no orphan file."""
    whole = jpeg_bytes(900, 600, colour=(10, 200, 90))
    response = admin_client.post(
        reverse("admin:ilo_office_photo_add"),
        {"title": "Cut", "alt_text_en": "x", "image": upload(whole[: len(whole) * 2 // 3])},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"]
    assert not Photo.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]


# Privacy: nothing but pixels is published ---------------------------------------------


def jpeg_with_metadata(width=1200, height=800, orientation=None):
    """A camera-like JPEG: EXIF with GPS, an XMP packet, a comment and an ICC profile."""
    from PIL import ImageCms

    image = Image.new("RGB", (width, height), (120, 60, 30))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0131] = "SecretSoftware"
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (21.0, 1.0, 42.0)  # Hanoi, where the photographer stood
    gps[3] = "E"
    gps[4] = (105.0, 51.0, 12.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        exif=exif.tobytes(),
        comment=b"Home address of the source: 12 Hang Bac",
        xmp=b"<x:xmpmeta><rdf:Description photoshop:City='Hanoi'/></x:xmpmeta>",
        icc_profile=icc,
    )
    return buffer.getvalue(), icc


def served_files(photo):
    names = [photo.image.name]
    for entry in photo.renditions:
        names += [entry["webp"], entry["jpeg"]]
    return names


def test_no_metadata_is_published_in_the_original_or_any_rendition():
    """GPS, camera, XMP and comments are gone from every stored file; the ICC profile stays."""
    data, icc = jpeg_with_metadata()
    photo = PhotoFactory(image=upload(data, "IMG_0001.jpg"))
    for name in served_files(photo):
        with default_storage.open(name) as f:
            raw = f.read()
        for secret in (b"Hang Bac", b"CameraMaker", b"SecretSoftware", b"xmpmeta", b"Exif"):
            assert secret not in raw, (name, secret)
        with Image.open(io.BytesIO(raw)) as image:
            assert not image.getexif(), name
            assert "comment" not in image.info and "xmp" not in image.info, name
            assert image.info.get("icc_profile") == icc, name


def test_orientation_is_applied_before_it_is_dropped():
    """A portrait photo taken with the camera on its side is stored upright, its size swapped."""
    data, _icc = jpeg_with_metadata(1200, 800, orientation=6)
    photo = PhotoFactory(image=upload(data))
    assert (photo.width, photo.height) == (800, 1200)
    with default_storage.open(photo.image.name) as f, Image.open(f) as image:
        assert image.size == (800, 1200)
        assert not image.getexif()
    assert photo.renditions[0]["height"] > photo.renditions[0]["width"]


def test_stored_name_is_not_the_sent_name():
    """The stored original has a made name with a random part: not guessable from the upload."""
    first = PhotoFactory(image=upload(jpeg_bytes(), "DSC_0042.JPG"))
    second = PhotoFactory(image=upload(jpeg_bytes(), "DSC_0042.JPG"))
    assert first.image.name.startswith("photos/") and first.image.name.endswith(".jpg")
    assert "dsc-0042-" in first.image.name
    assert first.image.name != second.image.name


def test_replacing_a_photo_deletes_the_old_files(admin_client, django_capture_on_commit_callbacks):
    """After a new file is uploaded, the old original and renditions are no longer public."""
    photo = PhotoFactory(image=upload(jpeg_bytes(1000, 500)))
    old = served_files(photo)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            change_url(photo),
            change_data(photo, image=upload(jpeg_bytes(700, 700, colour=(1, 2, 3)), "new.jpg")),
        )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.width == 700
    assert not any(default_storage.exists(name) for name in old)
    assert all(default_storage.exists(name) for name in served_files(photo))


def test_deleting_a_photo_deletes_its_files(django_capture_on_commit_callbacks):
    """A deleted photo leaves nothing at its old addresses, once the deletion commits."""
    photo = PhotoFactory(image=upload(jpeg_bytes(1000, 500)))
    names = served_files(photo)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        photo.delete()
        assert all(default_storage.exists(name) for name in names)  # not before the commit
    assert callbacks
    assert not any(default_storage.exists(name) for name in names)


def test_files_another_photo_still_uses_are_kept(django_capture_on_commit_callbacks):
    """Photos sharing one file (volume data, a copy): deleting one keeps the file for the other."""
    photo = PhotoFactory(image=upload(jpeg_bytes(1000, 500)))
    twin = Photo.objects.create(
        title="Twin",
        alt_text="x",
        image=photo.image.name,
        renditions=photo.renditions,
        renditions_of=photo.renditions_of,
    )
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert all(default_storage.exists(name) for name in served_files(twin))


# A photo readers see follows the rule of the content that shows it -------------------


def _hero(photo, **kwargs):
    return ArticleFactory(hero=photo, **kwargs)


def _further(photo, **kwargs):
    article = ArticleFactory(**kwargs)
    ArticlePhoto.objects.create(article=article, photo=photo)
    return article


PUBLIC_USES = {
    "article main photo": _hero,
    "article further photo": _further,
    "event photo": lambda photo, **kw: EventFactory(photo=photo, **kw),
    "programme photo": lambda photo, **kw: ProgrammeFactory(photo=photo, **kw),
    "programme logo": lambda photo, **kw: ProgrammeFactory(logo=photo, **kw),
    "office page photo": lambda photo, **kw: OfficePageFactory(photo=photo, **kw),
}


def as_user(client, role):
    user = staff_user(role)
    client.force_login(user)
    return user


@pytest.mark.parametrize("use", PUBLIC_USES)
@pytest.mark.parametrize("scheduled", [False, True], ids=["live", "scheduled"])
def test_contributor_cannot_change_a_photo_of_published_content(client, use, scheduled):
    """Caption, credit, alt text and file of a photo on published content are refused."""
    photo = PhotoFactory()
    PUBLIC_USES[use](photo, scheduled=scheduled)
    as_user(client, CONTRIBUTOR)
    page = client.get(change_url(photo))
    assert page.status_code == 200
    assert "only an editor may change it" in page.content.decode()
    assert not page.context["has_change_permission"]
    for changes in (
        {"caption_en": "Forged caption"},
        {"credit": "Forged"},
        {"alt_text_en": "Forged"},
        {"image": upload(jpeg_bytes(500, 500, colour=(0, 0, 0)), "swap.jpg")},
    ):
        response = client.post(change_url(photo), change_data(photo, **changes))
        assert response.status_code == 403
    fresh = Photo.objects.get(pk=photo.pk)
    assert (fresh.caption, fresh.credit, fresh.alt_text_en, fresh.image.name) == (
        photo.caption,
        photo.credit,
        photo.alt_text_en,
        photo.image.name,
    )


@pytest.mark.parametrize("use", PUBLIC_USES)
def test_contributor_still_edits_a_photo_used_only_by_drafts(client, use):
    """A photo shown only by drafts (or items in review) stays open to contributors."""
    photo = PhotoFactory()
    PUBLIC_USES[use](photo, draft=True)
    as_user(client, CONTRIBUTOR)
    response = client.post(change_url(photo), change_data(photo, caption_en="Better caption"))
    assert response.status_code == 302
    assert Photo.objects.get(pk=photo.pk).caption == "Better caption"


def test_photo_of_an_area_of_work_is_a_site_managers_to_change(client):
    """Areas of work are always public and a site manager's: so is their photo."""
    photo = PhotoFactory()
    ThemeFactory(photo=photo)
    for role in (CONTRIBUTOR, EDITOR):
        client.force_login(staff_user(role, username=role.lower()))
        response = client.post(change_url(photo), change_data(photo, caption_en="Forged"))
        assert response.status_code == 403
    as_user(client, SITE_MANAGER)
    response = client.post(change_url(photo), change_data(photo, caption_en="Checked"))
    assert response.status_code == 302


def test_editor_change_to_a_published_photo_is_recorded(client):
    """An editor may change it; the revision names who and the published items it changed."""
    photo = PhotoFactory()
    article = ArticleFactory(hero=photo, title="Minimum wage rises")
    editor = as_user(client, EDITOR)
    response = client.post(change_url(photo), change_data(photo, credit="© ILO/N.Tran"))
    assert response.status_code == 302
    assert Photo.objects.get(pk=photo.pk).credit == "© ILO/N.Tran"
    revision = Version.objects.get_for_object(photo).first().revision
    assert revision.user == editor
    assert "credit" in revision.comment.lower()
    assert article.title in revision.comment


def test_contributor_cannot_restore_an_old_revision_of_a_published_photo(client):
    """The revision history is no way round the rule."""
    photo = PhotoFactory(caption="First caption")
    ArticleFactory(hero=photo)
    editor_client = client
    as_user(editor_client, EDITOR)
    editor_client.post(change_url(photo), change_data(photo, caption_en="Checked caption"))
    first = Version.objects.get_for_object(photo).last()
    client.logout()
    as_user(client, CONTRIBUTOR)
    url = reverse("admin:ilo_office_photo_revision", args=[photo.pk, first.pk])
    response = client.post(url, change_data(photo, caption_en="First caption"))
    assert response.status_code == 403
    assert Photo.objects.get(pk=photo.pk).caption == "Checked caption"


def test_photos_stored_before_cleaning_are_cleaned_by_the_command(
    django_capture_on_commit_callbacks,
):
    """`clean_photo_files` stores old originals again without GPS and deletes the old files."""
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    data, _icc = jpeg_with_metadata(1000, 600)
    legacy = default_storage.save("photos/2020/01/IMG_0001.jpg", ContentFile(data))
    photo = Photo.objects.create(
        title="Old", alt_text="x", image=legacy, renditions_of=legacy, width=1000, height=600
    )
    twin = Photo.objects.create(
        title="Twin", alt_text="x", image=legacy, renditions_of=legacy, width=1000, height=600
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_photo_files", stdout=io.StringIO())
    photo.refresh_from_db()
    twin.refresh_from_db()
    assert photo.image.name != legacy and twin.image.name == photo.image.name
    assert twin.renditions == photo.renditions and photo.renditions
    assert not default_storage.exists(legacy)
    for name in served_files(photo):
        with default_storage.open(name) as f:
            assert b"Hang Bac" not in f.read(), name
    out = io.StringIO()
    call_command("clean_photo_files", stdout=out)
    assert out.getvalue().startswith("0 photo files cleaned")


def test_restoring_a_version_whose_file_was_deleted_is_refused(
    admin_client, django_capture_on_commit_callbacks
):
    """A revision from before a replacement names a deleted file: refused with a message."""
    photo = PhotoFactory.build(image=upload(jpeg_bytes(600, 400)))
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:ilo_office_photo_add"),
            change_data(photo, image=upload(jpeg_bytes(600, 400), "first.jpg")),
        )
        photo = Photo.objects.get()
        admin_client.post(
            change_url(photo),
            change_data(photo, image=upload(jpeg_bytes(300, 300, colour=(9, 9, 9)), "next.jpg")),
        )
    first = Version.objects.get_for_object(photo).last()
    url = reverse("admin:ilo_office_photo_revision", args=[photo.pk, first.pk])
    response = admin_client.post(url, change_data(photo), follow=True)
    assert "Upload the image again" in response.content.decode()
    photo.refresh_from_db()
    assert default_storage.exists(photo.image.name) and photo.width == 300


def test_a_failed_save_leaves_no_file_behind(monkeypatch, settings):
    """If making renditions fails half-way, the photo is not saved and no file is left."""
    import ilo_office.images

    real_save = Image.Image.save
    calls = {"n": 0}

    def failing_save(self, fp, format=None, **params):
        calls["n"] += 1
        if calls["n"] == 4:  # the original and a few renditions are written by then
            raise OSError("disk full")
        return real_save(self, fp, format, **params)

    monkeypatch.setattr(ilo_office.images.Image.Image, "save", failing_save)
    with pytest.raises(OSError):
        PhotoFactory(image=upload(jpeg_bytes(2000, 1000)))
    assert not Photo.objects.exists()
    assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]


def test_on_s3_storage_files_are_cleaned_and_old_ones_deleted(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    """MEDIA_STORAGE=s3: the same rules through the storage API (moto's emulated S3)."""
    boto3 = pytest.importorskip("boto3")
    moto = pytest.importorskip("moto")
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    with moto.mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="ilo-media")
        settings.AWS_STORAGE_BUCKET_NAME = "ilo-media"
        settings.AWS_S3_REGION_NAME = "us-east-1"
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "storages.backends.s3.S3Storage"},
        }

        def keys():
            listing = boto3.client("s3").list_objects_v2(Bucket="ilo-media")
            return {item["Key"] for item in listing.get("Contents", [])}

        data, _icc = jpeg_with_metadata(1000, 600)
        photo = PhotoFactory(image=upload(data))
        first = set(served_files(photo))
        assert first == keys()
        with default_storage.open(photo.image.name) as f:
            assert b"Hang Bac" not in f.read()
        with django_capture_on_commit_callbacks(execute=True):
            photo.image = upload(jpeg_bytes(500, 500), "new.jpg")
            photo.save()
        assert keys() == set(served_files(photo))
        assert not first & keys()
        with django_capture_on_commit_callbacks(execute=True):
            photo.delete()
        assert keys() == set()


def test_deleting_a_photo_follows_the_same_rule(client):
    """An editor deletes a photo of published news, not one an area of work shows."""
    as_user(client, EDITOR)
    news_photo, theme_photo = PhotoFactory(), PhotoFactory()
    ArticleFactory(hero=news_photo)
    ThemeFactory(photo=theme_photo)
    for photo, expected in ((theme_photo, 403), (news_photo, 302)):
        url = reverse("admin:ilo_office_photo_delete", args=[photo.pk])
        assert client.post(url, {"post": "yes"}).status_code == expected
    assert list(Photo.objects.all()) == [theme_photo]


def test_bulk_delete_follows_the_same_rule(client):
    """The list's "delete selected" refuses a selection holding a photo an area of work shows."""
    as_user(client, EDITOR)
    news_photo, theme_photo = PhotoFactory(), PhotoFactory()
    ArticleFactory(hero=news_photo)
    ThemeFactory(photo=theme_photo)
    url = reverse("admin:ilo_office_photo_changelist")
    selection = {"action": "delete_selected", "_selected_action": [news_photo.pk, theme_photo.pk]}
    confirmation = client.post(url, selection)
    assert "photos shown on content you may not change" in confirmation.content.decode()
    assert client.post(url, {**selection, "post": "yes"}).status_code == 403
    assert Photo.objects.count() == 2
    client.post(url, {**selection, "_selected_action": [news_photo.pk], "post": "yes"})
    assert list(Photo.objects.all()) == [theme_photo]


def _png_with_metadata():
    from PIL.PngImagePlugin import PngInfo

    exif = Image.Exif()
    exif[0x0131] = "SecretSoftware"
    info = PngInfo()
    info.add_text("Location", "Hang Bac street")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Hang Bac</x:xmpmeta>")
    image = Image.new("RGBA", (300, 200), (10, 20, 30, 128))
    return encoded_image(image, "PNG", pnginfo=info, exif=exif.tobytes())


def _webp_with_metadata():
    exif = Image.Exif()
    exif[0x0131] = "SecretSoftware"
    return encoded_image(
        Image.new("RGB", (300, 200)), "WEBP", exif=exif.tobytes(), xmp=b"<x>Hang Bac</x>"
    )


def encoded_image(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "extension"), [(_png_with_metadata, ".png"), (_webp_with_metadata, ".webp")]
)
def test_png_and_webp_originals_are_stored_without_metadata(make, extension):
    """PNG text chunks, XMP and EXIF in PNG and WebP uploads are not stored either."""
    photo = PhotoFactory(image=upload(make(), "photo" + extension))
    assert photo.image.name.endswith(extension)
    for name in served_files(photo):
        with default_storage.open(name) as f:
            raw = f.read()
        assert b"Hang Bac" not in raw and b"SecretSoftware" not in raw, name
