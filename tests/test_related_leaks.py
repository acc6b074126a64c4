"""Nothing unpublished reaches the public through what published content links to.

A published article, event, programme, area of work and partner (and an office page)
are linked to a non-public item (a draft, one in review, a scheduled one, an expired
one) of each type that has the published rule: a programme, an article, an event, an
office page. Then every public URL (tests.public_urls.PAGES, so a new page is in too,
in English and Vietnamese) is read: pages, their JSON-LD, the news and events feeds,
the .ics files and the sitemaps. The hidden item's name, short name and address must
appear in none of them.
"""

import datetime
import json
import re

import feedparser
import pytest
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation

from ilo_office.publishing import Status, office_today
from newsroom.models import Article, DailyReads
from tests.bulk_site import SLUGS
from tests.factories import (
    ArticleFactory,
    EventFactory,
    FeaturedProgrammeFactory,
    FeaturedStoryFactory,
    OfficePageFactory,
    OpportunityFactory,
    PartnerFactory,
    PlaceFactory,
    ProgrammeFactory,
    ProgrammePartnerFactory,
    PublicationFactory,
    ThemeFactory,
    staff_user,
)
from tests.public_urls import page_urls

pytestmark = pytest.mark.django_db

# One word that nothing public contains: in the hidden item's name, short name and slug.
MARK = "quokka"
# Another word of its name, to search for (a search page prints the words it was given).
SEARCH_WORD = "numbat"


def _states():
    now = timezone.now()
    return {
        "draft": {"status": Status.DRAFT},
        "in review": {"status": Status.REVIEW},
        "scheduled": {"publish_at": now + datetime.timedelta(days=1)},
        "expired": {
            "publish_at": now - datetime.timedelta(days=30),
            "unpublish_at": now - datetime.timedelta(hours=1),
        },
    }


STATES = ["draft", "in review", "scheduled", "expired"]
MERGED = datetime.date(2025, 7, 1)
HIDDEN_KINDS = ["programme", "article", "event", "office page", "opportunity"]


def public_site():
    """Published content of every type, linked together, at the addresses PAGES requests."""
    programme = ProgrammeFactory(
        name="Better Work Viet Nam", acronym="BWV", slug=SLUGS["programme"]
    )
    theme = ThemeFactory(name="Gender equality", slug=SLUGS["theme"])
    partner = PartnerFactory(name="Viet Nam General Confederation of Labour", slug=SLUGS["partner"])
    programme.themes.add(theme)
    ProgrammePartnerFactory(programme=programme, partner=partner)
    # Where we work: the programme's place, and a province merged into it.
    place = PlaceFactory(name="Ho Chi Minh City", slug=SLUGS["place"], region="south")
    programme.places.add(PlaceFactory(name="Binh Duong", successor=place, successor_since=MERGED))
    links = {"programmes": [programme], "themes": [theme], "partners": [partner]}
    today = office_today()
    site = {
        "place": place,
        "programme": programme,
        "theme": theme,
        "partner": partner,
        "articles": [
            ArticleFactory(slug=SLUGS["article"], **links),
            ArticleFactory(kind=Article.Kind.PRESS_RELEASE, **links),
        ],
        "events": [
            # Upcoming (lists, cards, subscription calendar) and last year's (past events,
            # the yearly archive page_urls() asks for).
            EventFactory(slug=SLUGS["event"], **links),
            EventFactory(start_date=today.replace(year=today.year - 1, month=6, day=1), **links),
        ],
        "office_page": OfficePageFactory(slug=SLUGS["office_page"]),
        # Open (its page, the list, the feed) and closed (the archive).
        "opportunities": [
            OpportunityFactory(slug=SLUGS["opportunity"], programmes=[programme]),
            OpportunityFactory(
                opens_at=timezone.now() - datetime.timedelta(days=20),
                closes_at=timezone.now() - datetime.timedelta(days=2),
                programmes=[programme],
            ),
        ],
        "publication": PublicationFactory(slug=SLUGS["publication"], **links),
    }
    site["opportunities"][0].themes.add(theme)
    return site


LINKS = {"programmes": "programme", "themes": "theme", "partners": "partner"}


def hide(kind, state, site):
    """A non-public item of `kind`, linked to everything public it can be linked to."""
    fields = {**_states()[state], "slug": f"{MARK}-{kind.replace(' ', '-')}"}
    name = f"{MARK.title()} {kind} ({state}) {SEARCH_WORD}"
    links = {key: [site[name]] for key, name in LINKS.items()}
    if kind == "programme":
        hidden = ProgrammeFactory(name=name, acronym=MARK.upper(), **fields)
        for item in (*site["articles"], *site["events"], *site["opportunities"]):
            item.programmes.add(hidden)
        hidden.themes.add(site["theme"])
        hidden.places.add(site["place"])
        ProgrammePartnerFactory(programme=hidden, partner=site["partner"])
        # Chosen for the home page by staff, too.
        FeaturedProgrammeFactory(programme=hidden)
    elif kind == "article":
        hidden = ArticleFactory(title=name, is_featured=True, **links, **fields)
        FeaturedStoryFactory(article=hidden)
        DailyReads.objects.create(article=hidden, day=office_today(), count=1000)
    elif kind == "event":
        hidden = EventFactory(title=name, **links, **fields)
    elif kind == "opportunity":
        hidden = OpportunityFactory(title=name, programmes=[site["programme"]], **fields)
    else:
        hidden = OfficePageFactory(title=name, show_in_navigation=True, **fields)
    assert not type(hidden).objects.published().filter(pk=hidden.pk).exists()
    return hidden


def public_addresses():
    """Every row of PAGES in English and in Vietnamese, and a search for the hidden word."""
    with translation.override("vi"):
        vi_prefix = reverse("home")
    urls = {f"{reverse('search')}?q={SEARCH_WORD}"}
    for _url_name, url in page_urls().values():
        if "page=" in url:
            continue  # a second page: the few items here fit on the first
        urls.add(url)
        path = url.split("?")[0]
        if not path.startswith(vi_prefix):
            try:
                resolve(vi_prefix + path.lstrip("/"))
            except Resolver404:
                continue  # sitemaps, robots.txt: one address for both languages
            urls.add(vi_prefix + url.lstrip("/"))
    return sorted(urls)


JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def read(response):
    body = b"".join(response) if response.streaming else response.content
    text = body.decode()
    if response["Content-Type"].startswith("text/calendar"):
        text = text.replace("\r\n ", "").replace("\r\n\t", "")  # unfold long lines
    return text


def leaks_in(url, response):
    """Where the hidden word shows in a response: the body, its JSON-LD, its feed categories."""
    text = read(response)
    found = []
    if MARK in text.lower():
        at = text.lower().index(MARK)
        found.append(f"{url}: …{text[max(0, at - 120) : at + 60]}…")
    for block in JSON_LD.findall(text):
        if MARK in json.dumps(json.loads(block)).lower():
            found.append(f"{url}: in its JSON-LD")
    if "xml" in response["Content-Type"] and "/feed/" in url:
        feed = feedparser.parse(text.encode())
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        for entry in feed.entries:
            if any(MARK in (tag.term or "").lower() for tag in entry.get("tags", [])):
                found.append(f"{url}: a category of {entry.title!r}")
    return found


# Every kind in every state for the public; staff read the same public pages (uncached,
# signed in): the draft of each kind for them.
CASES = [
    *((kind, state, "anonymous") for kind in HIDDEN_KINDS for state in STATES),
    *((kind, "draft", "editor") for kind in HIDDEN_KINDS),
]


@pytest.mark.parametrize(("kind", "state", "visitor"), CASES)
def test_unpublished_linked_item_appears_on_no_public_page_feed_calendar_or_sitemap(
    client, kind, state, visitor
):
    """A draft, in-review, scheduled or expired item linked from published content stays hidden."""
    site = public_site()
    hide(kind, state, site)
    if visitor == "editor":
        client.force_login(staff_user("Editor"))
    leaks = []
    for url in public_addresses():
        response = client.get(url)
        assert response.status_code == 200, url
        leaks += leaks_in(url, response)
    assert leaks == [], f"the {state} {kind} shows {visitor} visitors in:\n" + "\n".join(leaks)


def own_addresses(kind, hidden):
    """The hidden item's own page, and its feeds and calendars where it has them."""
    urls = [hidden.get_absolute_url()]
    if kind == "programme":
        slug = {"slug": hidden.slug}
        urls += [
            reverse("newsroom:programme_feed_rss", kwargs=slug),
            reverse("newsroom:programme_feed_atom", kwargs=slug),
            reverse("events:programme_calendar", kwargs={"programme_slug": hidden.slug}),
        ]
    elif kind == "event":
        urls.append(reverse("events:event_ics", kwargs={"slug": hidden.slug}))
    return urls


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_the_unpublished_item_own_addresses_are_not_found(client, kind):
    """Its page, feeds and calendars answer 404 in every state: nothing to follow a link to."""
    site = public_site()
    for state in STATES:
        hidden = hide(kind, state, site)
        for url in own_addresses(kind, hidden):
            assert client.get(url).status_code == 404, (state, url)
        hidden.delete()


def test_the_check_sees_a_published_item_linked_the_same_way(client):
    """The same links to a published programme do show it: the test reads the right places."""
    site = public_site()
    shown = ProgrammeFactory(name="Quokka programme", acronym="QUOKKA", slug="quokka-programme")
    for item in (*site["articles"], *site["events"]):
        item.programmes.add(shown)
    places = {
        "article page": site["articles"][0].get_absolute_url(),
        "event page": site["events"][0].get_absolute_url(),
        "events list": reverse("events:event_list"),
        "news feed": reverse("newsroom:feed_rss"),
        "events feed": reverse("events:feed_atom"),
    }
    for place, url in places.items():
        assert leaks_in(url, client.get(url)), place
