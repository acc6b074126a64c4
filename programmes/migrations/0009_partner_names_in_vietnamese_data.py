"""The Vietnamese columns filled from what there was (English columns, the old
vietnamese_name). Data only, in a migration of its own: PostgreSQL refuses to alter a table
in the transaction that updated its rows (pending trigger events)."""

from django.db import migrations

from ilo_office.migration_utils import backfill


def vietnamese_name_to_name_vi(apps, schema_editor):
    """A partner's Vietnamese name becomes the Vietnamese column of its translated name."""
    Partner = apps.get_model("programmes", "Partner")
    for partner in Partner.objects.exclude(vietnamese_name="").iterator():
        if not partner.name_vi:
            partner.name_vi = partner.vietnamese_name
            partner.save(update_fields=["name_vi"])


def name_vi_to_vietnamese_name(apps, schema_editor):
    Partner = apps.get_model("programmes", "Partner")
    for partner in Partner.objects.exclude(name_vi=None).exclude(name_vi="").iterator():
        partner.vietnamese_name = partner.name_vi
        partner.save(update_fields=["vietnamese_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0008_partner_names_notes_figure_sources_in_vietnamese"),
    ]

    operations = [
        backfill("programmes", "Partner", ("name", "successor_note")),
        backfill("programmes", "KeyFigure", ("source",)),
        migrations.RunPython(vietnamese_name_to_name_vi, name_vi_to_vietnamese_name, elidable=True),
    ]
