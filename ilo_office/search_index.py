# Every name in the SQL below is a table name given by a migration; nothing comes from
# a request, so the string-built SQL is safe.
# ruff: noqa: S608
"""The database's own search indexes over the folded columns of a `Searchable` table.

The folded columns (`search_title`, `search_summary`, `search_body`) are written by
Python at save (ilo_office.publishing). Everything below is kept by the database
itself, so that bulk_create(), queryset updates and raw SQL keep it right too:

- PostgreSQL: a BEFORE INSERT/UPDATE trigger sets `search_vector` to the three
  columns weighted A/B/C (config `simple`: the text is folded already), a GIN index
  on it, and a trigram GIN index (gin_trgm_ops) on `search_title` for typo matches.
- SQLite: an external-content FTS5 table `<table>_fts` over the three columns, kept
  by AFTER INSERT/UPDATE/DELETE triggers. Where the SQLite library has no FTS5, the
  step does nothing and search falls back to scanning the folded columns.

Migrations call `search_index(table)`: a RunPython step that does the above for the
database it runs on and undoes it backwards. Migrations depend on what this module
does: change it only in ways that keep old migrations correct.

SQLite drops a table's triggers when Django rebuilds the table (an ALTER it cannot do
in place); `restore_sqlite_triggers` runs after every migrate and puts them back,
rebuilding the FTS table when they were missing.
"""

from django.db import DatabaseError, migrations

COLUMNS = ("search_title", "search_summary", "search_body")
WEIGHTS = ("A", "B", "C")


def fts_table(table):
    return f"{table}_fts"


def vector_index(table):
    return f"{table}_search_vector_gin"


def trigram_index(table):
    return f"{table}_search_title_trgm"


# PostgreSQL -------------------------------------------------------------------------


def _postgresql_forwards(schema_editor, table):
    qn = schema_editor.quote_name
    vector = " || ".join(
        f"setweight(to_tsvector('simple', coalesce(NEW.{column}, '')), '{weight}')"
        for column, weight in zip(COLUMNS, WEIGHTS, strict=True)
    )
    function = qn(f"{table}_search_vector")
    statements = [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := {vector};
    RETURN NEW;
END
$$""",
        # Not on every update: only when a search column is written (save() always
        # writes them; queryset.update(status=...) leaves the vector alone).
        f"""CREATE TRIGGER {function} BEFORE INSERT OR UPDATE OF
    {", ".join(COLUMNS)}, search_vector ON {qn(table)}
    FOR EACH ROW EXECUTE FUNCTION {function}()""",
        # Existing rows: setting the vector fires the trigger, which computes it.
        f"UPDATE {qn(table)} SET search_vector = NULL",
        f"CREATE INDEX {qn(vector_index(table))} ON {qn(table)} USING gin (search_vector)",
        f"CREATE INDEX {qn(trigram_index(table))} ON {qn(table)} "
        "USING gin (search_title gin_trgm_ops)",
    ]
    for sql in statements:
        schema_editor.execute(sql)


def _postgresql_backwards(schema_editor, table):
    qn = schema_editor.quote_name
    function = qn(f"{table}_search_vector")
    for sql in (
        f"DROP INDEX IF EXISTS {qn(trigram_index(table))}",
        f"DROP INDEX IF EXISTS {qn(vector_index(table))}",
        f"DROP TRIGGER IF EXISTS {function} ON {qn(table)}",
        f"DROP FUNCTION IF EXISTS {function}()",
        f"UPDATE {qn(table)} SET search_vector = NULL",
    ):
        schema_editor.execute(sql)


# SQLite -----------------------------------------------------------------------------


def _sqlite_trigger_sql(table):
    fts = fts_table(table)
    columns = ", ".join(COLUMNS)
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    old = ", ".join(f"old.{c}" for c in COLUMNS)
    insert = f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.id, {new});"
    delete = f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.id, {old});"
    return {
        f"{fts}_ai": f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} "
        f"BEGIN {insert} END",
        f"{fts}_ad": f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} "
        f"BEGIN {delete} END",
        f"{fts}_au": f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF "
        f"id, {columns} ON {table} BEGIN {delete} {insert} END",
    }


def _sqlite_forwards(schema_editor, table):
    fts = fts_table(table)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        if not cursor.fetchone()[0]:
            return  # No FTS5 in this SQLite: search scans the folded columns instead.
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(COLUMNS)}, "
        f"content='{table}', content_rowid='id', tokenize='unicode61')"
    )
    for sql in _sqlite_trigger_sql(table).values():
        schema_editor.execute(sql)
    schema_editor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _sqlite_backwards(schema_editor, table):
    fts = fts_table(table)
    for name in _sqlite_trigger_sql(table):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")


def restore_sqlite_triggers(using="default", **kwargs):
    """Put back FTS triggers that a SQLite table rebuild dropped (post_migrate)."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        existing = {(kind, name) for kind, name in cursor.fetchall()}
        for _kind, name in sorted(existing):
            if not name.endswith("_fts") or ("table", name[: -len("_fts")]) not in existing:
                continue
            table = name[: -len("_fts")]
            triggers = _sqlite_trigger_sql(table)
            if all(("trigger", trigger) in existing for trigger in triggers):
                continue
            for sql in triggers.values():
                cursor.execute(sql)
            cursor.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


# The migration step -------------------------------------------------------------------


def search_index(table):
    """A RunPython step: the search indexes of `table` on the database migrated."""

    def forwards(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            _postgresql_forwards(schema_editor, table)
        elif vendor == "sqlite":
            _sqlite_forwards(schema_editor, table)

    def backwards(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            _postgresql_backwards(schema_editor, table)
        elif vendor == "sqlite":
            _sqlite_backwards(schema_editor, table)

    return migrations.RunPython(forwards, backwards)


# Faster ranking (the *_search_speed migrations) -------------------------------------
#
# At 20,000 articles the stored vector (both languages' bodies, ~3 KB) was TOASTed:
# every row a search ranked, or a broad match counted, cost a TOAST index lookup
# and a decompression (a full pass 160-170 ms). Two changes, kept by the same trigger:
#
# - `search_head`: title and summary only (weights A and B, a few hundred bytes),
#   what search ranks by (title, then summary, then body, then newest), so ranking
#   never reads the body's vector.
# - `search_head` stays in the row (STORAGE MAIN: out of line only when the row
#   cannot fit a page otherwise); both vectors compressed with lz4 where the server
#   has it (a full detoast pass ~84 ms instead of ~172 with pglz). The body's vector
#   stays out of line: search reads it only through the GIN index, which is exact
#   for unweighted prefix queries (ilo_office.search).

HEAD_COLUMNS = COLUMNS[:2]


def _postgresql_vector_sql(columns):
    return " || ".join(
        f"setweight(to_tsvector('simple', coalesce(NEW.{column}, '')), '{weight}')"
        for column, weight in zip(columns, WEIGHTS, strict=False)
    )


def _postgresql_trigger(schema_editor, table, with_head, year_column=None):
    """(Re)create the trigger function and trigger, with or without `search_head`, and
    with the year lexeme of `year_column` (see search_years) if given."""
    qn = schema_editor.quote_name
    function = qn(f"{table}_search_vector")
    head = f"NEW.search_head := {_postgresql_vector_sql(HEAD_COLUMNS)};" if with_head else ""
    watched = [*COLUMNS, "search_vector", *(["search_head"] if with_head else [])]
    vector = _postgresql_vector_sql(COLUMNS)
    if year_column:
        column = f"NEW.{qn(year_column)}"
        # The lexeme as is: to_tsvector would parse "_2026" into "2026", a word of text.
        vector += (
            f" || CASE WHEN {column} IS NULL THEN ''::tsvector ELSE array_to_tsvector("
            f"ARRAY['{YEAR_MARK}' || extract(year FROM {column} AT TIME ZONE 'UTC')::int]) END"
        )
        watched.append(year_column)
    for sql in (
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := {vector};
    {head}
    RETURN NEW;
END
$$""",
        f"DROP TRIGGER IF EXISTS {function} ON {qn(table)}",
        f"""CREATE TRIGGER {function} BEFORE INSERT OR UPDATE OF
    {", ".join(watched)} ON {qn(table)}
    FOR EACH ROW EXECUTE FUNCTION {function}()""",
    ):
        schema_editor.execute(sql)


def _postgresql_storage(schema_editor, table, head_storage, compression):
    qn = schema_editor.quote_name
    schema_editor.execute(
        f"ALTER TABLE {qn(table)} ALTER COLUMN search_head SET STORAGE {head_storage}"
    )
    for column in ("search_vector", "search_head"):
        # lz4 is a build option of the server: where it is missing, keep the default.
        schema_editor.execute("SAVEPOINT ilo_search_compression")
        try:
            schema_editor.execute(
                f"ALTER TABLE {qn(table)} ALTER COLUMN {column} SET COMPRESSION {compression}"
            )
        except DatabaseError:  # "compression method lz4 not supported"
            schema_editor.execute("ROLLBACK TO SAVEPOINT ilo_search_compression")
        else:
            schema_editor.execute("RELEASE SAVEPOINT ilo_search_compression")


def search_speed(table):
    """A RunPython step (after adding `search_head`): the head vector and inline storage.

    PostgreSQL only; SQLite's FTS5 table has the columns apart already.
    """

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        _postgresql_storage(schema_editor, table, "MAIN", "lz4")
        _postgresql_trigger(schema_editor, table, with_head=True)
        # Existing rows: the trigger computes both vectors, stored the new way.
        schema_editor.execute(f"UPDATE {schema_editor.quote_name(table)} SET search_vector = NULL")

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        _postgresql_trigger(schema_editor, table, with_head=False)
        _postgresql_storage(schema_editor, table, "EXTENDED", "default")
        schema_editor.execute(f"UPDATE {schema_editor.quote_name(table)} SET search_vector = NULL")

    return migrations.RunPython(forwards, backwards)


# Years in the vector (the *_search_years migrations) ----------------------------------
#
# A word found in nearly every one of 20,000 articles matched 20,000 rows, and finding
# the newest CANDIDATES of them read every one (~40 ms). The vector of a type that
# grows by thousands a year also holds the year of its date as a lexeme ("_2026", UTC),
# which no reader's word can be ("_" separates words), so search can ask the GIN index
# for the words *and* this year or last, and read only those rows
# (ilo_office.search.WINDOWS).

YEAR_MARK = "_"


def year_lexeme(year):
    return f"{YEAR_MARK}{year}"


def search_years(table, column):
    """A RunPython step: the year of `column` in the vector of `table` (PostgreSQL)."""

    def trigger(year_column):
        def step(apps, schema_editor):
            if schema_editor.connection.vendor != "postgresql":
                return
            _postgresql_trigger(schema_editor, table, with_head=True, year_column=year_column)
            # Existing rows: setting the vector fires the trigger, which computes it.
            schema_editor.execute(
                f"UPDATE {schema_editor.quote_name(table)} SET search_vector = NULL"
            )

        return step

    return migrations.RunPython(trigger(column), trigger(None))
