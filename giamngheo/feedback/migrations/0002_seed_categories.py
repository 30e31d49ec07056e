# The categories the issue names, each with its deadline and answer templates
# (giamngheo/feedback/seed.py). Province staff change them in the admin.

from django.db import migrations

from giamngheo.feedback.seed import seed_categories


def seed(apps, schema_editor):
    seed_categories(
        apps.get_model("feedback", "FeedbackCategory"), apps.get_model("feedback", "AnswerTemplate")
    )


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
