"""What makes an activity a repeat of one already in the register.

The Excel import and the single form ask the same question with the same
words: the same unit, kind, title (accents and case aside) and date is one
activity, whichever way it came in. The other checks of an activity are its
model's ``clean()``, which every route runs through ``full_clean()``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from giamngheo.core.text import fold

from .models import Activity

ALREADY_REGISTERED = _("This activity is already in the register (same unit, kind, title, date).")


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
