from django.db import migrations

ADDRESS_EN = "304 Kim Ma Street, Ba Dinh, Hanoi, Viet Nam"
ADDRESS_VI = "304 Kim Mã, Ba Đình, Hà Nội, Việt Nam"


def create_row(apps, schema_editor):
    # The one row, with the address the footer printed until now, in both languages.
    OfficeContact = apps.get_model("contact", "OfficeContact")
    OfficeContact.objects.get_or_create(
        pk=1, defaults={"address": ADDRESS_EN, "address_en": ADDRESS_EN, "address_vi": ADDRESS_VI}
    )


class Migration(migrations.Migration):
    dependencies = [("contact", "0001_initial")]

    operations = [migrations.RunPython(create_row, migrations.RunPython.noop)]
