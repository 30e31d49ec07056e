"""Periods, indicators and targets in the admin: policy kept as data."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from .models import Indicator, ProgrammePeriod, Target


class PeriodIndexView(IndexView):
    def get_list_buttons(self, instance):
        from .services import can_confirm_period

        buttons = super().get_list_buttons(instance)
        if instance.is_draft and can_confirm_period(self.request.user):
            # A button on the row, not in the "…" menu: it is what a draft asks for.
            buttons.insert(
                0,
                ListingButton(
                    _("Confirm targets"),
                    url=reverse("periods:confirm", args=[instance.pk]),
                    icon_name="check",
                    classname="button-secondary",
                    priority=5,
                ),
            )
        return buttons


class ProgrammePeriodViewSet(ModelViewSet):
    model = ProgrammePeriod
    icon = "date"
    menu_label = _("Programme periods")
    index_view_class = PeriodIndexView
    form_fields = ["name", "start", "end", "status"]
    list_display = ["name", "start", "end", "status"]

    def get_urlpatterns(self):
        from .views import ConfirmPeriodView

        return [
            *super().get_urlpatterns(),
            path("<int:pk>/confirm/", ConfirmPeriodView.as_view(), name="confirm"),
        ]


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
