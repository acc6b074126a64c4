"""The staff dashboard on the admin index, and the back office in Vietnamese."""

import datetime
import re

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from ilo_office.publishing import Status
from tests.factories import ArticleFactory, EventFactory, OfficePageFactory, staff_user

pytestmark = pytest.mark.django_db


def section(html, heading):
    """The titles listed under one dashboard heading, in order, with their links."""
    block = re.search(rf">{heading}</h2>(.*?)</section>", html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', block), block


def wrote(user, obj):
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj),
        action_flag=ADDITION,
    )


def test_dashboard_lists_review_scheduled_and_my_drafts(client):
    """Editors see what awaits review, what goes live next (soonest first), and their drafts."""
    now = timezone.now()
    me = staff_user("Editor")
    other = staff_user("Contributor")
    review = ArticleFactory(title="Please check me", status=Status.REVIEW)
    EventFactory(title="Event to check", status=Status.REVIEW)
    later = ArticleFactory(title="Next week", publish_at=now + datetime.timedelta(days=7))
    sooner = OfficePageFactory(title="Tomorrow", publish_at=now + datetime.timedelta(days=1))
    ArticleFactory(title="Already live")
    mine = ArticleFactory(title="My own draft", draft=True)
    theirs = ArticleFactory(title="Someone else's draft", draft=True)
    wrote(me, mine)
    wrote(other, theirs)
    client.force_login(me)
    html = client.get(reverse("admin:index")).content.decode()

    links, _ = section(html, "Awaiting review")
    assert sorted(title for _url, title in links) == ["Event to check", "Please check me"]
    assert (reverse("admin:newsroom_article_change", args=[review.pk]), "Please check me") in links

    links, _ = section(html, "Scheduled next")
    assert links == [
        (reverse("admin:pages_officepage_change", args=[sooner.pk]), "Tomorrow"),
        (reverse("admin:newsroom_article_change", args=[later.pk]), "Next week"),
    ]
    links, _ = section(html, "My drafts")
    assert [title for _url, title in links] == ["My own draft"]


def test_empty_dashboard_says_so_in_sentences(client):
    """With nothing to do, each block says so in words."""
    client.force_login(staff_user("Contributor"))
    html = client.get(reverse("admin:index")).content.decode()
    assert "Nothing is waiting for review." in html
    assert "Nothing is scheduled to go live." in html
    assert "You have no drafts in progress." in html


def test_admin_switches_to_vietnamese_and_back(client):
    """A link in the header opens the same admin page in Vietnamese, with Django's translation."""
    client.force_login(staff_user("Editor"))
    url = reverse("admin:newsroom_article_changelist")
    html = client.get(url).content.decode()
    assert f'href="/vi{url}" hreflang="vi"' in html
    vietnamese = client.get(f"/vi{url}").content.decode()
    assert "Thoát" in vietnamese  # Django's own Vietnamese for "Log out"
    assert f'href="{url}" hreflang="en"' in vietnamese


def test_login_page_offers_vietnamese(client):
    """Staff who read Vietnamese can switch before they sign in."""
    html = client.get(reverse("admin:login")).content.decode()
    assert 'hreflang="vi"' in html
