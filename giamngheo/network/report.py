"""The network's part of the annual report: communicators by role and level, and coverage."""

from __future__ import annotations

from django.utils.translation import gettext as _

from giamngheo.reports.sections import ReportPeriod, Scope, Section, Table
from giamngheo.units.models import UnitLevel

from . import selectors


def section(*, period: ReportPeriod, scope: Scope) -> Section:
    on = period.end
    by_role = selectors.counts_by_role_and_level(units=scope, on=on)
    communes = selectors.coverage(units=scope, on=on)
    uncovered = [row for row in communes if not row.is_covered]
    total = sum(sum(row["levels"]) for row in by_role)
    levels = [str(level.label) for level in UnitLevel]
    columns = [sum(row["levels"][index] for row in by_role) for index in range(len(levels))]
    paragraphs = [
        _(
            "On %(date)s the network had %(total)d active communicators; %(covered)d of "
            "%(communes)d communes had at least one, %(uncovered)d had none."
        )
        % {
            "date": on.strftime("%d/%m/%Y"),
            "total": total,
            "covered": len(communes) - len(uncovered),
            "communes": len(communes),
            "uncovered": len(uncovered),
        }
    ]
    return Section(
        key="network",
        title=_("Network of communicators"),
        paragraphs=paragraphs,
        tables=[
            # The counts the sentence gives, on the same day and map.
            Table(
                title=_("Communes covered on %(date)s") % {"date": on.strftime("%d/%m/%Y")},
                headers=[
                    _("Communes in force"),
                    _("With an active communicator"),
                    _("Without one"),
                ],
                rows=[[len(communes), len(communes) - len(uncovered), len(uncovered)]],
            ),
            Table(
                title=_("Active communicators by role and level"),
                headers=[_("Role"), *levels, _("Total")],
                rows=[[row["label"], *row["levels"], sum(row["levels"])] for row in by_role],
                totals=[_("Total"), *columns, total],
            ),
            Table(
                title=_("Communes without an active communicator"),
                headers=[_("District"), _("Commune"), _("Code")],
                rows=[
                    [row.district.name if row.district else "", row.commune.name, row.commune.code]
                    for row in uncovered
                ],
                empty_text=_("Every commune has an active communicator."),
            ),
        ],
    )
