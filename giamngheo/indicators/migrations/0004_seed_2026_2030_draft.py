"""The 2026–2030 period as a draft with 2021–2025's three targets (indicators/seed.py)."""

from django.db import migrations

from giamngheo.indicators.seed import seed_2026_2030


def seed(apps, schema_editor):
    seed_2026_2030(
        apps.get_model("indicators", "ProgrammePeriod"),
        apps.get_model("indicators", "Indicator"),
        apps.get_model("indicators", "Target"),
    )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0003_programme_period_status")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
