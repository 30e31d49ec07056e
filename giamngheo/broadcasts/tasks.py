"""The weekly reminder: communes with no programme logged last week."""

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
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import monday_of
from .selectors import communes_without_programme


def last_week() -> datetime.date:
    return monday_of(timezone.localdate()) - datetime.timedelta(days=7)


@task()
def send_radio_reminders(week_start: str | None = None) -> int:
    """E-mail each commune officer, and their district, the communes that logged nothing.

    Returns the number of e-mails sent.  Run every Monday (see docs/operations.md).
    """
    week = datetime.date.fromisoformat(week_start) if week_start else last_week()
    communes = Unit.objects.of_province(province_code(settings.PROVINCE_CODE)).filter(
        level=UnitLevel.COMMUNE
    )
    missing = list(communes_without_programme(week_start=week, communes=communes))
    if not missing:
        return 0
    by_code: dict[str, list[Unit]] = defaultdict(list)
    for commune in missing:
        by_code[commune.code].append(commune)
        if commune.parent and commune.parent.level == UnitLevel.DISTRICT:
            by_code[commune.parent.code].append(commune)
    recipients = (
        User.objects.filter(is_active=True, unit__code__in=by_code.keys())
        .exclude(email="")
        .select_related("unit")
    )
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user in recipients:
            names = sorted({c.name for c in by_code[user.unit.code]})
            subject = _("Commune radio: no programme logged for the week of %(week)s") % {
                "week": week.strftime("%d/%m/%Y")
            }
            body = _(
                "The following communes have logged no radio programme on poverty reduction "
                "for the week of %(week)s:\n\n%(communes)s\n\nPlease log the week's programmes "
                "(or report that there were none) in the back office: %(url)s"
            ) % {
                "week": week.strftime("%d/%m/%Y"),
                "communes": "\n".join(f"- {name}" for name in names),
                # The link opens the grid on the week the reminder is about.
                "url": f"{public_url_for('broadcasts_week')}?week={week.isoformat()}",
            }
            send_mail(subject, body, None, [user.email])
            sent += 1
    return sent
