from functools import partial

from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

# The records indicators are computed from, with the date that places each in
# a year (None: any year may change).  A write to any bumps the cache.
SOURCES = {
    "units.Unit": None,
    "indicators.Target": None,
    "indicators.Indicator": None,
    "broadcasts.Broadcast": "on",
    "broadcasts.WeeklyLog": "week_start",
    "plans.CommunicationPlan": None,
    # A plan sent back or approved changes its workflow state, not its own row.
    "wagtailcore.WorkflowState": None,
    "wagtailcore.TaskState": None,
    "training.TrainingCourse": "start_date",
    "training.Attendance": "course__start_date",
    "training.Cadre": None,
}


class IndicatorsConfig(AppConfig):
    name = "giamngheo.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from .cache import on_delete, on_save

        for label, date_field in SOURCES.items():
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            post_save.connect(
                partial(on_save, date_field=date_field),
                sender=model,
                weak=False,
                dispatch_uid=f"kpi-{label}-save",
            )
            post_delete.connect(
                partial(on_delete, date_field=date_field),
                sender=model,
                weak=False,
                dispatch_uid=f"kpi-{label}-delete",
            )
