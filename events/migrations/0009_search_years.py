from django.db import migrations

from ilo_office.search_index import search_years


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_place_in_vietnamese"),
    ]

    # PostgreSQL: the vector also holds the year of publish_at (a lexeme such as
    # "_2026"), so that search finds a common word's newest matches among the last
    # years' rows first. Existing rows are computed again by the trigger.
    operations = [
        search_years("events_event", "publish_at"),
    ]
