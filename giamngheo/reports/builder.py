"""Which sections make the annual report, and building them in turn.

Each entry of ``SECTION_BUILDERS`` is the dotted path of a domain app's
``report.section(*, period, scope) -> Section`` (see ``sections.py``); a new
app adds its part of the report by adding its path here, in the order the
parts are numbered.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils.module_loading import import_string

__all__ = ["SECTION_BUILDERS", "import_string", "report_scope", "section_builders"]

from giamngheo.indicators.selectors import scope_for_unit
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .sections import Scope, Section

SECTION_BUILDERS = [
    "giamngheo.indicators.report.section",
    "giamngheo.plans.report.section",
    "giamngheo.broadcasts.report.section",
    "giamngheo.training.report.section",
    "giamngheo.activities.report.section",
    "giamngheo.network.report.section",
    "giamngheo.feedback.report.section",
    "giamngheo.poverty.report.section",
    "giamngheo.evaluation.report.section",
]

SectionBuilder = Callable[..., Section]


class SectionError(Exception):
    """A section could not be built; the message names it and says why."""


def section_builders() -> list[SectionBuilder]:
    return [import_string(path) for path in SECTION_BUILDERS]


def report_scope(unit: Unit) -> Scope:
    """The dashboard's scope for ``unit``: the whole province, one district or one commune.

    ``indicators.selectors.scope_for_unit`` is what the dashboard calls, so the
    report's figures and the dashboard's come from the same computation.
    """
    if unit.level == UnitLevel.PROVINCE:
        return Scope(province_code(settings.PROVINCE_CODE))
    if unit.level == UnitLevel.COMMUNE:
        # A commune's own figures (the two-level map's communes report themselves).
        return Scope(province_code(settings.PROVINCE_CODE), unit)
    scope = scope_for_unit(unit.code)
    if scope is None:
        raise SectionError(f"{unit} is not a district-level unit of the province")
    return scope
