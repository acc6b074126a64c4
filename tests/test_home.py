"""The home page staff curate: their choices in their order, the newest published otherwise."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ilo_office.fragments import local_copies
from ilo_office.pages.models import HomeBlock
from programmes.models import Programme
from tests.factories import (
    ArticleFactory,
    EventFactory,
    FeaturedProgrammeFactory,
    FeaturedStoryFactory,
    OfficePageFactory,
    PhotoFactory,
    ProgrammeFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def block(html, kind):
    """The HTML of one home block, from its section to the next (empty if not rendered)."""
    match = re.search(rf'<section[^>]*aria-labelledby="home-{kind}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def titles(html, candidates):
    """The candidates found in `html`, in the order they appear."""
    found = [(html.index(title), title) for title in candidates if title in html]
    return [title for _position, title in sorted(found)]


def test_the_blocks_exist_in_the_page_order_after_migrating():
    """The migrations give staff the six blocks, featured stories first, all shown."""
    blocks = list(HomeBlock.objects.all())
    kinds = ["featured", "news", "events", "programmes", "areas", "publications"]
    assert [b.kind for b in blocks] == kinds
    assert all(b.is_shown for b in blocks)


def test_featured_falls_back_to_articles_ticked_featured(client):
    """With no story chosen, the articles ticked "featured" lead, newest first."""
    ArticleFactory(title="Plain newest story", publish_at=ago(1))
    ArticleFactory(title="Flagged older story", is_featured=True, publish_at=ago(5))
    ArticleFactory(title="Flagged newer story", is_featured=True, publish_at=ago(3))
    featured = block(home(client), "featured")
    candidates = ["Plain newest story", "Flagged older story", "Flagged newer story"]
    assert titles(featured, candidates) == ["Flagged newer story", "Flagged older story"]


def test_featured_falls_back_to_newest_articles(client):
    """With nothing chosen or ticked, the newest published articles are featured."""
    for n, days in enumerate([9, 1, 5, 3, 7]):
        ArticleFactory(title=f"Story {n} of the week", publish_at=ago(days))
    featured = block(home(client), "featured")
    candidates = [f"Story {n} of the week" for n in range(5)]
    assert titles(featured, candidates) == [
        "Story 1 of the week",
        "Story 3 of the week",
        "Story 2 of the week",
    ]


def test_chosen_stories_lead_in_staff_order_and_are_not_repeated(client):
    """Staff's featured stories show in their order, and "latest news" does not repeat them."""
    ArticleFactory(title="Flagged but not chosen", is_featured=True)
    second = ArticleFactory(title="Chosen second", publish_at=ago(1))
    first = ArticleFactory(title="Chosen first", publish_at=ago(20))
    ArticleFactory(title="Ordinary news item", publish_at=ago(2))
    FeaturedStoryFactory(article=second, order=2)
    FeaturedStoryFactory(article=first, order=1)
    html = home(client)
    candidates = ["Chosen first", "Chosen second", "Flagged but not chosen", "Ordinary news item"]
    assert titles(block(html, "featured"), candidates) == ["Chosen first", "Chosen second"]
    news = titles(block(html, "news"), candidates)
    assert news == ["Flagged but not chosen", "Ordinary news item"]


def test_reordering_chosen_stories_reorders_the_block(client):
    """Changing the positions in the admin list changes the order on the page."""
    a = FeaturedStoryFactory(article=ArticleFactory(title="Story Alpha"), order=1)
    b = FeaturedStoryFactory(article=ArticleFactory(title="Story Bravo"), order=2)
    assert titles(block(home(client), "featured"), ["Story Alpha", "Story Bravo"]) == [
        "Story Alpha",
        "Story Bravo",
    ]
    a.order, b.order = 5, 0
    a.save()
    b.save()
    assert titles(block(home(client), "featured"), ["Story Alpha", "Story Bravo"]) == [
        "Story Bravo",
        "Story Alpha",
    ]


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_chosen_but_unpublished_stories_fall_back(client, trait):
    """If every chosen story is a draft or scheduled, the block falls back and hides them."""
    FeaturedStoryFactory(article=ArticleFactory(title="Embargoed story", **{trait: True}))
    ArticleFactory(title="Flagged public story", is_featured=True)
    html = home(client)
    assert "Embargoed story" not in html
    assert "Flagged public story" in block(html, "featured")


def test_latest_news_is_newest_first(client):
    """Latest news lists published articles, newest first, six at most."""
    FeaturedStoryFactory(article=ArticleFactory(title="The lead story"))
    for days in range(1, 9):
        ArticleFactory(title=f"News from day {days}.", publish_at=ago(days))
    news = block(home(client), "news")
    candidates = [f"News from day {days}." for days in range(1, 9)]
    assert titles(news, candidates) == candidates[:6]


def test_programmes_fall_back_to_active_ones_newest_first(client):
    """With none chosen, the programmes block shows active programmes only, newest first."""
    ProgrammeFactory(name="Older active programme", publish_at=ago(30))
    ProgrammeFactory(name="Newer active programme", publish_at=ago(3))
    ProgrammeFactory(name="Closed programme", stage=Programme.Stage.CLOSED)
    ProgrammeFactory(name="Draft programme", draft=True)
    candidates = [
        "Older active programme",
        "Newer active programme",
        "Closed programme",
        "Draft programme",
    ]
    assert titles(block(home(client), "programmes"), candidates) == [
        "Newer active programme",
        "Older active programme",
    ]


def test_chosen_programmes_show_in_staff_order(client):
    """Programmes staff chose are shown alone, in their order, even a closed one."""
    ProgrammeFactory(name="Active but not chosen")
    FeaturedProgrammeFactory(programme=ProgrammeFactory(name="Chosen Beta"), order=2)
    FeaturedProgrammeFactory(
        programme=ProgrammeFactory(name="Chosen Alpha", stage=Programme.Stage.CLOSED), order=1
    )
    candidates = ["Active but not chosen", "Chosen Alpha", "Chosen Beta"]
    assert titles(block(home(client), "programmes"), candidates) == ["Chosen Alpha", "Chosen Beta"]


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_chosen_but_unpublished_programmes_fall_back(client, trait):
    """A chosen programme that is not public is never shown; the active ones are instead."""
    FeaturedProgrammeFactory(programme=ProgrammeFactory(name="Secret programme", **{trait: True}))
    ProgrammeFactory(name="Public active programme")
    html = home(client)
    assert "Secret programme" not in html
    assert "Public active programme" in block(html, "programmes")


def test_events_block_lists_upcoming_events_only(client):
    """Upcoming events are listed soonest first; past events are not."""
    today = timezone.localdate()
    EventFactory(title="Later workshop", start_date=today + datetime.timedelta(days=20))
    EventFactory(title="Sooner workshop", start_date=today + datetime.timedelta(days=2))
    EventFactory(title="Missed workshop", start_date=today - datetime.timedelta(days=2))
    events = block(home(client), "events")
    candidates = ["Later workshop", "Sooner workshop", "Missed workshop"]
    assert titles(events, candidates) == ["Sooner workshop", "Later workshop"]


def test_areas_block_lists_strategic_areas(client):
    """The areas of work block lists the strategic areas, not the cross-cutting themes."""
    ThemeFactory(name="Labour market governance")
    ThemeFactory(name="Gender equality theme", is_cross_cutting=True)
    areas = block(home(client), "areas")
    assert "Labour market governance" in areas
    assert "Gender equality theme" not in areas


def test_hidden_block_is_not_rendered(client):
    """A block staff untick disappears from the page; the others stay."""
    EventFactory(title="Workshop on social dialogue")
    ArticleFactory(title="A published story")
    HomeBlock.objects.filter(kind=HomeBlock.Kind.EVENTS).update(is_shown=False)
    html = home(client)
    assert block(html, "events") == ""
    assert "Workshop on social dialogue" not in html
    assert "A published story" in html


def test_block_order_and_heading_follow_staff(client):
    """Blocks appear in staff order, under the heading staff typed when they typed one."""
    HomeBlock.objects.filter(kind=HomeBlock.Kind.AREAS).update(order=0, heading="What we do")
    HomeBlock.objects.filter(kind=HomeBlock.Kind.NEWS).update(order=99)
    ThemeFactory(name="Labour market governance")
    ArticleFactory()
    EventFactory()
    ProgrammeFactory()
    html = home(client)
    order = sorted(
        ("areas", "featured", "events", "programmes", "news"),
        key=lambda kind: html.index(f'id="home-{kind}"'),
    )
    assert order == ["areas", "featured", "events", "programmes", "news"]
    assert ">What we do</h2>" in block(html, "areas")


def test_hiding_featured_lets_latest_news_show_every_story(client):
    """With the featured block hidden, latest news no longer skips the featured stories."""
    FeaturedStoryFactory(article=ArticleFactory(title="Lead story of the month"))
    HomeBlock.objects.filter(kind=HomeBlock.Kind.FEATURED).update(is_shown=False)
    html = home(client)
    assert block(html, "featured") == ""
    assert "Lead story of the month" in block(html, "news")


def test_a_lost_block_row_still_shows_its_block(client):
    """If a block's row is gone, the block still shows rather than silently vanishing."""
    HomeBlock.objects.filter(kind=HomeBlock.Kind.EVENTS).delete()
    EventFactory(title="Consultation on recruitment")
    assert "Consultation on recruitment" in block(home(client), "events")


def test_empty_site_says_so(client):
    """With nothing published, the blocks say so in sentences and the featured block hides."""
    html = home(client)
    assert block(html, "featured") == ""
    assert "No news has been published yet." in html
    assert "No upcoming events are scheduled at the moment." in html
    assert "No active programme is published at the moment." in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_no_draft_or_scheduled_item_anywhere_on_the_home_page(client):
    """Drafts and scheduled items never reach the home page, even when staff chose them."""
    today = timezone.localdate()
    ArticleFactory(title="A visible story")
    for trait in ("draft", "scheduled"):
        article = ArticleFactory(title=f"Hidden {trait} story", is_featured=True, **{trait: True})
        FeaturedStoryFactory(article=article)
        programme = ProgrammeFactory(name=f"Hidden {trait} programme", **{trait: True})
        FeaturedProgrammeFactory(programme=programme)
        EventFactory(
            title=f"Hidden {trait} event",
            start_date=today + datetime.timedelta(days=1),
            **{trait: True},
        )
        OfficePageFactory(title=f"Hidden {trait} office page", **{trait: True})
    for visitor in ("anonymous", "staff"):
        if visitor == "staff":
            client.force_login(
                get_user_model().objects.create_user("editor", is_staff=True, is_superuser=True)
            )
        html = home(client)
        assert "A visible story" in html
        assert "Hidden" not in html, visitor


def test_home_query_count_does_not_grow(client):
    """The home page runs the same, pinned number of queries with 3 or 30 items of each kind."""

    def grow(n):
        today = timezone.localdate()
        photo = PhotoFactory()
        for i in range(n):
            article = ArticleFactory(hero=photo, is_featured=i % 2 == 0)
            FeaturedStoryFactory(article=article)
            programme = ProgrammeFactory(photo=photo)
            FeaturedProgrammeFactory(programme=programme)
            EventFactory(start_date=today + datetime.timedelta(days=i + 1), programmes=[programme])
            ThemeFactory()
            OfficePageFactory()

    def count():
        """(cold, warm): after any content change, then once the blocks are kept."""
        cache.clear()
        local_copies.clear()
        with CaptureQueriesContext(connection) as cold:
            home(client)
        with CaptureQueriesContext(connection) as warm:
            home(client)
        return len(cold.captured_queries), len(warm.captured_queries)

    grow(3)
    small = count()
    grow(27)
    # Cold: the next scheduled change, the block rows, featured, news, events + their
    # programmes, programmes, areas, publications (none here: their files' languages would
    # be one more), the footer's office menu and the office's contact details. Warm: none,
    # the blocks and the footer are kept per content generation.
    assert small == count() == (11, 0)


def test_staff_pick_stories_and_programmes_with_search_boxes(client):
    """The admin forms for featured stories and programmes offer searchable pickers."""
    user = get_user_model().objects.create_superuser("boss", "b@example.org", "x")
    client.force_login(user)
    for model, field in (("featuredstory", "article"), ("featuredprogramme", "programme")):
        response = client.get(reverse(f"admin:pages_{model}_add"))
        assert response.status_code == 200
        select = re.search(rf'<select name="{field}"[^>]*>', response.content.decode())
        assert select and 'class="admin-autocomplete"' in select.group(0), model


def test_the_first_featured_story_leads_with_its_photo_and_the_others_follow_in_a_grid(client):
    """One lead story, wide, with its photo; the other featured stories in a balanced grid."""
    photo = PhotoFactory(alt_text="Workers at the opening of the office")
    ArticleFactory(title="Lead story", is_featured=True, hero=photo, publish_at=ago(1))
    ArticleFactory(title="Second story", is_featured=True, publish_at=ago(2))
    ArticleFactory(title="Third story", is_featured=True, publish_at=ago(3))
    featured = block(home(client), "featured")
    lead, grid = featured.split('<div class="card-list balanced">')
    assert 'class="card card-lead"' in lead and "Lead story" in lead
    assert 'alt="Workers at the opening of the office"' in lead
    assert "Second story" in grid and "Third story" in grid and "card-lead" not in grid


def test_a_single_featured_story_is_a_lead_without_an_empty_grid(client):
    """With one story the block is that story, leading; no empty grid follows."""
    ArticleFactory(title="Only story", is_featured=True)
    featured = block(home(client), "featured")
    assert "card-lead" in featured and "card-list" not in featured


@pytest.mark.parametrize(("prefix", "name", "other"), [
    ("", "ILO Country Office for Viet Nam", 'lang="vi">Văn phòng ILO tại Việt Nam'),
    ("/vi", "Văn phòng ILO tại Việt Nam", 'lang="en">ILO Country Office for Viet Nam'),
])  # fmt: skip
def test_the_header_carries_the_logo_and_the_office_name_in_both_languages(
    client, prefix, name, other
):
    """The header shows the ILO mark, the office's name, and the name in the other language."""
    page = client.get(f"{prefix}/").content.decode()
    header = page[page.index('<header class="site-header">') : page.index("</header>")]
    assert '<svg class="brand-logo"' in header and 'aria-hidden="true"' in header
    assert f'<span class="brand-name">{name}</span>' in header
    assert other in header


@pytest.mark.parametrize("prefix", ["", "/vi"])
def test_card_summaries_are_cut_by_the_same_rule_in_both_languages(client, prefix):
    """A standfirst of 50 Vietnamese syllables shows whole, as does its English version."""
    english = " ".join(["work"] * 40)  # 40 words, 199 characters
    vietnamese = " ".join(["việc"] * 50)  # 50 syllables, 249 characters... cut below
    vietnamese_short = " ".join(["việc"] * 45)  # 45 syllables, 224 characters
    ArticleFactory(title="Story", standfirst=english, standfirst_vi=vietnamese_short)
    ArticleFactory(title="Long story", standfirst=english + " more", standfirst_vi=vietnamese)
    page = block(home(client), "featured") + block(home(client), "news")
    if prefix:
        page = client.get("/vi/").content.decode()
        assert vietnamese_short + "<" in page  # whole: ~45 syllables, under the cut
        assert vietnamese[:200] in page and vietnamese + "<" not in page  # cut, by characters
    else:
        assert english + "<" in page
