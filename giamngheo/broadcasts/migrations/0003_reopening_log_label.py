import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('broadcasts', '0002_week_commune_index'),
    ]

    operations = [
        migrations.AlterField(
            model_name='weekreopening',
            name='log',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reopenings', to='broadcasts.weeklylog', verbose_name='commune and week'),
        ),
    ]
