"""Two languages: the Vietnamese interface, the language switch, hreflang, the English
fallback of untranslated content, dates and numbers per language, the catalogue."""

import datetime
import gettext
import io
import re
import shutil
import subprocess
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.management import call_command
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from ilo_office.management.commands.compile_translations import mo_bytes, parse_po
from tests.factories import (
    ArticleFactory,
    EventFactory,
    KeyFigureFactory,
    OfficePageFactory,
    PartnerFactory,
    ProgrammeFactory,
    ProgrammePartnerFactory,
    ThemeFactory,
)

PO_FILE = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
HANOI = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def site(db):
    """One item of each kind, linked together, in English only unless a test adds Vietnamese."""
    theme = ThemeFactory(name="Social dialogue", slug="social-dialogue")
    partner = PartnerFactory(name="Viet Nam General Confederation of Labour", slug="vgcl")
    programme = ProgrammeFactory(name="Better Work Viet Nam", slug="better-work-viet-nam")
    programme.themes.set([theme])
    ProgrammePartnerFactory(programme=programme, partner=partner)
    links = {"programmes": [programme], "themes": [theme], "partners": [partner]}
    article = ArticleFactory(
        title="ILO Office opens in Hanoi",
        slug="ilo-office-opens-in-hanoi",
        publish_at=datetime.datetime(2020, 9, 17, 9, 0, tzinfo=HANOI),
        **links,
    )
    event = EventFactory(title="Workshop on social dialogue", slug="workshop", **links)
    page = OfficePageFactory(title="Contact us", slug="contact-us")
    return {
        "theme": theme,
        "partner": partner,
        "programme": programme,
        "article": article,
        "event": event,
        "page": page,
    }


def english_urls(site):
    """The English address of every page type (the Vietnamese one is /vi + it)."""
    return [
        reverse("home"),
        reverse("newsroom:article_list"),
        site["article"].get_absolute_url(),
        reverse("events:event_list"),
        reverse("events:past_event_list"),
        site["event"].get_absolute_url(),
        reverse("programmes:programme_list"),
        site["programme"].get_absolute_url(),
        reverse("programmes:theme_list"),
        site["theme"].get_absolute_url(),
        reverse("programmes:partner_list"),
        site["partner"].get_absolute_url(),
        reverse("pages:office_landing"),
        site["page"].get_absolute_url(),
        "/search/?q=dialogue",
    ]


class Links(HTMLParser):
    """The language switcher's link and the hreflang alternates of a page."""

    def __init__(self):
        super().__init__()
        self.in_language_nav = False
        self.switch = None
        self.alternates = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "language" in (attrs.get("class") or "").split():
            self.in_language_nav = True
        elif tag == "a" and self.in_language_nav and self.switch is None:
            self.switch = attrs["href"]
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_language_nav = False


def links_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = Links()
    parser.feed(response.content.decode())
    return parser


# The Vietnamese interface


def test_every_page_type_answers_under_vi_in_vietnamese(site, client):
    """Each page type under /vi/ is a Vietnamese page: lang="vi" and the menu in Vietnamese."""
    for url in english_urls(site):
        response = client.get("/vi" + url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="vi"' in html, url
        for label in ("Tin tức", "Sự kiện", "Lĩnh vực hoạt động", "Đối tác", "Giới thiệu"):
            assert f">{label}</a>" in html, f"{label} missing on /vi{url}"
        assert ">News</a>" not in html, url


def test_english_pages_keep_the_english_interface(site, client):
    """The same pages at the root stay English: the catalogue does not leak into them."""
    for url in english_urls(site)[:4]:
        html = client.get(url).content.decode()
        assert '<html lang="en"' in html
        assert ">News</a>" in html
        assert "Tin tức" not in html


def test_office_terms_are_the_ones_the_ilo_uses_in_vietnamese(client, db):
    """The office's own names for itself and its sections appear on the Vietnamese home page."""
    html = client.get("/vi/").content.decode()
    assert "Văn phòng ILO tại Việt Nam" in html
    assert "Tổ chức Lao động Quốc tế" in html


# The language switch


def test_switcher_round_trip_keeps_the_reader_on_the_same_page(site, client):
    """English -> Vietnamese -> English lands on the page the reader started from."""
    for url in english_urls(site):
        to_vi = links_of(client, url).switch
        assert to_vi == "/vi" + url, url
        back = links_of(client, to_vi).switch
        assert back == url, to_vi


def test_switcher_keeps_the_query_string(site, client):
    """Filters, the page number and a search survive the switch in both directions."""
    for url in ("/news/?theme=social-dialogue&page=1", "/events/past/?year=2020"):
        assert links_of(client, url).switch == "/vi" + url
        assert links_of(client, "/vi" + url).switch == url


def test_switcher_on_a_missing_page_still_changes_language(client, db):
    """On a 404 the link still goes to the other language rather than to the same address."""
    html = client.get("/vi/no-such-page/").content.decode()
    assert 'href="/no-such-page/"' in html
    assert 'href="/vi/no-such-page/"' in client.get("/no-such-page/").content.decode()


# hreflang alternates


def test_every_page_announces_its_other_language_with_absolute_urls(site, client):
    """Each page lists itself in English, Vietnamese and x-default (English), absolutely."""
    for url in english_urls(site):
        for address in (url, "/vi" + url):
            alternates = links_of(client, address).alternates
            assert alternates == {
                "en": "http://testserver" + url,
                "vi": "http://testserver/vi" + url,
                "x-default": "http://testserver" + url,
            }, address


def test_a_missing_page_announces_no_alternates(client, db):
    """A 404 page has no equivalent to point search engines to."""
    response = client.get("/vi/news/no-such-article/")
    assert response.status_code == 404
    head = response.content.decode().split("</head>")[0]
    assert "hreflang=" not in head


# Content without a Vietnamese version


def test_untranslated_article_is_shown_in_english_with_a_notice(site, client):
    """A /vi/ article without Vietnamese text says so and marks its text as English."""
    html = client.get("/vi" + site["article"].get_absolute_url()).content.decode()
    assert "Bài viết này chưa có bản tiếng Việt" in html
    assert '<h1 lang="en">ILO Office opens in Hanoi</h1>' in html
    assert '<div class="body" lang="en">' in html


def test_translated_article_has_no_notice_and_no_english_marks(site, client):
    """With every field in Vietnamese, the page is plainly Vietnamese."""
    article = site["article"]
    article.title_vi = "Văn phòng ILO khai trương tại Hà Nội"
    article.standfirst_vi = "ILO chính thức khai trương văn phòng."
    article.body_vi = "<p>Nội dung bài viết.</p>"
    article.save()
    html = client.get("/vi" + article.get_absolute_url()).content.decode()
    assert "chưa có bản tiếng Việt" not in html
    assert "<h1>Văn phòng ILO khai trương tại Hà Nội</h1>" in html
    assert 'lang="en">' not in html.split("<main")[1].split("</main>")[0].replace(
        'lang="en">English', ""
    )


def test_partly_translated_article_says_which_parts_are_english(site, client):
    """A Vietnamese title over an English body: the notice says part of it is in English."""
    article = site["article"]
    article.title_vi = "Văn phòng ILO khai trương tại Hà Nội"
    article.save()
    html = client.get("/vi" + article.get_absolute_url()).content.decode()
    assert "Một phần bài viết này chưa có bản tiếng Việt" in html
    assert "<h1>Văn phòng ILO khai trương tại Hà Nội</h1>" in html
    assert '<div class="body" lang="en">' in html


def test_english_pages_never_show_the_notice(site, client):
    """The notice is for readers of other languages only."""
    for url in english_urls(site):
        html = client.get(url).content.decode()
        assert "language-notice" not in html, url
        assert "<h1 lang=" not in html, url


@pytest.mark.parametrize("kind", ["event", "programme", "theme", "page"])
def test_other_detail_pages_show_the_notice_until_translated(site, client, kind):
    """Event, programme, area of work and office pages fall back the same way, then stop."""
    obj = site[kind]
    url = "/vi" + obj.get_absolute_url()
    html = client.get(url).content.decode()
    assert "Trang này chưa có bản tiếng Việt" in html, kind
    assert re.search(r'<h1 lang="en">', html), kind
    name = "name" if kind in ("programme", "theme") else "title"
    fields = {
        "event": ("summary", "description", "registration"),
        "programme": ("tagline", "summary", "description"),
        "theme": ("summary", "description"),
        "page": ("summary", "body"),
    }[kind]
    setattr(obj, f"{name}_vi", "Tiêu đề tiếng Việt")
    for field in fields:
        if getattr(obj, f"{field}_en"):
            setattr(obj, f"{field}_vi", "<p>Nội dung tiếng Việt.</p>")
    obj.save()
    html = client.get(url).content.decode()
    assert "chưa có bản tiếng Việt" not in html, kind
    assert "<h1>Tiêu đề tiếng Việt</h1>" in html, kind


def test_cards_mark_english_titles_without_a_notice(site, client):
    """On /vi/ lists an English card title carries lang="en"; a Vietnamese one does not."""
    ArticleFactory(title="Translated story", title_vi="Tin đã dịch", standfirst_vi="Tóm tắt.")
    html = client.get("/vi/news/").content.decode()
    assert re.search(r'<a href="/vi/news/ilo-office-opens-in-hanoi/" lang="en">', html)
    assert re.search(r'<a href="/vi/news/[^"]+/">Tin đã dịch</a>', html)
    assert "chưa có bản tiếng Việt" not in html
    events = client.get("/vi/events/").content.decode()
    assert 'lang="en">Workshop on social dialogue</a>' in events
    programmes = client.get("/vi/programmes/").content.decode()
    assert 'lang="en">Better Work Viet Nam</a>' in programmes


# Dates and numbers


def test_article_dates_follow_the_language(site, client):
    """An article dated 17 September 2020 prints so in English and as 17/9/2020 in Vietnamese."""
    article = site["article"]
    article.revised_at = datetime.datetime(2021, 1, 5, 10, 0, tzinfo=HANOI)
    article.save()
    english = client.get(article.get_absolute_url()).content.decode()
    vietnamese = client.get("/vi" + article.get_absolute_url()).content.decode()
    assert ">17 September 2020</time>" in english
    assert "Updated <time" in english and ">5 January 2021</time>" in english
    assert ">17/9/2020</time>" in vietnamese
    assert "Cập nhật <time" in vietnamese and ">5/1/2021</time>" in vietnamese
    assert "Tháng" not in vietnamese.split("<main")[1].split("</main>")[0]
    card = client.get("/vi/news/").content.decode()
    assert ">17/9/2020</time>" in card
    assert ">17 September 2020</time>" in client.get("/news/").content.decode()


def test_feeds_keep_machine_dates_in_both_languages(site, client):
    """RSS dates stay RFC 822 under /vi/: feed readers parse them, people do not read them."""
    english = client.get("/news/feed/rss/").content.decode()
    vietnamese = client.get("/vi/news/feed/rss/").content.decode()
    stamp = "<pubDate>Thu, 17 Sep 2020 02:00:00 +0000</pubDate>"
    assert stamp in english
    assert stamp in vietnamese


def test_date_filter_defaults_per_language():
    """`{{ value|date }}` and the month heading format read the way each language writes dates."""
    template = Template(
        "{{ day|date }}|{{ day|date:'YEAR_MONTH_FORMAT' }}|{{ moment|date:'DATETIME_FORMAT' }}"
    )
    context = Context(
        {
            "day": datetime.date(2020, 9, 17),
            "moment": datetime.datetime(2020, 9, 17, 14, 30, tzinfo=HANOI),
        }
    )
    with translation.override("en"):
        assert (
            template.render(context) == "17 September 2020|September 2020|17 September 2020, 14:30"
        )
    with translation.override("vi"):
        assert template.render(context) == "17/9/2020|Tháng 9 năm 2020|14:30, 17/9/2020"


def test_numbers_group_thousands_per_language():
    """750000 reads 750,000 in English and 750.000 in Vietnamese; decimals follow suit."""
    with translation.override("en"):
        assert intcomma(750000) == "750,000"
        assert Template("{{ v|floatformat:'2g' }}").render(Context({"v": Decimal("1234.5")})) == (
            "1,234.50"
        )
    with translation.override("vi"):
        assert intcomma(750000) == "750.000"
        assert Template("{{ v|floatformat:'2g' }}").render(Context({"v": Decimal("1234.5")})) == (
            "1.234,50"
        )


def test_key_figures_print_their_numbers_per_language(client, db):
    """A programme's 750,000 workers read 750.000 on its Vietnamese page."""
    programme = ProgrammeFactory(slug="bw")
    KeyFigureFactory(programme=programme, value=750000, label="Workers")
    assert "750,000" in client.get("/programmes/bw/").content.decode()
    html = client.get("/vi/programmes/bw/").content.decode()
    assert "750.000" in html
    assert "Tính đến 22/11/2022" in html


def test_event_dates_and_article_dates_agree_in_vietnamese(site, client):
    """An event and an article on the same day print that day alike on /vi/ pages."""
    EventFactory(title="Same day", slug="same-day", start_date=datetime.date(2020, 9, 17))
    past = client.get("/vi/events/past/").content.decode()
    assert "17/9/2020" in past
    assert ">17/9/2020</time>" in client.get("/vi/news/").content.decode()


# The catalogue


def test_catalogue_has_no_untranslated_or_fuzzy_entries():
    """Every interface string has a Vietnamese translation that a reviewer has confirmed."""
    entries = parse_po(PO_FILE)
    header, messages = entries[0], entries[1:]
    assert header.msgid == "" and "Language: vi" in header.msgstr[0]
    assert not header.fuzzy
    assert len(messages) > 400
    untranslated = [e.msgid for e in messages if not e.obsolete and not e.translated]
    fuzzy = [e.msgid for e in messages if not e.obsolete and e.fuzzy]
    assert untranslated == []
    assert fuzzy == []


def test_translations_keep_their_placeholders():
    """A translation uses exactly the placeholders of its English text, or the page would break."""
    pattern = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
    for entry in parse_po(PO_FILE)[1:]:
        for text in entry.msgstr.values():
            assert sorted(pattern.findall(text)) == sorted(pattern.findall(entry.msgid)), (
                entry.msgid
            )


def test_committed_mo_matches_the_po():
    """The compiled catalogue in the repository carries every translation of the .po."""
    mo = PO_FILE.with_suffix(".mo")
    committed = gettext.GNUTranslations(mo.open("rb"))._catalog
    expected = {}
    for entry in parse_po(PO_FILE)[1:]:
        if entry.msgid_plural is None:
            # A message with a context (pgettext) is catalogued as "context\x04msgid".
            key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
            expected[key] = entry.msgstr[0]
    for msgid, msgstr in expected.items():
        assert committed.get(msgid) == msgstr, msgid


def test_pure_python_compiler_gives_a_catalogue_django_reads(tmp_path, settings):
    """Without msgfmt, compile_translations writes a .mo that Django's gettext uses."""
    target = tmp_path / "locale" / "vi" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(PO_FILE, target / "django.po")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("compile_translations", verbosity=0)
    assert (target / "django.mo").exists()
    with translation.override("vi"):
        assert translation.gettext("News") == "Tin tức"
        assert translation.ngettext("%(counter)s article", "%(counter)s articles", 3) == (
            "%(counter)s bài viết"
        )


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_pure_python_compiler_agrees_with_msgfmt(tmp_path):
    """The fallback's catalogue holds exactly what GNU msgfmt's does."""
    gnu = tmp_path / "gnu.mo"
    subprocess.run(["msgfmt", "-o", str(gnu), str(PO_FILE)], check=True)  # noqa: S603, S607
    ours = gettext.GNUTranslations(io.BytesIO(mo_bytes(parse_po(PO_FILE))))
    theirs = gettext.GNUTranslations(gnu.open("rb"))
    ours_catalog = {k: v for k, v in ours._catalog.items() if k != ""}
    theirs_catalog = {k: v for k, v in theirs._catalog.items() if k != ""}
    assert ours_catalog == theirs_catalog


def test_compiler_skips_fuzzy_and_empty_entries(tmp_path):
    """A guessed (fuzzy) or missing translation is left out, so readers see the English."""
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "News"\nmsgstr "Tin"\n\n'
        'msgid "Events"\nmsgstr ""\n\n'
        'msgid "Say \\"hi\\""\nmsgstr ""\n"Chào \\"bạn\\""\n',
        encoding="utf-8",
    )
    catalog = gettext.GNUTranslations(io.BytesIO(mo_bytes(parse_po(po))))
    # Looked up through a name xgettext does not scan, so that makemessages ignores them.
    lookup = catalog.gettext
    assert lookup("News") == "News"
    assert lookup("Events") == "Events"
    assert lookup('Say "hi"') == 'Chào "bạn"'


# Demo content in Vietnamese


def test_demo_content_has_vietnamese_names_where_we_wrote_them(client, db):
    """The demo's areas of work, office pages, programmes and 2003 release read in Vietnamese."""
    call_command("load_demo_content", verbosity=0)
    areas = client.get("/vi/areas-of-work/").content.decode()
    for name in ("Quản trị thị trường lao động", "Đối thoại xã hội", "Bình đẳng giới"):
        assert name in areas
    about = client.get("/vi/about/contact-us/").content.decode()
    assert "<h1>Liên hệ</h1>" in about
    assert "chưa có bản tiếng Việt" not in about
    programme = client.get("/vi/programmes/better-work-viet-nam/").content.decode()
    assert "Chương trình Better Work Việt Nam" in programme
    assert "750.000" in programme
    article = client.get("/vi/news/ilo-office-opens-in-hanoi-decent-work-tops-the-agenda/").text
    assert "Văn phòng ILO khai trương tại Hà Nội" in article
    assert "Một phần bài viết này chưa có bản tiếng Việt" in article
    english = client.get("/areas-of-work/").content.decode()
    assert "Labour market governance" in english
    assert "Quản trị thị trường lao động" not in english
