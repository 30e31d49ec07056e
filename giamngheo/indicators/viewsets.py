"""Periods, indicators and targets in the admin: policy kept as data."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Indicator, ProgrammePeriod, Target


class ProgrammePeriodViewSet(ModelViewSet):
    model = ProgrammePeriod
    icon = "date"
    menu_label = _("Programme periods")
    form_fields = ["name", "start", "end"]
    list_display = ["name", "start", "end"]


class IndicatorViewSet(ModelViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    form_fields = ["code", "name", "unit_of_measure", "rule", "description", "sort_order"]
    list_display = ["name", "code", "unit_of_measure", "rule"]


class TargetViewSet(ModelViewSet):
    model = Target
    icon = "pick"
    menu_label = _("Targets")
    form_fields = ["indicator", "period", "year", "value", "parameters"]
    list_display = ["indicator", "period", "year", "value"]
    list_filter = ["period", "indicator"]


class IndicatorsGroup(ViewSetGroup):
    menu_label = _("Targets and periods")
    menu_icon = "pick"
    menu_order = 110
    items = (
        ProgrammePeriodViewSet("periods"),
        IndicatorViewSet("indicators"),
        TargetViewSet("targets"),
    )


indicators_group = IndicatorsGroup()
