from ilo_office.pages.models import OfficePage


def office_pages(request):
    """`office_pages`: the About menu, for the footer and the office pages' side menu.

    A lazy QuerySet: the one query runs only on pages whose template lists it (not
    in the admin), and its result is reused by every list on the same page.
    """
    return {"office_pages": OfficePage.objects.in_navigation().only("slug", "title")}
