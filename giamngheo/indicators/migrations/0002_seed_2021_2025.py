"""The 2021–2025 programme period and the seed's three targets (indicators/seed.py)."""

from django.db import migrations

from giamngheo.indicators.seed import seed_2021_2025


def seed(apps, schema_editor):
    seed_2021_2025(
        apps.get_model("indicators", "ProgrammePeriod"),
        apps.get_model("indicators", "Indicator"),
        apps.get_model("indicators", "Target"),
    )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
