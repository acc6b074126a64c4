"""Site search over published news, events, programmes and office pages, and the
areas of work and partners (all public).

Every searchable model keeps a folded copy of its text (`search_title`,
`search_summary`, `search_body`: diacritics removed, "đ" -> "d", lower case, both
languages; see ilo_office.publishing.Searchable). The reader's query is folded the
same way and cut into words, so "Viet Nam" finds "Việt Nam" and "lao dong" finds
"lao động" whichever way either was typed. Every word must match at the start of a
word: as a prefix if it has MIN_PREFIX letters or more ("employ" finds "employment"),
else whole ("si" finds "bác sĩ", not "since"). Compounds written together or apart
(COMPOUNDS: "Vietnam", "Viet Nam") find either spelling. When nothing (or only a typo
match) is found, `suggest` offers the closest words of the titles ("did you mean").

The database indexes the folded columns itself (ilo_office.search_index), and a
search only reads those indexes, never computes a vector per row:

- PostgreSQL: the stored `search_vector` (weights A/B/C for title/summary/body,
  config `simple`) through its GIN index; ranked by where all the words are found
  (title, then summary, then body: read from the small `search_head` vector of
  title and summary), then newest first. When full
  text finds nothing, a second query looks for titles close to the words (trigram
  word similarity `%>`, served by the trigram GIN index), so "Viet Nan" still finds
  "Việt Nam".
- SQLite: FTS5 tables over the same columns, ranked by bm25 with column weights;
  where FTS5 is missing, every word must occur in one of the folded columns (a scan).

Only the newest CANDIDATES matches of each type are ranked (on SQLite: the ones added
last), so a word found in 20,000 articles costs about what a rare one does; beyond
them the page says "more than" CANDIDATES results. On PostgreSQL news and events keep
their year in the vector, and the newest matches are looked for in the last years
first (WINDOWS): a common word reads the last two years' rows, not every row.

On PostgreSQL the statement is the same for every search but its parameters (a type's
part is compiled once per process, `_part_template`) and is prepared once per database
connection with a generic plan: planning it took longer than running it.

All types are ranked together in one query: a UNION of one part per type, numbered
by a window function that also counts the matches (COUNT(*) OVER ()), and the query
returns the rows of the page asked for plus those of page 1 (shown instead when the
page asked for does not exist). A page of results costs that one query, plus one per
type shown on it to load the items (at most one per type), however much content there is.

Highlighting never trusts the text: excerpts are cut from plain text, every piece is
escaped, and only then wrapped in <mark> (see `highlight`).
"""

import datetime
import difflib
import functools
import html
import re
import time
from collections import Counter
from dataclasses import dataclass

import psycopg
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, TrigramWordSimilarity
from django.core.exceptions import FullResultSet
from django.db import connections, router, transaction
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from modeltranslation.translator import NotRegistered, translator

from ilo_office import registry
from ilo_office.languages import shown_language
from ilo_office.search_index import fts_table, year_lexeme
from ilo_office.text import fold

MAX_QUERY_LENGTH = 200  # characters searched; the rest of a pasted essay is ignored
MAX_TERMS = 10
# No search has this many pages; a bigger number (?page=99999999999999999999) would be
# an integer the database cannot hold (SQLite raises OverflowError): it asks for this one,
# which is past the end, so the reader gets page 1 and the usual notice.
MAX_PAGE = 1_000_000
EXCERPT_LENGTH = 240  # characters of context around the first match
MAX_TEXT_SCANNED = 20_000  # characters of a body looked at for an excerpt
# Word similarity of the words to a title (0..1) for a typo match on PostgreSQL:
# "garmnet" is 0.5 from "garment", "viet nan" 0.78 from "viet nam".
TRIGRAM_THRESHOLD = 0.5
# Close titles weighed per type for a typo (see _typo_template).
TYPO_CANDIDATES = 300
# Matches of one type that are ranked: the newest this many. Beyond them the count
# says "more than" and the pager stops (no reader pages through 50 pages of results).
CANDIDATES = 1_000
# bm25's weights for the FTS5 columns title, summary, body.
# The columns search reads and a result never shows (ilo_office.publishing.Searchable).
SEARCH_COPIES = ("search_title", "search_summary", "search_body", "search_vector", "search_head")
FTS_WEIGHTS = (100.0, 10.0, 1.0)

# Letters and digits of any script; punctuation, symbols and "_" separate words,
# so nothing a reader types reaches SQL as an operator or a wildcard.
WORD = re.compile(r"[^\W_]+")
# A word this long or longer also finds the words it starts ("employ" finds
# "employment"); a shorter one only itself: "si" (as in "bác sĩ") must not find
# "since", nor "bo" ("Bộ") every "board" and "both".
MIN_PREFIX = 3
# Words written together or apart that mean the same: either spelling finds both.
# Folded, as the query and the folded columns are.
COMPOUNDS = {"vietnam": ("viet", "nam")}


@dataclass(frozen=True)
class Section:
    """One searchable type: its model and its registered fields (key, label, title...)."""

    fields: registry.SearchFields
    model: type

    def __getattr__(self, name):
        if name == "fields":  # not set yet (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self.fields, name)

    def items(self, now=None):
        """What the public may see at `now`: published() where the type has a status, else all."""
        manager = self.model._default_manager
        if hasattr(manager, self.public):
            return getattr(manager, self.public)(now)
        return manager.all()


# One section per type registered with `search` in ilo_office.registry, in its order.
SECTIONS = {
    entry.search.key: Section(entry.search, entry.model) for entry in registry.TYPES if entry.search
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

    @functools.cached_property
    def clauses(self):
        """What must all be found: one tuple of alternatives per word (or compound), each
        alternative a tuple of words: "viet nam" -> ((("viet", "nam"), ("vietnam",)),)."""
        clauses, terms = [], list(self.terms)
        while terms:
            term = terms.pop(0)
            for whole, parts in COMPOUNDS.items():
                if term == whole:
                    clauses.append(((whole,), parts))
                    break
                if (term, *terms[: len(parts) - 1]) == parts:
                    del terms[: len(parts) - 1]
                    clauses.append((parts, (whole,)))
                    break
            else:
                clauses.append(((term,),))
        return tuple(clauses)

    @property
    def apart(self):
        """Each word (or compound) as the reader wrote it, for a search of its own:
        "Việt Nam lao động" -> ["Việt Nam", "lao", "động"]."""
        written = {}
        for word in WORD.findall(self.text):
            written.setdefault(fold(word), word)
        return [" ".join(written.get(term, term) for term in clause[0]) for clause in self.clauses]

    @functools.cached_property
    def marked(self):
        """The words and phrases to mark in a result: the terms and their other spellings."""
        phrases = [" ".join(alternative) for clause in self.clauses for alternative in clause]
        return tuple(dict.fromkeys([*self.terms, *phrases]))

    # Words are letters and digits only (WORD), so neither can be malformed.
    def tsstring(self, weight=""):
        """The words for to_tsquery: each a prefix (`word:*`) if long enough, every
        clause required, optionally only under one weight label."""

        def word(term):
            return f"{term}:{'*' if len(term) >= MIN_PREFIX else ''}{weight}".rstrip(":")

        return " & ".join(
            "(" + " | ".join(" & ".join(word(t) for t in alt) for alt in clause) + ")"
            for clause in self.clauses
        )

    def tsquery(self, weight=""):
        return SearchQuery(self.tsstring(weight), search_type="raw", config="simple")

    def fts5(self):
        """The same, for an FTS5 MATCH: `("viet"* AND "nam"* OR "vietnam"*)`."""

        def word(term):
            return f'"{term}"' + ("*" if len(term) >= MIN_PREFIX else "")

        return " AND ".join(
            "(" + " OR ".join("(" + " AND ".join(map(word, alt)) + ")" for alt in clause) + ")"
            for clause in self.clauses
        )


def fts_tables(connection):
    """The FTS5 tables of this SQLite database (read once per database connection).

    Read through the driver's connection: it is not one of the queries a page makes.
    """
    connection.ensure_connection()
    raw = connection.connection
    cached = getattr(connection, "_ilo_search_fts", None)
    if cached is None or cached[0] is not raw:
        rows = raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '!'",
            ["%!_fts"],
        ).fetchall()
        cached = (raw, frozenset(name for (name,) in rows))
        connection._ilo_search_fts = cached
    return cached[1]


def _engine(model, db):
    """ "postgresql", "fts5" or "scan": how `model`'s table is searched in database `db`."""
    connection = connections[db]
    if connection.vendor == "postgresql":
        return "postgresql"
    table = model._meta.db_table
    if connection.vendor == "sqlite" and fts_table(table) in fts_tables(connection):
        return "fts5"
    return "scan"


def _word_pattern(term, start=r"(?<!\w)"):
    """A regular expression finding `term` at a word start (and end, if short)."""
    parts = r"[^\w]+".join(re.escape(word) for word in term.split())
    end = r"(?!\w)" if len(term.split()[-1]) < MIN_PREFIX else ""
    return rf"{start}{parts}{end}"


def _scan_condition(query):
    # Python's regular expressions (Django's REGEXP on SQLite): the same word starts
    # as the indexes' prefix matching.
    condition = Q()
    for clause in query.clauses:
        either = Q()
        for alternative in clause:
            both = Q()
            for term in alternative:
                pattern = _word_pattern(term)
                both &= (
                    Q(search_title__regex=pattern)
                    | Q(search_summary__regex=pattern)
                    | Q(search_body__regex=pattern)
                )
            either |= both
        condition &= either
    return condition


def matching(queryset, query):
    """`queryset` (of a Searchable model) narrowed to the rows that have every word.

    The same matching as site search, through the same indexes: for lists that keep
    their own order and filters (the news list's ?q=).
    """
    if not query:
        return queryset.none()
    engine = _engine(queryset.model, queryset.db)
    if engine == "postgresql":
        return queryset.filter(search_vector=query.tsquery())
    if engine == "fts5":
        fts = fts_table(queryset.model._meta.db_table)
        # The table name is ours; the words are a parameter.
        table = connections[queryset.db].ops.quote_name(queryset.model._meta.db_table)
        # "+": not an index for SQLite to drive the query from (it would read and sort
        # every matching row); the list's own index order is walked, and each row looked
        # up in the FTS5 matches, read once.
        hits = RawSQL(  # noqa: S611 - the names are ours; the words are a parameter
            f"+{table}.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)",  # noqa: S608
            [query.fts5()],
            output_field=BooleanField(),
        )
        return queryset.filter(hits)
    return queryset.filter(_scan_condition(query))


def _rows(section, queryset, rank, head=False):
    # Same columns, same order, same types in every part of the UNION; no ORDER BY
    # inside the parts (SQLite refuses it in a compound query).
    columns = {
        # Typed: a prepared statement cannot guess a bare parameter's type.
        "r_type": Cast(Value(section.key), TextField()),
        "r_pk": F("pk"),
        "r_rank": Cast(rank, FloatField()),
        "r_date": F(section.date),
    }
    if head:
        columns["r_head"] = F("search_head")
    queryset = queryset.order_by().annotate(**columns).values(*columns)
    return queryset.query.sql_with_params()


# A type's part of the search is the same SQL for every search: only its parameters
# change (the words, and the time that decides what is published). It is compiled once
# per process with these stand-ins, which each search replaces (the ORM took ~1 ms of
# CPU per type and search to build it again).
_COMPILED_AT = datetime.datetime(2001, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)
_BEFORE_WINDOWS = datetime.datetime(2001, 2, 3, 4, 5, 6, 789013, tzinfo=datetime.UTC)
# The words as typed (folded), for the typo query: no reader's words can be this (NUL is
# not printable: Query.parse drops it).
_TYPED_WORDS = "\x00words\x00"


class _StandIn:
    """A parameter of a compiled part that each search fills: `value(query, now)`."""

    def __init__(self, value):
        self.value = value


_WORDS = _StandIn(lambda query, now: query.tsstring())
_TITLE_WORDS = _StandIn(lambda query, now: query.tsstring("A"))
_SUMMARY_WORDS = _StandIn(lambda query, now: query.tsstring("B"))
_FTS5_WORDS = _StandIn(lambda query, now: query.fts5())

# PostgreSQL, types dated by year in their vector (SearchFields.by_year): the newest
# matches are looked for in these spans of years first, counted back from the
# current year (0 and 1: this year and last), then in everything older. Each span is
# a GIN lookup of the words and the span's year lexemes (ilo_office.search_index), and
# the next span is read only while fewer than CANDIDATES have been found: a word in
# every one of 20,000 articles reads the ~1,600 of the last two years, not all 20,000
# (7 ms instead of 40).
WINDOWS = ((0, 1), (2, 5), (6, 13))


# The words as a tsquery, computed once per search: a subquery (an InitPlan) rather than
# a call that the statement's generic plan (Hits._fetch) would make again for each row.
_TSQUERY = "(SELECT to_tsquery('simple'::regconfig, %s))"


def _years(first, last):
    return _StandIn(
        lambda query, now: " | ".join(
            year_lexeme(now.astimezone(datetime.UTC).year - back) for back in range(first, last + 1)
        )
    )


def _windows_start(now):
    """The first moment of the oldest year in WINDOWS (UTC, as the year lexemes)."""
    return datetime.datetime(
        now.astimezone(datetime.UTC).year - WINDOWS[-1][1], 1, 1, tzinfo=datetime.UTC
    )


def _part(section, query, now):
    """SQL and parameters of one type's matches at `now`: r_type, r_pk, r_rank, r_date."""
    db = router.db_for_read(section.model)
    engine = _engine(section.model, db)
    if engine == "scan":
        return _scan_part(section, section.items(now), query)
    sql, template = _part_template(section.key, engine, db, CANDIDATES)
    return sql, _filled(template, query, now, db)


def _filled(template, query, now, db):
    """The parameters of a compiled part, its stand-ins replaced for this search."""
    adapt = connections[db].ops.adapt_datetimefield_value
    values = {
        adapt(_COMPILED_AT): adapt(now),
        adapt(_BEFORE_WINDOWS): adapt(_windows_start(now)),
        _TYPED_WORDS: " ".join(query.terms),
    }
    params = []
    for param in template:
        if isinstance(param, _StandIn):
            param = param.value(query, now)
        elif isinstance(param, datetime.datetime | str):
            param = values.get(param, param)
        params.append(param)
    return params


@functools.cache
def _part_template(key, engine, db, candidates):
    """(sql, parameters) of a type's part, with the stand-ins for the words and the time."""
    section = SECTIONS[key]
    queryset = section.items(_COMPILED_AT).using(db)
    if engine == "fts5":
        return _fts5_part(section, queryset, candidates)
    # Only the newest CANDIDATES matches of each type are ranked: ordering by date
    # is a top-N sort of the GIN matches, while ranking and numbering every match
    # of a word found nearly everywhere (20,000 articles) cost ~250 ms.
    # One more than is ranked: whether there were more (Hits.more).
    newest = f" ORDER BY r_date DESC, r_pk DESC LIMIT {candidates + 1}"
    table = _table(section)
    # Where all the words are decides the rank (3 title, 2 summary, 1 body), read
    # from `search_head` (title and summary, ~600 bytes), never from the body's vector
    # (TOASTed, ~3 KB a row). Read after the newest are chosen, by id: carried through
    # the sort of 20,000 matches the heads cost a third of the query.
    branches = []
    everything = queryset
    if section.by_year:
        # The spans of years first, newest first; Postgres reads the branches of a UNION
        # ALL one after the other (parallel query is off for the search, see
        # Hits._fetch) and stops at the LIMIT: a later span, or all the rest, is never
        # read once enough are found. A span is a few hundred rows: its heads are read
        # with them, not one lookup each.
        for first, last in WINDOWS:
            rows = _rows(section, queryset, Value(0.0), head=True)
            span, params = _gin_fenced(section, *rows, years=_years(first, last))
            branch = f"SELECT y.r_type, y.r_pk, y.r_date, y.r_head FROM ({span}{newest}) y"  # noqa: S608
            branches.append((branch, params))
        everything = queryset.filter(**{f"{section.date}__lt": _BEFORE_WINDOWS})
    sql, params = _gin_fenced(section, *_rows(section, everything, Value(0.0)))
    branches.append(
        (
            "SELECT x.r_type, x.r_pk, x.r_date, (SELECT head.search_head "  # noqa: S608
            f"FROM {table} head WHERE head.id = x.r_pk) AS r_head FROM ({sql}{newest}) x",
            params,
        )
    )
    sql = " UNION ALL ".join(f"({branch})" for branch, _params in branches)
    params = tuple(param for _branch, branch_params in branches for param in branch_params)
    sql = (
        "SELECT c.r_type, c.r_pk, CASE "  # noqa: S608 - names are ours, words parameters
        f"WHEN c.r_head @@ {_TSQUERY} THEN 3 "
        f"WHEN c.r_head @@ {_TSQUERY} THEN 2 ELSE 1 END "
        f"AS r_rank, c.r_date FROM ({sql} LIMIT {candidates + 1}) c"
    )
    return sql, (_TITLE_WORDS, _SUMMARY_WORDS, *params)


def _scan_part(section, queryset, query):
    """No index (SQLite without FTS5): every word looked for in the folded columns;
    rank 3 per word in the title, 2 summary, 1 body."""
    rank = Value(0)
    for term in query.terms:
        rank += Case(
            When(search_title__regex=_word_pattern(term), then=Value(3)),
            When(search_summary__regex=_word_pattern(term), then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return _rows(section, queryset.filter(_scan_condition(query)), rank)


def _table(section):
    return connections["default"].ops.quote_name(section.model._meta.db_table)


def _gin_fenced(section, sql, params, years=None):
    """PostgreSQL: `sql` reading its table through a subquery of the GIN matches only.

    The subquery (kept apart by OFFSET 0, so the published rule is not pushed into
    it) has the vector match as its only condition: with sequential and plain index
    scans off for the search's transaction (see Hits._fetch), its one plan is the
    GIN bitmap, exact for unweighted prefix queries, so the body's vector (TOASTed,
    ~3 KB) is never read. Left to itself the planner reads every row's vector for a
    word found nearly everywhere (a Seq Scan, or the status index and a filter).
    `years`: a stand-in for year lexemes the vector must also hold (one of them).

    The subquery passes on only the columns the query reads: a match of a common
    word is 20,000 rows, and copying each whole row (its text in two languages, its
    folded copies) out of it took half the time.
    """
    table = _table(section)
    source = f" FROM {table} "
    sql += " "  # a type with no published rule ends at its table's name
    at = sql.index(source)
    columns = ", ".join(dict.fromkeys(re.findall(re.escape(table) + r'\.("[^"]+")', sql)))
    # The year lexemes are ours ("_2026"): to_tsquery would drop the "_", a cast keeps it.
    match = f"({_TSQUERY} && %s::tsquery)" if years else _TSQUERY
    fence = (
        f" FROM (SELECT {columns} FROM {table} WHERE {table}.search_vector @@ "  # noqa: S608
        f"{match} OFFSET 0) {table} "
    )
    before = sql[:at].count("%s")
    return (
        sql[:at] + fence + sql[at + len(source) :],
        (*params[:before], _WORDS, *([years] if years else []), *params[before:]),
    )


def _fts5_part(section, queryset, candidates):
    """SQLite: the FTS5 matches first (CROSS JOIN keeps that order), then the rows' rule.

    Written out because the ORM's join would let SQLite walk every published row and
    ask FTS5 about each. bm25 is better the more negative.

    Only the CANDIDATES (+1) matches added last are ranked: FTS5 reads its matches in
    rowid order and stops there, where joining and sorting every match of a common
    word (20,000 articles) cost ~600 ms. (PostgreSQL takes the newest by date.)
    """
    table = section.model._meta.db_table
    fts = fts_table(table)
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        where, params = compiler.compile(queryset.query.where)
    except FullResultSet:  # no rule: every row is public
        where, params = "1 = 1", []
    qn = compiler.connection.ops.quote_name
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    sql = (
        "SELECT %s AS r_type, m.id AS r_pk, m.r_rank AS r_rank, "  # noqa: S608 - names are ours
        f"{qn(table)}.{qn(section.model._meta.get_field(section.date).column)} AS r_date "
        f"FROM (SELECT rowid AS id, -bm25({fts}, {weights}) AS r_rank "
        f"FROM {fts} WHERE {fts} MATCH %s ORDER BY rowid DESC LIMIT {candidates + 1}) m "
        f"CROSS JOIN {qn(table)} ON {qn(table)}.{qn('id')} = m.id WHERE {where}"
    )
    return sql, (section.key, _FTS5_WORDS, *params)


def _typo_part(section, query, now):
    """PostgreSQL: titles close to the words (`search_title %> 'words'`, trigram GIN)."""
    db = router.db_for_read(section.model)
    sql, template = _typo_template(section.key, db)
    return sql, _filled(template, query, now, db)


@functools.cache
def _typo_template(key, db):
    section = SECTIONS[key]
    words = Value(_TYPED_WORDS)
    queryset = section.items(_COMPILED_AT).using(db)
    queryset = queryset.filter(TrigramWordSimilar(F("search_title"), words))
    sql, params = _rows(section, queryset, TrigramWordSimilarity(words, "search_title"))
    # The first TYPO_CANDIDATES close titles the index gives, not all: each costs a
    # similarity computed again, and a word close to thousands of titles ("wages
    # viet" at 20,000 articles) took 230 ms. A typo's matches are a best effort.
    return f"{sql} LIMIT {TYPO_CANDIDATES}", params


class _PreparedCursor(psycopg.Cursor):
    """Server-side binding, and every statement prepared: planned once per connection."""

    def execute(self, query, params=None, **kwargs):
        return super().execute(query, params, prepare=True, **kwargs)


class Hits:
    """The ranked matches of a search, for a Paginator: count() and slices of rows.

    Rows are dicts {"r_type", "r_pk", "r_rank", "r_date"}; `load_results()` turns a
    page of them into `Result`s. One query gives the count, the page asked for and
    page 1; another only when that finds nothing, for typo matches on PostgreSQL.
    """

    def __init__(self, query, types=None, page=1, per_page=20, vocabulary=None):
        self.query = query
        # A callable giving vocabulary() (cached by the caller), or None: when every word
        # is a known one, nothing is misspelt and no typo query runs (_forgives_typos).
        self.vocabulary = vocabulary
        self._vocabulary = None
        self.corrected = None  # the corrected Query whose matches are shown, if any
        self.sections = [SECTIONS[key] for key in (types or SECTIONS)]
        self.per_page = per_page
        try:
            self.page = min(max(int(page), 1), MAX_PAGE)
        except (TypeError, ValueError):
            self.page = 1
        self.fuzzy = False  # whether the rows are typo matches
        self.more = False  # whether there were more than CANDIDATES matches (count() is capped)
        self._rows = None  # {row number (1-based): row}
        self._total = None

    def _run(self, parts, first, last, db="default", prepared=False):
        """Rows numbered `first`..`last` and 1..per_page of the UNION of `parts`, and the total."""
        # The parts are SQL compiled by the ORM, with their parameters kept apart.
        sql = " UNION ALL ".join(
            f"SELECT * FROM ({part}) p{i}"  # noqa: S608
            for i, (part, _params) in enumerate(parts)
        )
        params = [param for _sql, part_params in parts for param in part_params]
        numbered = (
            "SELECT r_type, r_pk, r_rank, r_date, r_total, r_n FROM ("  # noqa: S608
            "SELECT h.*, COUNT(*) OVER () AS r_total, ROW_NUMBER() OVER "
            "(ORDER BY h.r_rank DESC, h.r_date DESC, h.r_type, h.r_pk) AS r_n "
            f"FROM ({sql}) h) n WHERE n.r_n <= %s OR (n.r_n >= %s AND n.r_n <= %s) ORDER BY n.r_n"
        )
        connection = connections[db]
        params = [*params, self.per_page, first, last]
        if not prepared:
            with connection.cursor() as cursor:
                cursor.execute(numbered, params)
                fetched = cursor.fetchall()
        else:
            started = time.monotonic()
            # Django's wrapper (its errors, its execute wrappers) around psycopg's own
            # cursor, which binds on the server and so can prepare.
            with connection.make_cursor(_PreparedCursor(connection.connection)) as cursor:
                cursor.execute(numbered, params)
                fetched = cursor.fetchall()
            if connection.queries_logged:
                # As Django's debug cursor would, with the parameters written in: the
                # statement as it could be run again (and counted by the tests).
                connection.queries_log.append(
                    {
                        "sql": connection.ops.compose_sql(numbered, params),
                        "time": f"{time.monotonic() - started:.3f}",
                    }
                )
        rows = {
            n: {"r_type": t, "r_pk": pk, "r_rank": rank, "r_date": date}
            for t, pk, rank, date, _total, n in fetched
        }
        return rows, (fetched[0][4] if fetched else 0)

    def _fetch(self, first, last):
        now = timezone.now()
        parts = [_part(section, self.query, now) for section in self.sections]
        if connections["default"].vendor != "postgresql":
            self._rows, self._total = self._run(parts, first, last)
        else:
            self._rows, self._total = self._gin_run(parts, first, last)
        if not self._total and self._forgives_typos():
            # A misspelt word: first the words "did you mean" would correct it to, through
            # the same indexes (one more run of the prepared statement); then, when no word
            # has a correction or the corrected words find nothing, titles close to them.
            corrected = self._correction()
            if corrected:
                parts = [_part(section, corrected, now) for section in self.sections]
                self._rows, self._total = self._gin_run(parts, first, last)
                self.corrected = corrected if self._total else None
            if not self._total:
                parts = [_typo_part(section, self.query, now) for section in self.sections]
                # The index serves `%>` at this threshold.
                self._rows, self._total = self._prepared_run(
                    parts, first, last, {"pg_trgm.word_similarity_threshold": TRIGRAM_THRESHOLD}
                )
            self.fuzzy = bool(self._total)
        # A type with more matches than CANDIDATES gave CANDIDATES + 1 rows, so more rows
        # than that means more matches; the reader is shown the best CANDIDATES.
        self.more = self._total > CANDIDATES
        self._total = min(self._total, CANDIDATES)

    def _gin_run(self, parts, first, last):
        """PostgreSQL: _run, prepared, with the planner held to the GIN indexes."""
        settings = {
            # No sequential or plain index scans: each part reads its matches through
            # the GIN bitmap (_gin_fenced).
            "enable_seqscan": "off",
            "enable_indexscan": "off",
            # One process reads the spans of years in order (_part_template).
            "max_parallel_workers_per_gather": 0,
        }
        return self._prepared_run(parts, first, last, settings)

    def _prepared_run(self, parts, first, last, settings):
        """PostgreSQL: _run as a prepared statement with a generic plan, in a transaction
        of its own with these planner `settings` (for that transaction only)."""
        settings = {**settings, "plan_cache_mode": "force_generic_plan"}
        with transaction.atomic(), connections["default"].cursor() as cursor:
            cursor.execute(
                "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(settings)),
                [str(part) for setting in settings.items() for part in setting],
            )
            return self._run(parts, first, last, prepared=True)

    def _words(self):
        if self._vocabulary is None:
            self._vocabulary = self.vocabulary()
        return self._vocabulary

    def _correction(self):
        """The query with every unknown word corrected to a close known one, or None."""
        if self.vocabulary is None:
            return None
        corrected = suggest(self.query, self._words(), CORRECTION_CUTOFF, every=True)
        return Query.parse(corrected) if corrected else None

    def _forgives_typos(self):
        """Whether to look for titles close to the words (PostgreSQL, nothing found):
        not when every word is one of the titles and summaries (vocabulary()), correctly
        spelt but never found together, where the trigram query (~30 ms at volume) would
        find only titles with some of the words."""
        if connections["default"].vendor != "postgresql":
            return False
        if self.vocabulary is None:
            return True
        words = self._words()
        known = set(words)
        return not all(_known(term, known, words) for term in self.query.terms)

    def _ensure(self):
        if self._rows is None:
            first = (self.page - 1) * self.per_page + 1
            self._fetch(first, first + self.per_page - 1)

    def count(self):
        self._ensure()
        return self._total

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        self._ensure()
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self._total)
        wanted = range(start + 1, stop + 1)
        if any(n not in self._rows for n in wanted):
            # A slice that was not fetched with the page asked for (not the pager's way).
            self._fetch(start + 1, stop)
        return [self._rows[n] for n in wanted if n in self._rows]


def search(query, types=None, page=1, per_page=20, vocabulary=None):
    """Public items matching `query` (a Query), best first: a `Hits` for a Paginator.

    `types` limits the search to those SECTIONS keys; `page` is the page the reader
    asked for (any junk is page 1), fetched together with the count; `vocabulary`, a
    callable giving vocabulary(), spares the typo query when no word is misspelt.
    """
    return Hits(query, types, page, per_page, vocabulary)


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
    """The items of a page of `search()` rows, in rank order: one query per type on the page."""
    if not rows:
        return []
    wanted = {}
    for row in rows:
        wanted.setdefault(row["r_type"], []).append(row["r_pk"])
    items = {}
    for key in types or SECTIONS:
        if key not in wanted:
            # At most one query per type, however much matched: a type with nothing on
            # this page costs none.
            continue
        section = SECTIONS[key]
        db = router.db_for_read(section.model)
        ids = wanted[key][: len(_ID_STAND_INS)]
        sql, template = _items_template(key, db, len(ids))
        stand_ins = dict(zip(_ID_STAND_INS, ids, strict=False))
        params = [stand_ins.get(param, param) for param in template]
        manager = section.model._default_manager.db_manager(db)
        for item in manager.raw(sql, _filled(params, query, timezone.now(), db)):
            items[key, item.pk] = item
    results = []
    for row in rows:
        item = items.get((row["r_type"], row["r_pk"]))
        if item is not None:
            results.append(make_result(SECTIONS[row["r_type"]], item, query))
    return results


# Stand-ins for the ids of a page's items in the compiled query that loads them
# (never ids: those start at 1); more than any page holds.
_ID_STAND_INS = tuple(range(-1, -1001, -1))


@functools.cache
def _items_template(key, db, count):
    """(sql, parameters) loading `count` items of a type by id, compiled once per process
    (the ORM took ~2 ms of CPU a search to build and compile it): published() again, so
    that an item taken down between the two queries stays hidden; without the search
    copies and vectors, the widest columns, never shown."""
    section = SECTIONS[key]
    queryset = section.items(_COMPILED_AT).using(db).defer(*SEARCH_COPIES)
    # Nor the translated fields' own columns (the default language's copy, which the
    # translations' descriptors never read): deferred on the query itself, as the
    # translated queryset's defer() would take "body" for body_en and body_vi too.
    queryset.query.add_deferred_loading(_untranslated_columns(section.model))
    return queryset.filter(pk__in=_ID_STAND_INS[:count]).query.sql_with_params()


@functools.cache
def _untranslated_columns(model):
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def make_result(section, item, query):
    # Summaries are plain text (a "<b>" in one is text to show); bodies are staff HTML,
    # read only when the summary has none of the words.
    terms = query.marked
    summary = " ".join(str(getattr(item, section.summary, "") or "").split())
    excerpt_source, spans = summary, find_spans(summary, terms)
    if not spans:
        body = plain_text(getattr(item, section.body, ""), MAX_TEXT_SCANNED)
        body_spans = find_spans(body, terms)
        if body_spans or not summary:
            excerpt_source, spans = body, body_spans
    return Result(
        section=section,
        item=item,
        title=highlight(str(item), terms),
        excerpt=excerpt(excerpt_source, terms, spans=spans),
        lang=shown_language(item, section.title),
    )


def plain_text(value, length=None):
    """Staff HTML as the text a reader sees: tags removed, entities decoded, spaces
    collapsed; the first `length` characters of it, if given."""
    value = str(value or "")
    if length is not None:
        # Tags and entities only shorten the text: this much HTML holds the `length`
        # characters wanted (unless mostly markup, when less is read), and stripping
        # tags from a whole 100,000-character body is what made a page slow.
        value = value[: length * 2]
        if value.rfind("<") > value.rfind(">"):  # not a tag cut in two
            value = value[: value.rfind("<")]
    text = " ".join(html.unescape(strip_tags(value)).split())
    return text if length is None else text[:length]


@functools.lru_cache(maxsize=4096)
def _fold_char(ch):
    return fold(ch)


def _folded_with_index(text):
    """`fold(text)` and, for each folded character, the index of the original one it came from."""
    if text.isascii():
        # Most text: folding is lower-casing, one character for one (and 100 times
        # quicker than folding each character of a 20,000-character body).
        return text.lower(), range(len(text))
    table = _one_for_one(frozenset(text))
    if table is not None:
        # Vietnamese written with precomposed letters ("ộ", "đ"): each folds to one
        # letter, so one translate() in C keeps every index where it was.
        return text.translate(table), range(len(text))
    folded, index = [], []
    for i, ch in enumerate(text):
        piece = _fold_char(ch)
        folded.append(piece)
        index.extend([i] * len(piece))
    return "".join(folded), index


def _one_for_one(chars):
    """{ord(ch): folded ch} when every character of `chars` folds to exactly one, else None."""
    table = {}
    for ch in chars:
        piece = _fold_char(ch)
        if len(piece) != 1:
            return None
        if piece != ch:
            table[ord(ch)] = piece
    return table


@functools.lru_cache(maxsize=256)
def _terms_pattern(terms):
    # One word start for all the terms: "\b" before a word character is the lookbehind
    # of _word_pattern (terms start with one), and lets the scan skip ahead (twice as quick).
    alternatives = (_word_pattern(t, "") for t in sorted(terms, key=len, reverse=True) if t.strip())
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


def find_spans(text, terms):
    """[(start, end), ...] in `text` where a term matches its folded form at a word
    start (a whole word, if short: as the search matched), merged and sorted.

    A term may be a phrase ("viet nam"): its words apart by anything but letters."""
    if not text or not terms:
        return []
    folded, index = _folded_with_index(text)
    pattern = _terms_pattern(tuple(terms))
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
        parts.append(html.escape(text[position:s]))
        parts.append(f"<mark>{html.escape(text[s:e])}</mark>")
        position = e
    parts.append(html.escape(text[position:end]))
    # html.escape (quote=True) is what Django's escape() does, without its lazy wrapper.
    return mark_safe("".join(parts))  # noqa: S308 - every piece above went through html.escape()


def excerpt(text, terms, length=EXCERPT_LENGTH, spans=None):
    """About `length` characters of `text` around its first match, highlighted; safe HTML.

    `spans`: find_spans(text, terms), when the caller has them already."""
    if not text:
        return ""
    spans = find_spans(text, terms) if spans is None else spans
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


# "Did you mean": the words of the newest titles of each type (both languages, folded),
# the most frequent first. Bounded, so building it costs the same at any volume; built
# once per content generation (ilo_office.fragments.once_per_generation).
VOCABULARY_TITLES = 2_000  # newest titles read per type
VOCABULARY_SIZE = 5_000  # words kept
# difflib's similarity (0..1): "labuor" -> "labour", "garmnet" -> "garment".
SUGGESTION_CUTOFF = 0.75
# Closer still for the results of the corrected words to be shown (Hits._correction):
# "wages" -> "wage" (0.89), "garmnet" -> "garment" (0.86), not "out" -> "about" (0.75)
# nor "data" -> "date" (0.75), which are offered as "did you mean" only.
CORRECTION_CUTOFF = 0.8


def vocabulary():
    """The words a suggestion may use: a list of folded words, most frequent first.

    From the titles and summaries of the newest items: the words a reader sees first,
    and (Hits._forgives_typos) those known to be spelt right."""
    counts = Counter()
    for section in SECTIONS.values():
        newest = section.items().order_by("-pk")
        for title, summary in newest.values_list("search_title", "search_summary")[
            :VOCABULARY_TITLES
        ]:
            text = f"{title or ''} {summary or ''}"
            counts.update(word for word in WORD.findall(text) if len(word) >= MIN_PREFIX)
    return [word for word, _count in counts.most_common(VOCABULARY_SIZE)]


def suggest(query, words, cutoff=SUGGESTION_CUTOFF, every=False):
    """The query with each unknown word replaced by the closest word of `words` (a
    vocabulary() list), or "" when there is nothing better to suggest (or, `every`,
    when an unknown word has no word that close)."""
    known = set(words)
    suggested = []
    for term in query.terms:
        if _known(term, known, words):
            suggested.append(term)
            continue
        close = difflib.get_close_matches(term, words, n=1, cutoff=cutoff)
        if every and not close:
            return ""
        suggested.append(close[0] if close else term)
    return " ".join(suggested) if list(query.terms) != suggested else ""


def _known(term, known, words):
    """Whether `term` needs no correction: short, a number, a word of `words` (`known`
    is them as a set), or the start of one (a prefix, which matched it)."""
    return len(term) < MIN_PREFIX or term in known or term.isdigit() or _starts(term, words)


def _starts(term, words):
    return any(word.startswith(term) for word in words)
