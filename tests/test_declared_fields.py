"""Rich-text fields and the slug source, declared once per model (DeclaredFields).

What the admin edits with the rich-text editor is what save() sanitises, and the slug
the admin fills in as staff type comes from the field save() makes it from.
"""

import pytest
from django.contrib import admin

from ilo_office.publishing import DeclaredFields
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OfficePageFactory,
    OpportunityFactory,
    PartnerFactory,
    ProgrammeFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = '<p>Hello</p><script>alert("x")</script>'


def declaring_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if issubclass(model, DeclaredFields)
    ]


def test_the_admin_gives_the_editor_to_the_declared_rich_text_fields_and_no_other(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    assert declaring_admins()
    for model, model_admin in declaring_admins():
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False):
                continue
            base = getattr(field, "translated_field", field).name
            form_field = model_admin.formfield_for_dbfield(field, request)
            if form_field is None:
                continue
            has_editor = any("ProseEditor" in k.__name__ for k in type(form_field.widget).__mro__)
            assert has_editor == (base in model.RICH_TEXT), (model, field.name)


def test_the_admin_fills_the_slug_from_the_declared_source():
    for model, model_admin in declaring_admins():
        if model.SLUG_SOURCE:
            # modeltranslation fills a translated source from its English column.
            (source,) = model_admin.prepopulated_fields["slug"]
            assert source in (model.SLUG_SOURCE[0], f"{model.SLUG_SOURCE[0]}_en"), model


@pytest.mark.parametrize(
    "factory",
    [
        ArticleFactory,
        EventFactory,
        OpportunityFactory,
        ProgrammeFactory,
        ThemeFactory,
        OfficePageFactory,
    ],
)
def test_every_declared_rich_text_field_is_sanitised_on_save(factory):
    obj = factory()
    for name in obj.RICH_TEXT:
        setattr(obj, f"{name}_en", SCRIPT)
        setattr(obj, f"{name}_vi", SCRIPT)
    obj.save()
    obj.refresh_from_db()
    for name in obj.RICH_TEXT:
        for code in ("en", "vi"):
            value = getattr(obj, f"{name}_{code}")
            assert "Hello" in value and "<script" not in value, (name, code)


def test_a_partner_slug_comes_from_its_acronym_or_else_its_name():
    assert PartnerFactory(acronym="VGCL", name="Trade unions", slug="").slug == "vgcl"
    assert PartnerFactory(acronym="", name="Trade unions", slug="").slug == "trade-unions"
