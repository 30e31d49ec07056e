"""The plan indicator's name says "localities", not "districts": from 2026 communes,
wards and the province plan (indicators/seed.py). A name staff changed stays theirs."""

from django.db import migrations

OLD = "Huyện, thị xã, thành phố có kế hoạch truyền thông giai đoạn và hằng năm"
NEW = "Địa phương có kế hoạch truyền thông giai đoạn và hằng năm"
DESCRIPTION = (
    "Đ"
    "ế"
    "n"
)


def rename(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    Indicator.objects.filter(code="ke-hoach-truyen-thong", name=OLD).update(name=NEW)
    Indicator.objects.filter(code="ke-hoach-truyen-thong", description="").update(
        description=DESCRIPTION
    )


def rename_back(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    Indicator.objects.filter(code="ke-hoach-truyen-thong", name=NEW).update(name=OLD)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_seed_2026_2030_draft")]
    operations = [migrations.RunPython(rename, rename_back)]
