"""Every page of the back office opens, for a superuser and for each role where allowed."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from ilo_office.backoffice.models import PublishingLog
from ilo_office.backoffice.roles import CONTRIBUTOR, EDITOR, SITE_MANAGER
from ilo_office.pages.models import HomeBlock
from tests.factories import (
    ArticleFactory,
    EventFactory,
    FeaturedProgrammeFactory,
    FeaturedStoryFactory,
    KeyFigureFactory,
    OfficePageFactory,
    PartnerFactory,
    PhotoFactory,
    PlaceFactory,
    ProgrammeContactFactory,
    ProgrammeFactory,
    ProgrammePartnerFactory,
    ProgrammePhaseFactory,
    PublicationFactory,
    ThemeFactory,
    publication_file,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_each():
    """One row of every type the admin manages, with photos and programme details."""
    photo = PhotoFactory()
    programme = ProgrammeFactory(photo=photo)
    ProgrammePhaseFactory(programme=programme)
    KeyFigureFactory(programme=programme)
    ProgrammePartnerFactory(programme=programme)
    ProgrammeContactFactory(programme=programme)
    article = ArticleFactory(hero=photo, programmes=[programme], themes=[ThemeFactory()])
    EventFactory(photo=photo, programmes=[programme], draft=True)
    OfficePageFactory(photo=photo)
    publication_file(PublicationFactory(programmes=[programme]))
    PartnerFactory()
    PlaceFactory()
    FeaturedStoryFactory(article=article)
    FeaturedProgrammeFactory(programme=programme)
    staff = staff_user(CONTRIBUTOR, username="someone")
    PublishingLog.objects.create(
        content_type_id=1, object_id=article.pk, object_repr=str(article), action="published"
    )
    assert HomeBlock.objects.exists()
    return staff


OUR_APPS = {
    "newsroom",
    "events",
    "publications",
    "programmes",
    "pages",
    "ilo_office",
    "backoffice",
    "auth",
}


def admin_pages(user):
    """(url, expected status) for the list, add and change page of every registered model."""
    request = RequestFactory().get("/admin/")
    request.user = user
    pages = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        obj = model._default_manager.order_by("pk").first()
        if opts.app_label in OUR_APPS:
            assert obj is not None, f"no {opts.label} to open"
        may_see = model_admin.has_view_or_change_permission(request)
        pages.append((reverse(f"{name}_changelist"), 200 if may_see else 403))
        if model_admin.has_add_permission(request):
            pages.append((reverse(f"{name}_add"), 200))
        elif model is not HomeBlock and model is not PublishingLog:
            pages.append((reverse(f"{name}_add"), 403))
        if obj is None:
            continue  # another app's log (login attempts...): its list is enough
        may_open = model_admin.has_view_or_change_permission(request, obj)
        pages.append((reverse(f"{name}_change", args=[obj.pk]), 200 if may_open else 403))
    return pages


@pytest.mark.parametrize("role", ["superuser", CONTRIBUTOR, EDITOR, SITE_MANAGER])
def test_every_admin_page_opens_where_the_role_allows(client, one_of_each, role):
    """Lists, add and change forms answer 200 where the role may go and 403 elsewhere."""
    if role == "superuser":
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    else:
        user = staff_user(role)
    client.force_login(user)
    pages = admin_pages(user)
    assert len(pages) >= 40
    for url, expected in pages:
        response = client.get(url)
        assert response.status_code == expected, (url, response.status_code)
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize(
    ("role", "sees", "does_not_see"),
    [
        (CONTRIBUTOR, ["Articles", "Photos", "Office pages"], ["Users", "Home page blocks"]),
        (EDITOR, ["Articles", "Publishing log"], ["Users", "Featured stories"]),
        (SITE_MANAGER, ["Users", "Groups", "Home page blocks", "Featured stories"], []),
    ],
)
def test_each_role_finds_its_sections_on_the_admin_index(client, role, sees, does_not_see):
    """The index lists what the role manages and nothing it may not open."""
    client.force_login(staff_user(role))
    html = client.get(reverse("admin:index")).content.decode()
    for section in sees:
        assert f">{section}<" in html, section
    for section in does_not_see:
        assert f">{section}<" not in html, section


def test_roles_exist_after_migrate_with_their_permissions():
    """The migration and the post-migrate sync leave three groups, each a superset of the last."""
    perms = {
        group.name: {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        for group in Group.objects.prefetch_related("permissions__content_type")
    }
    assert {CONTRIBUTOR, EDITOR, SITE_MANAGER} <= set(perms)
    assert perms[CONTRIBUTOR] < perms[EDITOR] < perms[SITE_MANAGER]
    assert "newsroom.publish_article" not in perms[CONTRIBUTOR]
    assert "newsroom.publish_article" in perms[EDITOR]
    assert "auth.change_user" in perms[SITE_MANAGER]
    assert "auth.change_user" not in perms[EDITOR]
