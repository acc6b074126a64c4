from django.utils.functional import SimpleLazyObject

from contact.models import OfficeContact


def office_contact(request):
    """`office_contact` for the footer: lazy, its one query only run when the footer is
    rendered (kept per content generation, so most requests never do)."""
    return {"office_contact": SimpleLazyObject(OfficeContact.current)}
