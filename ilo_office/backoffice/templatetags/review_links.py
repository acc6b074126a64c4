"""The signed review link on an item's change form (ilo_office.preview.review_link)."""

from django import template

from ilo_office.preview import PREVIEW_VIEWS, review_link

register = template.Library()


@register.inclusion_tag("admin/backoffice/review_link.html", takes_context=True)
def review_link_box(context, obj):
    """The link, its copy button and its expiry, for staff who may change `obj`.

    Whoever only views the item gets nothing: a link opens the draft to anyone holding
    it, so handing one out is the privilege of those who may change the item.
    """
    request = context.get("request")
    shown = (
        request is not None
        and obj is not None
        and obj.pk is not None
        and obj._meta.label_lower in PREVIEW_VIEWS
        and context.get("has_change_permission", False)
    )
    return {"link": review_link(obj, request) if shown else None}
