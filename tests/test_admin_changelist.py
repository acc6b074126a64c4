"""Editing in the admin list is for site managers only, and never in a popup."""

import pytest
from django.urls import reverse

from tests.factories import OfficePageFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "query", "editable"),
    [
        ("Site manager", "", True),
        ("Editor", "", False),
        ("Contributor", "", False),
        ("Site manager", "?_popup=1", False),
    ],
)
def test_the_order_of_office_pages_is_editable_in_the_list_only_for_site_managers(
    client, role, query, editable
):
    OfficePageFactory(nav_order=1)
    client.force_login(staff_user(role))
    html = client.get(reverse("admin:pages_officepage_changelist") + query).content.decode()
    assert ('name="form-0-nav_order"' in html) == editable
