"""The KPI dashboard: each indicator against its target, for a period, year and unit."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from giamngheo.accounts import scoping
from giamngheo.units.divisions import province_code as as_province_code
from giamngheo.units.models import Unit, UnitLevel

from . import dashboard as panels
from .models import Indicator, ProgrammePeriod
from .rules import Scope
from .selectors import current_period, dashboard_values, default_year, scope_for_unit


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


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def dashboard(request):
    if not request.user.has_perm("indicators.view_indicator"):
        raise PermissionDenied
    periods = list(ProgrammePeriod.objects.all())
    period = (
        next((p for p in periods if p.pk == _int(request.GET.get("period"), None)), None)
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

    districts = []
    if scoping.is_province_wide(request.user):
        districts = list(
            Unit.objects.of_province(scope.province_code)
            .filter(level=UnitLevel.DISTRICT)
            .in_period(period.start, period.end)
            .order_by("code", "-valid_from")
            .distinct()
        )
        # One entry per code: the latest name.
        seen: dict[str, Unit] = {}
        for unit in districts:
            seen.setdefault(unit.code, unit)
        districts = sorted(seen.values(), key=lambda u: u.sort_name)
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
