"""Filter forms rendered from choices cached per content generation, and the cached footer."""

import html.parser

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from newsroom.filters import ArticleFilter
from newsroom.models import Article
from tests.factories import OfficePageFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def news(client, query="", prefix=""):
    response = client.get(f"{prefix}/news/{query}")
    assert response.status_code == 200
    return response.content.decode()


class _Structure(html.parser.HTMLParser):
    """Tags, attributes and text of a piece of HTML, whitespace ignored."""

    def __init__(self):
        super().__init__()
        self.items = []

    def handle_starttag(self, tag, attrs):
        self.items.append(("start", tag, sorted(attrs)))

    def handle_endtag(self, tag):
        self.items.append(("end", tag))

    def handle_data(self, data):
        if data.split():
            self.items.append(("text", " ".join(data.split())))


def structure(markup):
    parser = _Structure()
    parser.feed(markup)
    return parser.items


@pytest.mark.parametrize(
    "query",
    [{}, {"kind": "news", "programme": "hostile", "year": "2019", "q": 'a "b" <c>'}],
)
def test_filter_form_renders_as_djangos_own_form_does(query):
    """The fast filter form has the same ids, labels, names, options and selection as as_div."""
    ProgrammeFactory(slug="hostile", name='<script>alert("x")</script> & Co')
    ThemeFactory()
    request = RequestFactory().get("/news/", query)
    filterset = ArticleFilter(request.GET.copy(), queryset=Article.objects.all(), request=request)
    fast = Template("{% load fragments %}{% filter_fields f %}").render(Context({"f": filterset}))
    assert structure(fast) == structure(filterset.form.as_div())


def test_selected_option_is_marked_and_a_hostile_name_is_escaped(client):
    """The chosen programme is selected; a name with markup is shown as text."""
    ProgrammeFactory(slug="hostile", name='<script>alert("x")</script> & Co')
    page = news(client, "?programme=hostile")
    assert (
        '<option value="hostile" selected>'
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co</option>"
    ) in page
    assert "<script>alert" not in page
    assert '<option value="" selected>All areas of work</option>' in page


def test_a_renamed_programme_is_in_the_filter_at_once(client, django_capture_on_commit_callbacks):
    """Saving a programme moves the content generation on: its new name is a choice at once."""
    with django_capture_on_commit_callbacks(execute=True):
        programme = ProgrammeFactory(name="Old name")
    assert ">Old name</option>" in news(client)
    assert ">Old name</option>" in news(client)  # from the cache now
    with django_capture_on_commit_callbacks(execute=True):
        programme.name = "New name"
        programme.save()
    page = news(client)
    assert ">New name</option>" in page
    assert "Old name" not in page


def test_a_vietnamese_page_gets_vietnamese_choices(client):
    """English and Vietnamese choices are cached apart: /vi/news/ never shows English ones."""
    ThemeFactory(name_en="Social dialogue", name_vi="Đối thoại xã hội")
    english = news(client)
    assert ">Social dialogue</option>" in english
    vietnamese = news(client, prefix="/vi")
    assert ">Đối thoại xã hội</option>" in vietnamese
    assert ">Social dialogue</option>" not in vietnamese
    assert ">Any kind</option>" not in vietnamese
    assert ">Social dialogue</option>" in news(client)  # English still English


def test_a_new_year_of_news_is_a_choice_at_once(client, django_capture_on_commit_callbacks):
    """The year filter's choices, cached per generation, follow a newly published article."""
    import datetime

    from django.utils import timezone

    from tests.factories import ArticleFactory

    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(publish_at=timezone.now())
    assert '<option value="2011"' not in news(client)
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(publish_at=datetime.datetime(2011, 5, 1, tzinfo=datetime.UTC))
    assert '<option value="2011">2011</option>' in news(client)
    assert "is not a valid choice" not in news(client, "?year=2011")


def test_the_footer_menu_follows_a_saved_office_page(client, django_capture_on_commit_callbacks):
    """The footer is cached per generation and language; a saved page title shows at once."""
    with django_capture_on_commit_callbacks(execute=True):
        page = OfficePageFactory(title_en="Who we are", title_vi="Chúng tôi là ai")
    assert ">Who we are</a>" in news(client)
    assert ">Chúng tôi là ai</a>" in news(client, prefix="/vi")
    with django_capture_on_commit_callbacks(execute=True):
        page.title_en = "About us"
        page.save()
    assert ">About us</a>" in news(client)
    assert ">Who we are</a>" not in news(client)


def test_cards_are_kept_per_generation_and_follow_every_change(client):
    """A list's cards come from the cache until content changes, then show the change."""
    from tests.factories import ArticleFactory, EventFactory

    article = ArticleFactory(title="Card before", standfirst="<b>not bold</b>")
    EventFactory(title="Event card before")
    first = client.get("/news/").content.decode()
    assert "Card before" in first
    assert "&lt;b&gt;not bold&lt;/b&gt;" in first
    assert client.get("/news/").content.decode() == first
    article.title = "Card after"
    article.save()
    assert "Card after" in client.get("/news/").content.decode()
    assert "Card after" in client.get("/").content.decode()
    vietnamese = client.get("/vi/news/").content.decode()
    assert "Card after" in vietnamese
    assert 'href="/vi/news/' in vietnamese
    assert "Event card before" in client.get("/events/").content.decode()


def test_calendar_events_are_kept_per_generation_and_follow_an_edit(client):
    """Each VEVENT is written once per content generation: an edit reaches the next file."""
    import datetime

    from django.utils import timezone

    from tests.factories import EventFactory

    event = EventFactory(
        title="Tripartite consultation",
        start_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    first = client.get("/events/calendar.ics").content.decode()
    assert "SUMMARY:Tripartite consultation" in first
    assert client.get("/events/calendar.ics").content.decode() == first
    event.title = "Tripartite consultation (new venue)"
    event.save()
    second = client.get("/events/calendar.ics").content.decode()
    assert "SUMMARY:Tripartite consultation (new venue)" in second
    assert "SEQUENCE:1" in second
    assert "URL:http://testserver/vi/events/" in client.get("/vi/events/calendar.ics").text
