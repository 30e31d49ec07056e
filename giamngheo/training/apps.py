from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "giamngheo.training"
    label = "training"
    verbose_name = _("Training")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

        from .models import Attendance, Cadre, TrainingCourse

        # Courses belong to their organising unit, cadres to theirs, and a
        # participant row to its course's unit.
        for model, unit_field in [
            (TrainingCourse, "organising_unit"),
            (Cadre, "unit"),
            (Attendance, "course__organising_unit"),
        ]:
            register_permission_policy(
                model, UnitScopedPermissionPolicy(model, unit_field=unit_field)
            )
