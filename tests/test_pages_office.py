"""The office's own pages: staff order in the menus, published only, safe text, demo content."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ilo_office.pages.models import HomeBlock, OfficePage
from tests.factories import OfficePageFactory

pytestmark = pytest.mark.django_db


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def side_menu(html):
    """The list of links of the About menu beside an office page (without its heading)."""
    menu = re.search(r'<nav class="side side-block sub-nav".*?</nav>', html, re.S).group(0)
    return menu[menu.index("<ul") :]


def order_in(html, titles):
    found = [(html.index(title), title) for title in titles if title in html]
    return [title for _position, title in sorted(found)]


@pytest.fixture
def office():
    """Three published office pages, created out of their menu order."""
    return {
        "contact": OfficePageFactory(title="Contact us", slug="contact-us", nav_order=30),
        "about": OfficePageFactory(title="About the office", slug="about-the-office", nav_order=10),
        "mission": OfficePageFactory(title="Our mission", slug="mission", nav_order=20),
    }


TITLES = ["About the office", "Our mission", "Contact us"]


def test_menu_and_footer_follow_staff_order(office, client):
    """The About menu and the footer list the pages in the order staff numbered them."""
    page_html = html_of(client, office["contact"].get_absolute_url())
    assert order_in(side_menu(page_html), TITLES) == TITLES
    assert order_in(footer(html_of(client, reverse("home"))), TITLES) == TITLES


def test_changing_the_numbers_reorders_the_menus(office, client):
    """Giving Contact us the lowest number moves it first everywhere, and /about/ opens on it."""
    office["contact"].nav_order = 1
    office["contact"].save()
    expected = ["Contact us", "About the office", "Our mission"]
    assert order_in(footer(html_of(client, reverse("home"))), TITLES) == expected
    landing = html_of(client, reverse("pages:office_landing"))
    assert "<h1>Contact us</h1>" in landing
    assert order_in(side_menu(landing), TITLES) == expected


def test_about_opens_on_the_first_page_in_staff_order(office, client):
    """/about/ shows the first page, says where it lives, and marks it current in the menu."""
    html = html_of(client, reverse("pages:office_landing"))
    assert "<h1>About the office</h1>" in html
    assert 'rel="canonical"' in html and "/about/about-the-office/" in html
    assert 'href="/about/about-the-office/" aria-current="page"' in side_menu(html)


def test_main_navigation_has_about_marked_current_on_office_pages(office, client):
    """The main menu links to /about/ and marks it current on every office page."""
    html = html_of(client, office["mission"].get_absolute_url())
    assert '<a href="/about/" class="is-current" aria-current="true">About</a>' in html
    assert '<a href="/about/" class="is-current"' not in html_of(client, reverse("home"))


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_unpublished_pages_are_not_found_and_never_listed(office, client, trait):
    """A draft or scheduled page answers 404 and is in no menu, for visitors and staff alike."""
    hidden = OfficePageFactory(title="Hidden page", slug="hidden", nav_order=0, **{trait: True})
    for visitor in ("anonymous", "staff"):
        if visitor == "staff":
            user = get_user_model().objects.create_user("editor", is_staff=True)
            client.force_login(user)
        html_of(client, hidden.get_absolute_url(), status=404)
        for url in (reverse("home"), reverse("pages:office_landing"), "/about/mission/"):
            html = html_of(client, url)
            assert "Hidden page" not in html, (visitor, url)


def test_page_kept_out_of_the_menu_is_still_reachable(office, client):
    """Unticking "show in the menu" removes a page from menus but keeps its address working."""
    office["mission"].show_in_navigation = False
    office["mission"].save()
    assert "Our mission" not in footer(html_of(client, reverse("home")))
    assert "<h1>Our mission</h1>" in html_of(client, "/about/mission/")


@pytest.mark.parametrize("url", ["/about/no-such-page/", "/vi/about/no-such-page/"])
def test_unknown_page_is_not_found(url, office, client):
    """An unknown slug under /about/ gives a 404."""
    assert client.get(url).status_code == 404


def test_about_with_no_published_page_says_so(client):
    """Before staff publish anything, /about/ answers with a sentence, not an error."""
    OfficePageFactory(title="Unfinished draft", draft=True)
    html = html_of(client, reverse("pages:office_landing"))
    assert "The pages about the office are being written." in html
    assert "Unfinished draft" not in html


def test_body_is_sanitised_on_save_and_shown_formatted(client):
    """Script, event handlers and javascript: links are removed; allowed formatting stays."""
    page = OfficePageFactory(
        slug="history",
        body='<p onclick="steal()">Opened in <strong>2003</strong></p><script>alert(1)</script>'
        '<a href="javascript:alert(2)">bad</a><ul><li>MOLISA</li></ul>',
    )
    page.refresh_from_db()
    assert "script" not in page.body and "onclick" not in page.body
    assert "javascript:" not in page.body
    html = html_of(client, "/about/history/")
    assert "<p>Opened in <strong>2003</strong></p>" in html
    assert "<li>MOLISA</li>" in html
    assert "alert(" not in html


def test_titles_are_escaped(client):
    """Markup typed into a title is shown as text in the page and the menus."""
    OfficePageFactory(title="<b>Bold</b> claims", slug="claims")
    html = html_of(client, "/about/claims/")
    assert "<b>Bold</b>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; claims" in side_menu(html)


@pytest.mark.parametrize("prefix,lang", [("", "en"), ("/vi", "vi")])
def test_office_pages_have_one_h1_in_both_languages(office, client, prefix, lang):
    """Each office page and the landing have one top heading, in English and Vietnamese."""
    for url in ("/about/", "/about/mission/"):
        html = html_of(client, prefix + url)
        assert len(re.findall(r"<h1[\s>]", html)) == 1, prefix + url
        assert f'<html lang="{lang}"' in html


def test_office_page_query_count_does_not_grow(client):
    """The landing and a page run the same, pinned number of queries with 3 or 30 pages."""

    def count(url):
        client.get(url)  # warm: choices and fragments are computed once per content generation
        with CaptureQueriesContext(connection) as ctx:
            html_of(client, url)
        return len(ctx.captured_queries)

    OfficePageFactory(slug="first", nav_order=0)
    OfficePageFactory.create_batch(2)
    small = (count("/about/"), count("/about/first/"))
    OfficePageFactory.create_batch(27)
    # The page itself and the menu, reused by the side menu and the footer.
    assert small == (count("/about/"), count("/about/first/")) == (2, 2)


def test_staff_reorder_pages_from_the_admin_list(office, client):
    """Changing the numbers in the admin list and saving reorders the public menu."""
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "x"))
    url = reverse("admin:pages_officepage_changelist")
    changelist = client.get(url)
    assert changelist.status_code == 200
    assert 'name="form-0-nav_order"' in changelist.content.decode()
    pages = list(OfficePage.objects.order_by("nav_order"))
    new_order = {office["about"].pk: 3, office["mission"].pk: 1, office["contact"].pk: 2}
    data = {
        "form-TOTAL_FORMS": str(len(pages)),
        "form-INITIAL_FORMS": str(len(pages)),
        "_save": "Save",
    }
    for i, page in enumerate(pages):
        data[f"form-{i}-id"] = str(page.pk)
        data[f"form-{i}-nav_order"] = str(new_order[page.pk])
        data[f"form-{i}-show_in_navigation"] = "on"
    assert client.post(url, data).status_code == 302
    client.logout()
    expected = ["Our mission", "Contact us", "About the office"]
    assert order_in(footer(html_of(client, reverse("home"))), TITLES) == expected


def test_staff_hide_and_reorder_home_blocks_from_the_admin_list(client):
    """The home page blocks are edited from their list; staff can neither add nor delete one."""
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "x"))
    url = reverse("admin:pages_homeblock_changelist")
    blocks = list(HomeBlock.objects.all())
    data = {
        "form-TOTAL_FORMS": str(len(blocks)),
        "form-INITIAL_FORMS": str(len(blocks)),
        "_save": "Save",
    }
    for i, block in enumerate(blocks):
        data[f"form-{i}-id"] = str(block.pk)
        data[f"form-{i}-heading"] = ""
        data[f"form-{i}-order"] = str(100 - i)
        if block.kind != HomeBlock.Kind.EVENTS:
            data[f"form-{i}-is_shown"] = "on"
    assert client.post(url, data).status_code == 302
    assert [b.kind for b in HomeBlock.objects.filter(is_shown=True)] == [
        "publications",
        "areas",
        "programmes",
        "news",
        "featured",
    ]
    assert client.get(reverse("admin:pages_homeblock_add")).status_code == 403
    delete_url = reverse("admin:pages_homeblock_delete", args=[blocks[0].pk])
    assert client.get(delete_url).status_code == 403


@pytest.fixture
def demo():
    call_command("load_demo_content", verbosity=0)


def test_demo_office_pages_carry_the_seed_facts(demo, client):
    """The demo's About, Mission and Contact pages hold the seed's dates, names and address."""
    assert list(OfficePage.objects.in_navigation().values_list("slug", flat=True)) == [
        "about-the-office",
        "mission-and-strategic-objectives",
        "contact-us",
    ]
    about = html_of(client, "/about/")
    for fact in ("1992", "February 2002", "17 February 2003", "Governing Body", "three years"):
        assert fact in about, fact
    for slug in ("molisa", "vgcl", "vcci", "vca"):
        assert f'href="/partners/{slug}/"' in about
    mission = html_of(client, "/about/mission-and-strategic-objectives/")
    assert "decent and productive work in conditions of freedom, equity" in mission
    assert mission.count("<li>") - side_menu(mission).count("<li>") >= 4
    assert "Strengthening tripartism and social dialogue" in mission
    contact = html_of(client, "/about/contact-us/")
    assert "304 Kim Ma Street, Ba Dinh" in contact
    assert "@" not in OfficePage.objects.get(slug="contact-us").body


def test_demo_office_pages_load_once_and_keep_staff_edits(demo):
    """Loading again changes nothing; a staff edit survives, --refresh included."""
    before = sorted(OfficePage.objects.values_list("pk", "slug", "updated_at"))
    call_command("load_demo_content", verbosity=0)
    assert sorted(OfficePage.objects.values_list("pk", "slug", "updated_at")) == before
    page = OfficePage.objects.get(slug="contact-us")
    page.title = "How to reach us"
    page.save()
    call_command("load_demo_content", verbosity=0)
    page.refresh_from_db()
    assert page.title == "How to reach us"
    call_command("load_demo_content", "--refresh", verbosity=0)
    page.refresh_from_db()
    assert page.title == "How to reach us"
    unchanged = OfficePage.objects.get(slug="about-the-office")
    assert (unchanged.pk, unchanged.slug, unchanged.updated_at) in before
