"""The one rule of an activity of the register.

``ActivityRule`` is every check of an activity, loaded once for a batch in a
fixed number of queries: the dates and numbers, the unit in force on the date
and within the user's units, the planned activity it carries out, and whether it
repeats one already in the register or earlier in the batch (the same unit,
kind, title, accents and case aside, and date is one activity). The record form
(through ``Activity.clean``), the Excel import and the API ask it, so an
activity is refused for the same reason in the same words whichever way it
comes in. Whether an activity can be stored does not depend on a programme period.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamngheo.accounts import scoping
from giamngheo.core.text import fold

from .models import Activity

if TYPE_CHECKING:
    from giamngheo.accounts.models import User

Errors = dict[str, list[str]]

ALREADY_REGISTERED = gettext_lazy(
    "This activity is already in the register (same unit, kind, title, date)."
)


def register_key(activity: Activity) -> tuple:
    return (activity.unit_id, activity.kind_id, fold(activity.title or ""), activity.start_date)


def registered_keys(activities: Iterable[Activity]) -> set[tuple]:
    """The keys of ``activities`` already stored (other than themselves), in one query."""
    activities = [a for a in activities if a.unit_id and a.start_date]
    if not activities:
        return set()
    stored = Activity.objects.filter(
        unit__in={a.unit_id for a in activities},
        start_date__in={a.start_date for a in activities},
    ).exclude(pk__in=[a.pk for a in activities if a.pk])
    return {
        (unit_id, kind_id, fold(title), start)
        for unit_id, kind_id, title, start in stored.values_list(
            "unit_id", "kind_id", "title", "start_date"
        )
    }


class ActivityRule:
    """Checks of activities; ``by`` None is the system (the form, which offers only the
    user's units, and the demo loader), which sees every unit."""

    def __init__(self, by: User | None, activities: Sequence[Activity]):
        units = {activity.unit_id for activity in activities if activity.unit_id}
        self.visible = (
            units
            if by is None
            else set(scoping.units_visible_to(by).filter(pk__in=units).values_list("pk", flat=True))
        )
        self.registered = registered_keys(activities)
        self.seen: dict[tuple, str] = {}

    def errors(self, activity: Activity, *, ref: str = "") -> Errors:
        errors: Errors = defaultdict(list)
        if activity.start_date and activity.end_date and activity.end_date < activity.start_date:
            errors["end_date"].append(_("The activity cannot end before it starts."))
        for name in ("audience_reached", "participants", "cost"):
            value = getattr(activity, name)
            if value is not None and value < 0:
                errors[name].append(_("Enter a number of 0 or more."))
        unit = activity.unit if activity.unit_id else None
        if unit is not None:
            if unit.pk not in self.visible:
                errors["unit"].append(_("unit %s is outside the units you manage") % unit.code)
            elif activity.start_date and not unit.is_in_force(activity.start_date):
                errors["unit"].append(
                    _(
                        "%(unit)s was not in force on %(date)s: choose the unit of the map in "
                        "force on the activity's date."
                    )
                    % {"unit": unit.name, "date": activity.start_date.strftime("%d/%m/%Y")}
                )
            elif activity.planned_activity_id and (
                message := activity.planned_activity_error(unit)
            ):
                errors["planned_activity"].append(message)
        if unit is not None and activity.kind_id and activity.title and activity.start_date:
            key = register_key(activity)
            if key in self.seen:
                errors["title"].append(_("the same activity as %s") % self.seen[key])
            else:
                self.seen[key] = ref
                if key in self.registered:
                    errors["title"].append(str(ALREADY_REGISTERED))
        return dict(errors)
