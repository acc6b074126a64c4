"""Acceptance: the demo content holds every name, date, figure and quote of the seeds exactly.

The seeds (the documents the site was commissioned from) are copied into tests/seeds/,
so that the comparison also runs on a clean clone. Dates, figures, acronyms and quotes
are read from the seed text itself; the names of people, bodies and programmes, which
no pattern finds reliably, are listed here and each is first checked against the seed.
Only whitespace and typographic quotes are normalised.
"""

import datetime
import html
import re
from calendar import month_name
from pathlib import Path

import pytest
from django.core.management import call_command

from events.models import Event
from newsroom.models import Article
from programmes.models import KeyFigure

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).parent / "seeds"
MONTHS = {month_name[n]: n for n in range(1, 13)}
MONTH = "|".join(MONTHS)
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) ({MONTH}) (\d{{4}})\b")
MONTH_DAY = re.compile(rf"\b({MONTH}) (\d{{1,2}})\b(?!,? \d{{4}})")
MONTH_YEAR = re.compile(rf"\b({MONTH}) (\d{{4}})\b")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# MOLISA, ILO, DoLAB, MDGs, UN: two capitals or more in one word.
ACRONYM = re.compile(r"\b[A-Z][a-z]*[A-Z][A-Za-z]*\b")
QUOTE = re.compile(r'"([^"]{30,})"')

# Names in each seed's article part; the test checks each against the seed as well.
NAMES = {
    "000": [
        "ILO Office opens in Hanoi, Decent Work Tops the Agenda",
        "International Labour Organization",
        "Yasuyuki Nodera",
        "Regional Director",
        "Ministry of Foreign Affairs",
        "Ministry of Planning and Investment",
        "Ministry of Labour, Invalids and Social Affairs",
        "Viet Nam General Confederation of Labour",
        "Viet Nam Chamber of Commerce and Industry",
        "Vietnam Cooperative Alliance",
        "Ten Year National Development Strategy",
        "Comprehensive Poverty Reduction and Growth Strategy",
        "Millennium Development Goals",
        "Viet Nam Development Goals",
        "Governing Body",
        "three-year term",
        "Institutional Capacity Building",
        "Labour Markets, Employment and Income",
        "Promoting and realising standards and fundamental principles and rights at work",
        "Creating greater opportunities for women and men to secure decent employment",
        "Enhancing the coverage and effectiveness of social protection for all",
        "Strengthening tripartism and social dialogue",
    ],
    "001": [
        "Areas of work",
        "The majority of garment workers in Viet Nam are women.",
        "© ILO/A.Santos",
        "See more photos on our Areas of Work in ILO Flickr photo library",
        "Labour market governance",
        "Employment and sustainable enterprise development",
        "Social protection and social security",
        "International Labour Standards",
        "Decent Work Agenda",
    ],
    "003": [
        "Better Work Vietnam program to deploy in Hanoi and other localities",
        "Hanoi, Ho Chi Minh City",
        "International Finance Corporation",
        "Vietnam Chamber of Commerce and Industry",
        "Ingrid Christensen",
        "Nguyen Thi Ha",
        "Photo: ILO Vietnam",
        "garment and footwear factories",
    ],
    "004": [
        "Promoting cooperation on safe labour migration in Vietnam for period of 2024-2028",
        "International Organization for Migration",
        "Department of Overseas Labour",
        "Department of Employment",
        "Directorate of Vocational Education and Training",
        "Dang Si Dung",
        "Đặng Sĩ Dũng",
        "Park Mihyung",
        "Chief of Mission of IOM Vietnam",
        "Deputy Director of DoLAB",
        "Law on Contract-based Vietnamese Overseas Workers",
        "counter-trafficking",
        "nine provinces",
        "two health handbooks",
        "Japan and the Republic of Korea",
        "Source: IOM",
    ],
}

# Where a programme or partner is named in an event's seed text by another form of its name.
EVENT_ALIASES = {
    "president-office": "President Office",
    "ilo-eu-evfta-labour-standards": "Promoting ILS within framework of EVFTA",
}


def seed_text(number):
    """A seed's text without the newspaper's own page furniture (its other articles)."""
    (path,) = SEEDS.glob(f"{number}_*.txt")
    text = path.read_text(encoding="utf-8")
    for furniture in ("\nOther News\n", "\nMine Action cannot wait"):
        text = text.split(furniture)[0]
    return text


def norm(text):
    """Text without tags and entities, with plain quotes and single spaces."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub("[\u201c\u201d\u201e]", '"', re.sub("[\u2018\u2019]", "'", text))
    return re.sub(r"\s+", " ", text).strip()


def dates_in(text):
    """(day, month, year) of every date the text prints; day or year None when not printed."""
    found = {(int(d), MONTHS[m], int(y)) for d, m, y in DAY_MONTH_YEAR.findall(text)}
    found |= {(int(d), MONTHS[m], None) for m, d in MONTH_DAY.findall(text)}
    found |= {(None, MONTHS[m], int(y)) for m, y in MONTH_YEAR.findall(text)}
    return found


def printed(date):
    return f"{date.day} {month_name[date.month]} {date.year}"


def facts(text):
    """The dates, figures, acronyms and quotes a seed text prints."""
    plain = norm(text)
    without_dates = MONTH_YEAR.sub(" ", MONTH_DAY.sub(" ", DAY_MONTH_YEAR.sub(" ", plain)))
    return {
        "dates": dates_in(plain),
        "figures": set(NUMBER.findall(without_dates)),
        "acronyms": set(ACRONYM.findall(plain)),
        # Quotes end with the seed's own comma or full stop before the closing mark.
        "quotes": {q.rstrip(",. ") for line in plain.split("\n") for q in QUOTE.findall(line)},
    }


def assert_holds(number, shown):
    """Every fact of seed `number` is in `shown` (the demo's text for that seed)."""
    seed = seed_text(number)
    expected = facts(seed)
    shown = norm(shown)
    shown_dates = dates_in(shown)
    for day, month, year in expected["dates"]:
        assert any(
            (day in (None, d) and month == m and year in (None, y))
            for d, m, y in shown_dates
            if d is not None or day is None
        ), f"seed {number}: the date {day} {month_name[month]} {year or ''} is missing"
    missing = [
        f
        for f in expected["figures"]
        if not re.search(rf"(?<![\d,.]){re.escape(f)}(?![\d])", shown)
    ]
    assert not missing, f"seed {number}: figures missing: {missing}"
    # The seed writes DoLAB once as DOLAB: either of the seed's own spellings will do.
    spellings = {
        a.lower(): {b for b in expected["acronyms"] if b.lower() == a.lower()}
        for a in expected["acronyms"]
    }
    missing = [
        a
        for a in expected["acronyms"]
        if not any(re.search(rf"\b{b}\b", shown) for b in spellings[a.lower()])
    ]
    assert not missing, f"seed {number}: acronyms missing: {missing}"
    for quote in expected["quotes"]:
        # A quote stays a direct quote: whole, and inside quotation marks.
        assert f'"{quote}' in shown, f"seed {number}: quote not kept whole: {quote[:60]}..."
    for name in NAMES.get(number, []):
        assert norm(name) in norm(seed), f"the name list is wrong: {name} is not in seed {number}"
        assert norm(name) in shown, f"seed {number}: {name} is missing"


def article_text(article):
    photos = [article.hero, *(p.photo for p in article.articlephoto_set.all())]
    return " ".join(
        [
            article.title,
            article.standfirst,
            article.body,
            article.dateline,
            article.source_name,
            printed(article.publish_at),
            *(f"{p.caption} {p.credit}" for p in photos if p),
        ]
    )


@pytest.fixture
def demo():
    call_command("load_demo_content", verbosity=0)


def seed_events():
    """[(title, printed dates, description)] of the events page, in its order."""
    events = []
    for block in re.split(r"\n\s+\d+\. ", seed_text("002"))[1:]:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        description = lines[2] if len(lines) > 2 and not MONTH_YEAR.fullmatch(lines[2]) else ""
        events.append((lines[0], lines[1], description))
    return events


def parse_dates(text):
    """'1 January - 30 April 2020' -> (date(2020, 1, 1), date(2020, 4, 30)); a day: (day, None)."""
    first, _, last = text.partition(" - ")
    end_day, end_month, year = (last or first).split()
    end = datetime.date(int(year), MONTHS[end_month], int(end_day))
    parts = first.split()
    start = end.replace(day=int(parts[0]), month=MONTHS[parts[1]] if len(parts) > 1 else end.month)
    return start, (end if last else None)


def test_the_seed_copies_are_the_five_documents():
    """The seeds the comparison reads are here, in the repository, all five."""
    assert sorted(p.name[:3] for p in SEEDS.glob("*.txt")) == ["000", "001", "002", "003", "004"]
    assert len(seed_events()) == 20


def test_press_release_2003_keeps_every_fact_and_both_nodera_quotes(demo):
    """The 2003 press release: names, dates, figures and both of Mr Nodera's quotes, whole."""
    article = Article.objects.get(kind=Article.Kind.PRESS_RELEASE)
    assert_holds("000", article_text(article))


def test_better_work_article_and_programme_keep_every_fact_and_quote(demo):
    """The article holds the seed's facts; the programme's key figures are the seed's."""
    article = Article.objects.get(slug__startswith="better-work-vietnam")
    assert_holds("003", article_text(article))
    figures = KeyFigure.objects.filter(programme__slug="better-work-viet-nam")
    # "more than 440 participating garment and footwear factories which employ 750,000
    # workers in 29 provinces and cities"
    assert sorted((int(f.value), f.qualifier) for f in figures) == [
        (29, ""),
        (440, KeyFigure.Qualifier.MORE_THAN),
        (750_000, ""),
    ]


def test_iom_article_keeps_every_fact_and_both_quotes_whole(demo):
    """The IOM article: Mr Dang Si Dung's and Ms Park Mihyung's quotes in full, no typo."""
    article = Article.objects.get(slug__startswith="promoting-cooperation-on-safe-labour")
    assert_holds("004", article_text(article))


def test_areas_of_work_page_keeps_every_fact_and_links_to_the_flickr_library(demo, client):
    response = client.get("/areas-of-work/")
    page = response.content.decode()
    assert_holds("001", page)
    assert 'href="https://www.flickr.com/photos/ilopictures/"' in page


def test_no_word_is_broken_at_a_hyphen(demo):
    """A line break inside the source left 'counter- trafficking'; no demo text does that."""
    texts = [article_text(a) for a in Article.objects.all()]
    texts += [f"{e.title} {e.summary} {e.description}" for e in Event.objects.all()]
    broken = [m for t in texts for m in re.findall(r"\b\w+- [a-z]\w*", norm(t))]
    assert not broken


def test_every_seed_event_has_its_title_dates_and_full_description(demo):
    """The 2020 events page: each event as the seed prints it, the full text as description."""
    # The demo's dated-from-today samples (slug "sample-...") are not seed events.
    events = Event.objects.exclude(slug__startswith="sample-").order_by("-start_date")
    assert events.count() == 20
    for title, dates, description in seed_events():
        event = events.get(title=title)
        assert (event.start_date, event.end_date) == parse_dates(dates), title
        assert norm(event.description) == norm(description), title
        assert_event_adds_nothing(event, norm(f"{title} {description}"))


def assert_event_adds_nothing(event, seed):
    """Summary, place, partners and programmes of an event say only what its seed text says."""
    if not norm(event.description):
        # Nothing printed beyond the title and dates: no summary to invent.
        assert not event.summary, event.title
    invented = set(NUMBER.findall(event.summary)) - set(NUMBER.findall(seed))
    assert not invented, f"{event.title}: figures not in the seed: {invented}"
    for place in (event.city, event.country):
        assert place in seed, f"{event.title}: {place} is not in the seed"
    for item in [*event.partners.all(), *event.programmes.all()]:
        forms = {item.name, item.acronym, EVENT_ALIASES.get(item.slug)} - {"", None}
        assert any(form in seed for form in forms), f"{event.title}: {item} is not in the seed"


def test_webinar_title_printed_as_the_seed_prints_it_at_its_old_address(demo, client):
    """'COVID-19:Supporting' as the seed has it; the address made before the fix still works."""
    title = "ILO Webinar on COVID-19:Supporting Enterprises, Jobs and Income in Asia and Pacific"
    old = (
        "ilo-webinar-on-covid-19-supporting-enterprises-jobs-and-income-in-asia-and-pac-2020-07-16"
    )
    event = Event.objects.get(title=title)
    assert event.slug == old
    response = client.get(f"/events/{old}/")
    assert response.status_code == 200
    assert html.escape(title, quote=False) in response.content.decode()
    assert "This webinar, part of the ACTRAV Webinar Series 2.0" in response.content.decode()


def test_a_description_staff_edited_survives_a_second_load_and_a_refresh(demo):
    """The loader writes the seed's description once; staff's edit stays theirs after."""
    event = Event.objects.get(title__startswith="Study Visit to Sri Lanka")
    assert "<p>" in event.description
    event.description = "<p>Edited by the programme officer.</p>"
    event.save()
    call_command("load_demo_content", verbosity=0)
    event.refresh_from_db()
    assert event.description == "<p>Edited by the programme officer.</p>"
    call_command("load_demo_content", "--refresh", verbosity=0)
    event.refresh_from_db()
    assert event.description == "<p>Edited by the programme officer.</p>"
