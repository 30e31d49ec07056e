from django.db import migrations

from giamngheo.activities.kinds import SEED_KINDS
from giamngheo.core.text import fold


def seed(apps, schema_editor):
    ActivityKind = apps.get_model("activities", "ActivityKind")
    for order, (code, name, group, plan_type) in enumerate(SEED_KINDS, start=1):
        ActivityKind.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "group": group,
                "plan_type": plan_type,
                "sort_order": order * 10,
                "search_name": fold(name),
            },
        )


def unseed(apps, schema_editor):
    ActivityKind = apps.get_model("activities", "ActivityKind")
    ActivityKind.objects.filter(
        code__in=[code for code, *_rest in SEED_KINDS], activities__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
