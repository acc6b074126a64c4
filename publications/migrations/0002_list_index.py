from django.db import migrations

# The list's order (newest first, undated last, then newest added), walked for its
# first page instead of sorting every published row. It is written per dialect, not as
# a model Index: SQLite refuses NULLS LAST in CREATE INDEX, while it already sorts NULLs
# last in a descending order, which PostgreSQL does only when told.
COLUMNS = {
    "postgresql": "published_on DESC NULLS LAST, id DESC",
    "sqlite": "published_on DESC, id DESC",
}


def create_index(apps, schema_editor):
    columns = COLUMNS.get(schema_editor.connection.vendor)
    if columns is None:
        return
    schema_editor.execute(
        "CREATE INDEX publication_list_idx ON publications_publication "
        f"({columns}) WHERE status = 'published'"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor in COLUMNS:
        schema_editor.execute("DROP INDEX IF EXISTS publication_list_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_sitemap_calendar_indexes"),
        ("programmes", "0010_remove_partner_vietnamese_name"),
        ("publications", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
