"""The KPI dashboard: each indicator against its target, for a period, year and unit."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View

from giamngheo.accounts import scoping
from giamngheo.units.divisions import province_code as as_province_code
from giamngheo.units.models import Unit, UnitLevel

from . import dashboard as panels
from .models import Indicator, ProgrammePeriod
from .rules import Scope
from .selectors import (
    current_period,
    dashboard_values,
    default_year,
    district_units,
    drilldown_units,
    scope_for_unit,
)
from .services import can_confirm_period, confirm_period


def _scope_for(request) -> Scope:
    """The province for province-wide users (or a district they pick); else the user's unit."""
    province = as_province_code(settings.PROVINCE_CODE)
    user = request.user
    if not scoping.is_province_wide(user):
        if user.unit is None:
            raise PermissionDenied
        return Scope(province, user.unit)
    scope = scope_for_unit(request.GET.get("unit"))
    if scope is None:
        raise Http404
    return scope


def _drilldown(period: ProgrammePeriod, year: int, province: str) -> list[Unit]:
    """The units a province-wide user may pick: the districts of the period while the
    year's map has them, one entry per code with its latest name; on the two-level
    map the communes and wards in force that year (province → commune)."""
    if not district_units(period=period, year=year).exists():
        return sorted(drilldown_units(period=period, year=year), key=lambda u: u.sort_name)
    units = (
        Unit.objects.of_province(province)
        .filter(level=UnitLevel.DISTRICT)
        .in_period(period.start, period.end)
        .order_by("code", "-valid_from")
        .distinct()
    )
    seen: dict[str, Unit] = {}
    for unit in units:
        seen.setdefault(unit.code, unit)
    return sorted(seen.values(), key=lambda u: u.sort_name)


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def dashboard(request):
    if not request.user.has_perm("indicators.view_indicator"):
        raise PermissionDenied
    periods = list(ProgrammePeriod.objects.all())
    year_asked = _int(request.GET.get("year"), None)
    period = (
        next((p for p in periods if p.pk == _int(request.GET.get("period"), None)), None)
        # A year without a period (a link to 2023's figures) opens the period that has it.
        or (year_asked and next((p for p in periods if year_asked in p.years), None))
        or current_period()
    )
    if period is None:
        return TemplateResponse(request, "indicators/dashboard.html", {"no_period": True})
    year = _int(request.GET.get("year"), default_year(period))
    if year not in period.years:
        year = default_year(period)
    scope = _scope_for(request)
    values, trend = dashboard_values(period=period, scope=scope, year=year)
    context = panels.build(period=period, year=year, scope=scope, values=values, trend=trend)

    export = request.GET.get("export")
    if export:
        return panels.export(export, context)

    districts: list[Unit] = []
    if scoping.is_province_wide(request.user):
        districts = _drilldown(period, year, scope.province_code)
    context.update(
        periods=periods,
        period=period,
        year=year,
        scope=scope,
        districts=districts,
        query=request.GET.urlencode(),
        page_title=_("Targets dashboard"),
        rules=Indicator.Rule,
    )
    return TemplateResponse(request, "indicators/dashboard.html", context)


class ConfirmPeriodView(View):
    """Confirm a draft period's targets: GET shows them, POST confirms."""

    template_name = "indicators/confirm_period.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_confirm_period(request.user):
            raise PermissionDenied
        self.period = get_object_or_404(ProgrammePeriod, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        targets = self.period.targets.select_related("indicator").order_by(
            "indicator__sort_order", "year"
        )
        return render(request, self.template_name, {"period": self.period, "targets": targets})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            confirm_period(period=self.period, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The targets of %(period)s are confirmed.") % {"period": self.period}
            )
        return redirect("periods:index")
