"""The five home page blocks, in the order the page had before staff could change it."""

from django.db import migrations

KINDS = ["featured", "news", "events", "programmes", "areas"]


def create_blocks(apps, schema_editor):
    HomeBlock = apps.get_model("pages", "HomeBlock")
    for position, kind in enumerate(KINDS, start=1):
        HomeBlock.objects.get_or_create(kind=kind, defaults={"order": position * 10})


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_blocks, migrations.RunPython.noop),
    ]
