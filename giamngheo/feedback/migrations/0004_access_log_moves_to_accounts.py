"""The personal data access log serves every app now: its rows move to accounts.

Every row is copied, with the case's tracking code as the subject and the unit
the case is assigned to (else its commune) as the unit; the purpose of these
older rows was always the handling of the case.
"""

from django.db import migrations

PURPOSE = "Xử lý phản ánh, kiến nghị"


def forward(apps, schema_editor):
    Old = apps.get_model("feedback", "PersonalDataAccess")
    New = apps.get_model("accounts", "PersonalDataAccess")
    ContentType = apps.get_model("contenttypes", "ContentType")
    feedback_type, _ = ContentType.objects.get_or_create(app_label="feedback", model="feedback")
    New.objects.bulk_create(
        New(
            user_id=old.user_id,
            at=old.at,
            kind=old.kind,
            subject_type=feedback_type,
            subject_id=old.feedback_id,
            subject=old.feedback.tracking_code,
            unit_id=old.feedback.assigned_unit_id or old.feedback.commune_id,
            purpose=PURPOSE,
            people=1,
            detail=old.detail,
        )
        for old in Old.objects.select_related("feedback").order_by("pk").iterator()
    )


def backward(apps, schema_editor):
    Old = apps.get_model("feedback", "PersonalDataAccess")
    New = apps.get_model("accounts", "PersonalDataAccess")
    rows = New.objects.filter(subject_type__app_label="feedback", subject_type__model="feedback")
    Old.objects.bulk_create(
        Old(
            feedback_id=row.subject_id,
            user_id=row.user_id,
            at=row.at,
            kind=row.kind,
            detail=row.detail,
        )
        for row in rows.order_by("pk").iterator()
    )
    rows.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0003_open311_api_keys"),
        ("accounts", "0002_personal_data_access"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, backward)]
