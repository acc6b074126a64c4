"""Photo credits and captions: new photos need a credit (and say why), old ones still save;
captions and alt text are shown in the reader's language, English marked where it stands in.
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from ilo_office.models import Photo
from tests.factories import ArticleFactory, PhotoFactory, jpeg_bytes

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/ilo_office/photo/add/"


def add(client, **fields):
    data = {
        "title": "Workers",
        "image": SimpleUploadedFile("p.jpg", jpeg_bytes(), "image/jpeg"),
        "alt_text_en": "Garment workers at their machines",
        "caption_en": "Workers in Hanoi",
        **fields,
    }
    return client.post(ADD_URL, data)


def change_data(photo, **changes):
    return {
        "title": photo.title,
        "alt_text_en": photo.alt_text_en,
        "alt_text_vi": photo.alt_text_vi or "",
        "caption_en": photo.caption_en or "",
        "caption_vi": photo.caption_vi or "",
        "credit": photo.credit,
        **changes,
    }


@pytest.mark.parametrize("credit", ["", "   "])
def test_a_new_photo_without_credit_is_refused_with_the_reason(admin_client, credit):
    """Uploading without a credit shows the photo policy, and stores nothing."""
    response = add(admin_client, credit=credit)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["credit"])
    assert "A credit is required for a new photo." in errors
    assert "photo policy credits every image" in errors
    assert not Photo.objects.exists()


def test_a_new_photo_with_credit_is_saved(admin_client):
    """With "© ILO/Name" the upload goes through."""
    response = add(admin_client, credit="© ILO/N.Tran")
    assert response.status_code == 302
    assert Photo.objects.get().credit == "© ILO/N.Tran"


def test_the_add_form_says_why_a_credit_is_asked(admin_client):
    """The credit field's help text gives the ILO's photo policy."""
    html = admin_client.get(ADD_URL).content.decode()
    assert "photo policy credits every image" in html


def test_an_old_photo_without_credit_still_saves_a_caption_fix(admin_client):
    """Fixing the caption of a photo from before the rule is not blocked by its missing credit."""
    photo = PhotoFactory(credit="")
    response = admin_client.post(
        reverse("admin:ilo_office_photo_change", args=[photo.pk]),
        change_data(photo, caption_en="A fixed caption"),
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.caption, photo.credit) == ("A fixed caption", "")


def test_an_old_photo_without_credit_shows_a_warning(admin_client):
    """Opening a photo with no credit says so, with the policy; a credited one does not."""
    uncredited = PhotoFactory(credit="")
    html = admin_client.get(
        reverse("admin:ilo_office_photo_change", args=[uncredited.pk])
    ).content.decode()
    assert "This photo has no credit yet." in html
    credited = PhotoFactory()
    html = admin_client.get(
        reverse("admin:ilo_office_photo_change", args=[credited.pk])
    ).content.decode()
    assert "This photo has no credit yet." not in html


def test_caption_and_alt_text_follow_the_readers_language(client):
    """/vi/ shows the Vietnamese caption; English stands in, marked lang="en", where none."""
    translated = ArticleFactory(
        hero=PhotoFactory(
            caption_en="Workers in Hanoi",
            caption_vi="Công nhân ở Hà Nội",
            alt_text_en="Garment workers",
            alt_text_vi="Công nhân may",
        )
    )
    english_only = ArticleFactory(
        hero=PhotoFactory(caption_en="Workers in Da Nang", alt_text_en="Dock workers")
    )
    with translation.override("vi"):
        urls = [translated.get_absolute_url(), english_only.get_absolute_url()]
    english_url = english_only.get_absolute_url()
    html = client.get(urls[0]).content.decode()
    assert '<span class="caption">Công nhân ở Hà Nội</span>' in html
    assert 'alt="Công nhân may" ' in html
    html = client.get(urls[1]).content.decode()
    assert '<span class="caption" lang="en">Workers in Da Nang</span>' in html
    assert 'alt="Dock workers" lang="en"' in html
    html = client.get(english_url).content.decode()
    assert '<span class="caption">Workers in Da Nang</span>' in html


def test_the_credit_rule_is_the_models_own():
    """Any form or import that validates a new photo meets the rule, not the admin alone."""
    photo = PhotoFactory.build(credit="")
    with pytest.raises(ValidationError) as refused:
        photo.full_clean()
    assert "credit" in refused.value.message_dict
    photo.full_clean(exclude=["credit", "image"])  # a form without the field: no error for it
