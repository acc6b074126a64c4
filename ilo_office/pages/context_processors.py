from django.utils.functional import SimpleLazyObject

from ilo_office.pages.models import OfficePage


def office_pages(request):
    """`office_pages`: the About menu, for the footer and the office pages' side menu.

    Lazy twice over: the QuerySet is only built, and its one query only run, on pages
    whose template lists it (the footer is kept per content generation, so most
    requests never do: building a translated QuerySet alone cost a millisecond a page,
    profiled). Its result is reused by every list on the same page.
    """
    return {
        "office_pages": SimpleLazyObject(
            lambda: OfficePage.objects.in_navigation().only("slug", "title")
        )
    }
