"""People sort by given name, then family name (``core.text.person_sort_string``)."""

from django.db import migrations

from giamngheo.core.text import person_sort_string


def refill_sort_names(apps, schema_editor):
    model = apps.get_model("training", "Cadre")
    people = list(model.objects.only("full_name"))
    for person in people:
        person.sort_name = person_sort_string(person.full_name)
    model.objects.bulk_update(people, ["sort_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(refill_sort_names, migrations.RunPython.noop)]
