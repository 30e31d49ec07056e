"""POST data for the plan form, as the Wagtail admin sends it."""

from __future__ import annotations

from typing import Any


def plan_data(
    *,
    unit,
    period,
    year: int | None = 2023,
    title: str = "Kế hoạch truyền thông về giảm nghèo bền vững năm 2023",
    objectives: str = "Nâng cao nhận thức của người dân về giảm nghèo bền vững.",
    activities: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    if activities is None:
        activities = [{"activity_type": "radio", "quantity": 52, "channel": "Đài truyền thanh xã"}]
    data: dict[str, Any] = {
        "unit": unit.pk,
        "period": period.pk,
        "year": "" if year is None else year,
        "title": title,
        "objectives": objectives,
        "attachment": "",
        "activities-TOTAL_FORMS": len(activities),
        "activities-INITIAL_FORMS": sum(1 for activity in activities if activity.get("id")),
        "activities-MIN_NUM_FORMS": 0,
        "activities-MAX_NUM_FORMS": 1000,
    }
    # Rows of existing activities (with an id) first, as the admin renders them.
    activities = sorted(activities, key=lambda activity: not activity.get("id"))
    for index, activity in enumerate(activities):
        row = {"channel": "", "audience": "", "timing": "", "budget": "", "id": "", **activity}
        data.update({f"activities-{index}-{key}": value for key, value in row.items()})
    data.update(extra)
    return data


def edit_data(plan, **overrides: Any) -> dict[str, Any]:
    """The edit form as the admin shows it for the plan's latest revision, with changes."""
    latest = plan.get_latest_revision_as_object()
    activities = [
        {
            "id": activity.pk,
            "activity_type": activity.activity_type,
            "quantity": activity.quantity,
            "channel": activity.channel,
            "audience": activity.audience,
            "timing": activity.timing,
            "budget": "" if activity.budget is None else activity.budget,
        }
        for activity in latest.activities.all()
    ]
    fields = {
        "unit": latest.unit,
        "period": latest.period,
        "year": latest.year,
        "title": latest.title,
        "objectives": latest.objectives,
        "activities": activities + overrides.pop("new_activities", []),
    }
    fields.update({key: overrides.pop(key) for key in list(overrides) if key in fields})
    return plan_data(**fields, **overrides)
