"""The one rule of a poverty figure: a unit's households, poor and near-poor for a year.

``FigureRule`` is every check of a figure, loaded once for a batch in a fixed
number of queries. The record form (through ``PovertyStatistic.clean``), the
Excel import, the demo loader and the API all ask it, so a figure is refused
for the same reason, in the same words, whichever way it comes in. Whether a
figure can be stored does not depend on a programme period.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.accounts import scoping

from .models import FIRST_YEAR, PovertyStatistic, is_in_force_during

if TYPE_CHECKING:
    from giamngheo.accounts.models import User

Errors = dict[str, list[str]]


class FigureRule:
    """Checks of poverty figures; ``by`` None is the system (the form's own unit choices
    and the demo loader), which sees every unit.

    ``replace_existing``: a figure already recorded for the unit and year may be
    replaced (the import's tick box); otherwise such an entry is refused and the
    stored figure is edited instead.
    """

    def __init__(
        self,
        by: User | None,
        figures: Sequence[PovertyStatistic],
        *,
        replace_existing: bool = False,
        today: datetime.date | None = None,
    ):
        self.by = by
        self.replace_existing = replace_existing
        self.this_year = (today or timezone.localdate()).year
        codes = {figure.unit.code for figure in figures if figure.unit_id}
        years = {figure.year for figure in figures if figure.year is not None}
        self.visible = (
            codes
            if by is None
            else set(
                scoping.units_visible_to(by).filter(code__in=codes).values_list("code", flat=True)
            )
        )
        self.stored: dict[tuple[str, int], PovertyStatistic] = {}
        if codes and years:
            self.stored = {
                (row.unit_code, row.year): row
                for row in PovertyStatistic.objects.filter(unit_code__in=codes, year__in=years)
            }
        self.seen: dict[tuple[str, int], str] = {}

    def stored_figure(self, code: str, year: int) -> PovertyStatistic | None:
        return self.stored.get((code, year))

    def errors(self, figure: PovertyStatistic, *, ref: str = "") -> Errors:
        errors: Errors = defaultdict(list)
        for name, message in figure.count_errors().items():
            errors[name].append(message)
        year = figure.year
        if year is not None and year > self.this_year:
            errors["year"].append(
                _("%(year)d has not ended yet: figures are for a past or the current year")
                % {"year": year}
            )
        elif year is not None and year < FIRST_YEAR:
            errors["year"].append(
                _("The year must be between %(first)d and %(last)d.")
                % {"first": FIRST_YEAR, "last": self.this_year}
            )
        if not figure.unit_id:
            return dict(errors)
        unit = figure.unit
        if unit.code not in self.visible:
            errors["unit"].append(_("unit %s is outside the units you manage") % unit.code)
        elif year is not None and "year" not in errors:
            if not is_in_force_during(unit, year):
                errors["unit"].append(
                    _("%(unit)s was not in force in %(year)d.") % {"unit": unit.name, "year": year}
                )
            else:
                self._check_unique(figure, ref, errors)
        return dict(errors)

    def _check_unique(self, figure: PovertyStatistic, ref: str, errors: Errors) -> None:
        key = (figure.unit.code, figure.year)
        if key in self.seen:
            errors["unit"].append(_("the same unit and year as %s") % self.seen[key])
            return
        self.seen[key] = ref
        stored = self.stored.get(key)
        if stored is None or stored.pk == figure.pk:
            # Replacing through an import writes a new revision of the stored figure:
            # not while the previous one awaits the province's decision.
            if stored is not None and self.replace_existing and stored.workflow_in_progress:
                errors["year"].append(
                    _("these figures are awaiting approval: wait for the province's decision")
                )
            return
        errors["year"].append(
            _(
                "%(unit)s already has figures for %(year)d: edit them, or tick “Replace "
                "existing figures” when importing."
            )
            % {"unit": figure.unit.name, "year": figure.year}
        )
