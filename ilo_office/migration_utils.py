"""Data steps shared by the migrations that added languages and search columns.

Kept apart from the models so that migrations, which run against historical
models without our `save()`, can fill the new columns of existing rows: the
English column of each translated field from the original column, and the folded
search columns. Changing this module changes what old migrations do: don't.
"""

from django.db import migrations

from ilo_office.publishing import search_text


def backfill(app_label, model_name, translated=(), search=None):
    """A RunPython step for one model; `search` maps each search column to its fields."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        for obj in model._default_manager.all().iterator():
            changed = []
            for name in translated:
                english = f"{name}_en"
                if getattr(obj, english) in (None, "") and getattr(obj, name):
                    setattr(obj, english, getattr(obj, name))
                    changed.append(english)
            for column, names in (search or {}).items():
                setattr(obj, f"search_{column}", search_text(obj, names))
                changed.append(f"search_{column}")
            if changed:
                obj.save(update_fields=changed)

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)
