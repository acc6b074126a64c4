from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0009_partner_names_in_vietnamese_data"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="partner",
            name="vietnamese_name",
        ),
    ]
