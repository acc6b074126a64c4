"""Site search over published news, events, programmes and office pages.

Every Publishable keeps a folded copy of its text (`search_title`, `search_summary`,
`search_body`: diacritics removed, "đ" -> "d", lower case, both languages; see
ilo_office.publishing). The reader's query is folded the same way and cut into
words, so "Viet Nam" finds "Việt Nam" and "lao dong" finds "lao động" whichever
way either was typed.

- PostgreSQL: full text over the folded columns with the `simple` configuration
  (there is no Vietnamese one, and the text is folded already), weights A/B/C for
  title/summary/body, each word matched as a prefix; plus trigram word similarity
  on the title, so that a typo ("Viet Nan") still finds the page.
- SQLite (the quick start): every word must occur in one of the folded columns.

Either way a result ranks by where the words are found: title above summary above
body, then newest first. The four types are ranked together in one UNION query,
so a page of results costs two queries (count and page) plus one per type searched
to load the items, however much content there is.

Highlighting never trusts the text: excerpts are cut from plain text, every piece is
escaped, and only then wrapped in <mark> (see `highlight`).
"""

import html
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Cast
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.models import Event
from ilo_office.pages.models import OfficePage
from ilo_office.text import fold
from newsroom.models import Article
from programmes.models import Programme

MAX_QUERY_LENGTH = 200  # characters searched; the rest of a pasted essay is ignored
MAX_TERMS = 10
EXCERPT_LENGTH = 240  # characters of context around the first match
MAX_TEXT_SCANNED = 20_000  # characters of a body looked at for an excerpt
TRIGRAM_THRESHOLD = 0.6  # word similarity on titles (0..1) for typo matches on PostgreSQL

# Letters and digits of any script; punctuation, symbols and "_" separate words,
# so nothing a reader types reaches SQL as an operator or a wildcard.
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Section:
    """One searchable type: its model and the fields a result shows."""

    key: str
    label: str
    model: type
    title: str
    summary: str
    body: str

    def items(self):
        return self.model.objects.published()


SECTIONS = {
    section.key: section
    for section in (
        Section("news", _("News"), Article, "title", "standfirst", "body"),
        Section("events", _("Events"), Event, "title", "summary", "description"),
        Section("programmes", _("Programmes"), Programme, "name", "summary", "description"),
        Section("pages", _("Office pages"), OfficePage, "title", "summary", "body"),
    )
}
TYPE_CHOICES = [(key, section.label) for key, section in SECTIONS.items()]


@dataclass(frozen=True)
class Query:
    """What the reader typed, made safe: printable, trimmed, and its folded words."""

    text: str
    terms: tuple
    truncated: bool = False

    @classmethod
    def parse(cls, raw):
        text = " ".join("".join(ch for ch in str(raw) if ch.isprintable()).split())
        truncated = len(text) > MAX_QUERY_LENGTH
        text = text[:MAX_QUERY_LENGTH]
        terms = tuple(dict.fromkeys(WORD.findall(fold(text))))[:MAX_TERMS]
        return cls(text=text, terms=terms, truncated=truncated)

    def __bool__(self):
        return bool(self.terms)


def search(query, types=None):
    """Published items matching `query` (a Query), best first, as a sliceable QuerySet.

    Rows are dicts {"r_type", "r_pk", "r_rank", "r_date"}; `load_results()` turns a
    page of them into `Result`s. `types` limits the search to those SECTIONS keys.
    """
    sections = [SECTIONS[key] for key in (types or SECTIONS)]
    if connection.vendor == "postgresql":
        parts = [_postgresql(section, query) for section in sections]
    else:
        parts = [_simple(section, query) for section in sections]
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return combined.order_by("-r_rank", "-r_date", "r_type", "r_pk")


def _rows(section, queryset, rank):
    # Same columns, same order, same types in every part of the UNION; no ORDER BY
    # inside the parts (SQLite refuses it in a compound query).
    return (
        queryset.order_by()
        .annotate(
            r_type=Value(section.key),
            r_pk=F("pk"),
            r_rank=Cast(rank, FloatField()),
            r_date=F("publish_at"),
        )
        .values("r_type", "r_pk", "r_rank", "r_date")
    )


def _simple(section, query):
    """Every word in one of the folded columns; rank 3 per word in the title, 2 summary, 1 body."""
    condition = Q()
    rank = Value(0)
    for term in query.terms:
        condition &= (
            Q(search_title__icontains=term)
            | Q(search_summary__icontains=term)
            | Q(search_body__icontains=term)
        )
        rank += Case(
            When(search_title__icontains=term, then=Value(3)),
            When(search_summary__icontains=term, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return _rows(section, section.items().filter(condition), rank)


def _postgresql(section, query):
    """Full text (simple config, A/B/C weights, prefix words) or a title close to the words."""
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchRank,
        SearchVector,
        TrigramWordSimilarity,
    )

    def vector(column, weight=None):
        return SearchVector(column, config="simple", weight=weight)

    # Words are letters and digits only (WORD), so this raw tsquery cannot be malformed.
    tsquery = SearchQuery(
        " & ".join(f"{term}:*" for term in query.terms), search_type="raw", config="simple"
    )
    document = (
        vector("search_title", "A") + vector("search_summary", "B") + vector("search_body", "C")
    )
    queryset = section.items().annotate(
        s_document=document,
        s_title=vector("search_title"),
        s_summary=vector("search_summary"),
        s_body=vector("search_body"),
        s_similarity=TrigramWordSimilarity(" ".join(query.terms), "search_title"),
    )
    queryset = queryset.filter(Q(s_document=tsquery) | Q(s_similarity__gte=TRIGRAM_THRESHOLD))
    # Where the words are decides the order (3 title, 2 summary, 1 body, 0 a typo match);
    # within that, ts_rank (normalised to 0..1 by option 32) and the title's similarity.
    tier = Case(
        When(s_title=tsquery, then=Value(3.0)),
        When(s_summary=tsquery, then=Value(2.0)),
        When(s_body=tsquery, then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    closeness = (SearchRank(F("s_document"), tsquery, normalization=32) + F("s_similarity")) / 2
    return _rows(section, queryset, tier + closeness)


@dataclass
class Result:
    """One item on a page of results, with its highlighted title and excerpt."""

    section: Section
    item: object
    title: str
    excerpt: str
    lang: str

    @property
    def url(self):
        return self.item.get_absolute_url()


def load_results(rows, query, types=None):
    """The items of a page of `search()` rows, in rank order: one query per type searched."""
    if not rows:
        return []
    wanted = {}
    for row in rows:
        wanted.setdefault(row["r_type"], []).append(row["r_pk"])
    items = {}
    for key in types or SECTIONS:
        section = SECTIONS[key]
        # One query per type even when this page holds none of it ([0] matches nothing,
        # ids start at 1), so that what a page costs never depends on what matched.
        # published() again: an item taken down between the two queries stays hidden.
        for item in section.items().filter(pk__in=wanted.get(key) or [0]):
            items[key, item.pk] = item
    results = []
    for row in rows:
        item = items.get((row["r_type"], row["r_pk"]))
        if item is not None:
            results.append(make_result(SECTIONS[row["r_type"]], item, query))
    return results


def make_result(section, item, query):
    # Summaries are plain text (a "<b>" in one is text to show); bodies are staff HTML.
    summary = " ".join(str(getattr(item, section.summary, "") or "").split())
    body = plain_text(getattr(item, section.body, ""))[:MAX_TEXT_SCANNED]
    if find_spans(summary, query.terms) or not find_spans(body, query.terms):
        excerpt_source = summary or body
    else:
        excerpt_source = body
    return Result(
        section=section,
        item=item,
        title=highlight(str(item), query.terms),
        excerpt=excerpt(excerpt_source, query.terms),
        lang=shown_language(item, section.title),
    )


def shown_language(item, field):
    """The language the item is shown in: the page's, or English where no translation exists."""
    language = (get_language() or "en").split("-")[0]
    if language != "en" and not getattr(item, f"{field}_{language}", None):
        return "en"
    return language


def plain_text(value):
    """Staff HTML as the text a reader sees: tags removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def _folded_with_index(text):
    """`fold(text)` and, for each folded character, the index of the original one it came from."""
    folded, index = [], []
    for i, ch in enumerate(text):
        piece = fold(ch)
        folded.append(piece)
        index.extend([i] * len(piece))
    return "".join(folded), index


def find_spans(text, terms):
    """[(start, end), ...] in `text` where a term matches its folded form, merged and sorted."""
    if not text or not terms:
        return []
    folded, index = _folded_with_index(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    spans = []
    for match in pattern.finditer(folded):
        start, end = index[match.start()], index[match.end() - 1] + 1
        # Overlapping, or apart only by spaces: one mark around "lao động", not two.
        if spans and (start <= spans[-1][1] or text[spans[-1][1] : start].isspace()):
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def highlight(text, terms, spans=None, start=0, end=None):
    """`text[start:end]`, escaped, with <mark> around the matches: safe HTML."""
    end = len(text) if end is None else end
    spans = find_spans(text, terms) if spans is None else spans
    parts, position = [], start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        parts.append(escape(text[position:s]))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        position = e
    parts.append(escape(text[position:end]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above went through escape()


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """About `length` characters of `text` around its first match, highlighted; safe HTML."""
    if not text:
        return ""
    spans = find_spans(text, terms)
    start = 0
    if spans and spans[0][1] > length - 40:
        # Start a little before the first match, at a word boundary.
        start = text.rfind(" ", 0, max(spans[0][0] - 60, 0)) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    snippet = highlight(text, terms, spans, start, end)
    before = "… " if start > 0 else ""
    after = " …" if end < len(text) else ""
    return mark_safe(f"{before}{snippet}{after}")  # noqa: S308 - snippet is escaped HTML
