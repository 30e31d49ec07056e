"""The daily reminder of overdue recommendations (django-tasks).

Each officer of the responsible unit, and of the visit's organiser, gets one
e-mail listing the overdue recommendations they answer for.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from giamngheo.accounts.models import User
from giamngheo.core.links import public_url_for

from .models import Recommendation
from .selectors import overdue_recommendations

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
FOLLOW_UP_PERMISSION = "evaluation.follow_up_recommendation"


def recommendation_url(recommendation: Recommendation) -> str:
    return public_url_for("evaluation_recommendations:inspect", recommendation.pk)


@task()
def send_recommendation_reminders(today: str | None = None) -> int:
    """E-mail the overdue recommendations to their units and organisers; returns e-mails sent.

    Run every morning (docs/operations.md).
    """
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    by_code: dict[str, list[Recommendation]] = defaultdict(list)
    for recommendation in overdue_recommendations(day):
        by_code[recommendation.responsible_unit.code].append(recommendation)
        organiser = recommendation.visit.plan.organiser.code
        if organiser != recommendation.responsible_unit.code:
            by_code[organiser].append(recommendation)
    if not by_code:
        return 0
    recipients = (
        User.objects.with_perm(
            FOLLOW_UP_PERMISSION, backend=MODEL_BACKEND, include_superusers=False
        )
        .filter(is_active=True, unit__code__in=by_code.keys())
        .exclude(email="")
        .select_related("unit")
        .order_by("pk")
    )
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user in recipients:
            items = by_code[user.unit.code]
            lines = "\n".join(
                f"- {r.responsible_unit.name}: {r} ("
                + _("due %(date)s") % {"date": r.due_on.strftime("%d/%m/%Y")}
                + f") {recommendation_url(r)}"
                for r in items
            )
            subject = _("%(count)d overdue supervision recommendations") % {"count": len(items)}
            body = _(
                "These recommendations of supervision visits are past their due date and not "
                "closed yet:\n\n%(lines)s\n\nUpdate their status in the back office."
            ) % {"lines": lines}
            send_mail(subject, body, None, [user.email])
            sent += 1
    return sent
