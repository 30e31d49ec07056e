"""The evaluation section of the annual report: visits, their findings, recommendations."""

from __future__ import annotations

from collections import Counter

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from giamngheo.reports.sections import Chart, ReportPeriod, Scope, Section, Table

from .models import Finding, Recommendation, SupervisionVisit, VisitStatus
from .selectors import open_filter, status_on, visits_held


def _status_label(status: str) -> str:
    return {
        "open": pgettext("recommendation", "Open"),
        "closed": pgettext("recommendation", "Closed"),
        "overdue": _("Overdue"),
    }[status]


def section(*, period: ReportPeriod, scope: Scope) -> Section:
    """Visits held in ``period`` to units in ``scope``, with scores and ratings; what was
    found; recommendations made then or still open, as they stood on the period's end."""
    units = scope.all_units()
    visits = list(visits_held(start=period.start, end=period.end, units=units))
    planned = SupervisionVisit.objects.filter(
        unit__in=units, planned_on__gte=period.start, planned_on__lte=period.end
    ).exclude(status=VisitStatus.CANCELLED)
    planned_count = planned.count()
    findings = (
        Finding.objects.filter(visit__in=[v.pk for v in visits])
        .select_related("visit__unit")
        .order_by("visit__held_on", "visit__unit__code", "kind", "pk")
    )
    recommendations = list(
        Recommendation.objects.filter(
            visit__status=VisitStatus.HELD, visit__unit__in=units, visit__held_on__lte=period.end
        )
        # Made in the period, or made before and still open when it began.
        .filter(Q(visit__held_on__gte=period.start) | open_filter(period.start))
        .select_related("responsible_unit", "visit__unit")
        .order_by("due_on", "pk")
    )
    statuses = [status_on(r, period.end) for r in recommendations]
    counts = Counter(statuses)

    visit_table = Table(
        title=_("Supervision visits held"),
        headers=[
            _("Date"),
            _("Unit visited"),
            _("Organising unit"),
            _("Total score"),
            _("Maximum score"),
            _("Score (%)"),
            _("Rating"),
        ],
        rows=[
            [
                v.held_on,
                v.unit.name,
                v.plan.organiser.name,
                float(v.total_score or 0),
                float(v.max_score or 0),
                float(v.percent or 0),
                v.rating,
            ]
            for v in visits
        ],
        empty_text=_("No supervision visit was held."),
    )
    findings_table = Table(
        title=_("Findings"),
        headers=[_("Unit visited"), _("Kind"), _("Finding")],
        rows=[[f.visit.unit.name, f.get_kind_display(), f.text] for f in findings],
        empty_text=_("No findings recorded."),
    )
    recommendation_table = Table(
        title=_("Recommendations"),
        headers=[
            _("Recommendation"),
            _("Unit visited"),
            _("Responsible unit"),
            _("Due date"),
            _("Status on %(date)s") % {"date": period.end.strftime("%d/%m/%Y")},
        ],
        rows=[
            [r.text, r.visit.unit.name, r.responsible_unit.name, r.due_on, _status_label(s)]
            for r, s in zip(recommendations, statuses, strict=True)
        ],
        empty_text=_("No recommendations."),
    )
    average = sum(float(v.percent or 0) for v in visits) / len(visits) if visits else None
    paragraphs = [
        _("In %(period)s, %(held)d supervision visits were held out of %(planned)d planned.")
        % {"period": period, "held": len(visits), "planned": planned_count}
    ]
    if average is not None:
        paragraphs.append(
            _("The average score was %(average)s%% of the maximum.")
            % {"average": f"{average:.1f}".replace(".", ",")}
        )
    paragraphs.append(
        _(
            "%(total)d recommendations: %(closed)d closed, %(open)d open and %(overdue)d "
            "overdue on %(date)s."
        )
        % {
            "total": len(recommendations),
            "closed": counts["closed"],
            "open": counts["open"],
            "overdue": counts["overdue"],
            "date": period.end.strftime("%d/%m/%Y"),
        }
    )
    ratings = Counter(v.rating for v in visits if v.rating)
    chart = (
        Chart(
            title=_("Visits by rating"),
            labels=list(ratings),
            series={_("Visits"): [float(n) for n in ratings.values()]},
        )
        if ratings
        else None
    )
    return Section(
        key="evaluation",
        title=_("Supervision and evaluation"),
        tables=[visit_table, findings_table, recommendation_table],
        paragraphs=paragraphs,
        chart=chart,
    )
