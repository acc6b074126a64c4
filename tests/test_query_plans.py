"""On PostgreSQL at volume, no public page reads a large table from end to end.

The site is filled to its decades-long size (tests.bulk_site.fill: 20,000 articles over
25 years, 5,000 events, 60 programmes, 400 partners, their links and reads), VACUUM
ANALYZE'd as autovacuum would leave it in production (statistics and visibility map,
which index-only scans need). Then each public page of tests.public_urls is requested,
every SELECT it ran is EXPLAINed, and a sequential scan of a table of more than
LARGE_TABLE rows (pg_class.reltuples) fails the test. The plans print with `-s` and
in the failure message.

The data is committed (VACUUM cannot run in a transaction) and truncated at the end of
the module: the module's fixture refuses to start unless the tables are empty, so it never
removes anything another test made.
"""

import json
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ilo_office.cache import next_scheduled_change
from tests.bulk_site import fill
from tests.public_urls import EXPECTED_TO_CHANGE, page_urls

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="query plans are PostgreSQL's; SQLite plans say nothing about production",
    ),
]

LARGE_TABLE = 1_000  # rows: below this a sequential scan is as good as an index
FILLED_TABLES = [
    "newsroom_article",
    "events_event",
    "programmes_programme",
    "programmes_partner",
    "programmes_theme",
    "pages_officepage",
    "ilo_office_photo",
    # Filled by tests.bulk_site too: left behind, they would collide with later tests' rows.
    "opportunities_opportunity",
    "publications_publication",
]


@pytest.fixture(scope="module")
def volume(django_db_setup, django_db_blocker):
    """The full-size site, committed, vacuumed and analysed; emptied again afterwards."""
    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            for table in FILLED_TABLES:
                cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {table})")  # noqa: S608 - names are ours
                assert not cursor.fetchone()[0], f"{table} is not empty: refusing to fill it"
            # Places are not emptied (the data migration's provinces live there too):
            # only those the fill adds go afterwards.
            cursor.execute("SELECT COALESCE(MAX(id), 0) FROM programmes_place")
            (last_place,) = cursor.fetchone()
        started = time.perf_counter()
        sizes = fill()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(f"\nfilled {sizes} in {time.perf_counter() - started:.1f} s")
        try:
            yield sizes
        finally:
            with connection.cursor() as cursor:
                # CASCADE reaches the through tables, reads and featured rows: all made by fill().
                cursor.execute(f"TRUNCATE {', '.join(FILLED_TABLES)} CASCADE")
                cursor.execute("DELETE FROM programmes_place WHERE id > %s", [last_place])


def table_rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' "
            "AND relnamespace = 'public'::regnamespace"
        )
        return dict(cursor.fetchall())


def plan_nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


def explain(sql):
    """(text plan, [tables read by a sequential scan]) of one captured query."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        tree = cursor.fetchone()[0]
        tree = json.loads(tree) if isinstance(tree, str) else tree
        cursor.execute(f"EXPLAIN {sql}")
        text = "\n".join(row[0] for row in cursor.fetchall())
    scanned = [
        node["Relation Name"]
        for node in plan_nodes(tree[0]["Plan"])
        if node["Node Type"] == "Seq Scan"
    ]
    return text, scanned


def seq_scans_of_large_tables(queries):
    """The report of every SELECT's plan, and the large tables read sequentially."""
    rows = table_rows()
    report, large = [], []
    for query in queries:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        text, scanned = explain(sql)
        too_big = [t for t in scanned if rows.get(t, 0) >= LARGE_TABLE]
        large += too_big
        flag = f"  <-- Seq Scan of {', '.join(too_big)}" if too_big else ""
        report.append(f"{sql}\n{text}{flag}")
    return "\n\n".join(report), large


def page_params():
    for name, (url_name, _url) in page_urls().items():
        marks = []
        if url_name in EXPECTED_TO_CHANGE:
            marks = [pytest.mark.xfail(reason=EXPECTED_TO_CHANGE[url_name], strict=False)]
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(page_params()))
def test_no_page_scans_a_large_table(name, volume, client, settings):
    """Every query of the page is served by an index or reads a small table."""
    settings.PAGE_CACHE = False
    url = page_urls()[name][1]
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200, url
        b"".join(response) if response.streaming else response.content
    report, large = seq_scans_of_large_tables(ctx.captured_queries)
    print(f"\n=== {name}: {url}\n{report}")
    assert not large, f"{url} reads {large} from end to end:\n\n{report}"


def test_next_scheduled_change_is_served_by_indexes(volume):
    """The page cache's next go-live or take-down time is found without reading whole tables."""
    with CaptureQueriesContext(connection) as ctx:
        next_scheduled_change()
    report, large = seq_scans_of_large_tables(ctx.captured_queries)
    print(f"\n=== next scheduled change\n{report}")
    assert not large, report


def test_the_volume_is_what_the_plans_are_about(volume):
    """The tables are as large as the office's decades of content."""
    rows = table_rows()
    assert rows["newsroom_article"] >= 19_000
    assert rows["events_event"] >= 4_500
    assert rows["newsroom_article_programmes"] >= 20_000
    assert rows["newsroom_dailyreads"] >= 10_000
