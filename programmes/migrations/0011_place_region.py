from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0010_remove_partner_vietnamese_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="place",
            name="region",
            field=models.CharField(
                blank=True,
                choices=[("north", "North"), ("central", "Central"), ("south", "South")],
                help_text="Where the Where we work page lists a current province or city. Leave empty for a former province: it is listed under the one it became part of.",
                max_length=10,
                verbose_name="region",
            ),
        ),
        migrations.AddField(
            model_name="place",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="last changed"),
        ),
    ]
