"""The three roles as groups. Their permissions are set after every migrate (roles.py):
on a new database the permissions only exist once all migrations have run."""

from django.db import migrations

ROLE_NAMES = ("Contributor", "Editor", "Site manager")


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.using(schema_editor.connection.alias).get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("backoffice", "0001_publishing_log"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
