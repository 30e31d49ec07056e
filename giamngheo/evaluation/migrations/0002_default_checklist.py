from django.db import migrations


def seed(apps, schema_editor):
    from giamngheo.evaluation.seed import seed_checklist

    seed_checklist(apps.get_model("evaluation", "Criterion"), apps.get_model("evaluation", "RatingThreshold"))


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
