from django.db import migrations, models

from giamngheo.core.text import person_sort_string


def fill_sort_names(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    users = list(User.objects.only("username", "first_name", "last_name"))
    for user in users:
        name = " ".join(f"{user.last_name} {user.first_name}".split())
        user.sort_name = person_sort_string(name or user.username)
    User.objects.bulk_update(users, ["sort_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_personal_data_access"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="sort_name",
            field=models.CharField(db_index=True, default="", editable=False, max_length=400),
        ),
        migrations.RunPython(fill_sort_names, migrations.RunPython.noop),
    ]
