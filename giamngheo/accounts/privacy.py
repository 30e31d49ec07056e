"""Personal data: every view and export of someone's contact details is logged here.

Views that show a phone number, an e-mail address or an attachment of a
citizen call ``log_personal_data_access`` before rendering; exports of lists
with contact details call it once for the list (how many people it held) and
mark the file as holding personal data (``PERSONAL_DATA_NOTICE``). The log
records who, when, what (the record or the list) and why (the purpose the
screen serves), and is listed to those who may see the unit's records.
"""

from __future__ import annotations

import csv
import io

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from giamngheo.core.xlsx import sheet_title
from giamngheo.units.models import Unit

from .models import AccessKind, PersonalDataAccess, User

# The sheet added to every export that holds contact details, so whoever opens the
# file later is told what it is and how it may be used.
PERSONAL_DATA_SHEET = _("Personal data")
PERSONAL_DATA_NOTICE = _(
    "This file holds personal data (names, phone numbers, e-mail addresses) protected by "
    "Law 91/2025/QH15 on personal data protection. Use it only for the purpose it was "
    "exported for, do not pass it on, and delete it when that purpose is served. Every "
    "export is recorded in the personal data access log."
)


def log_personal_data_access(
    *,
    user: User,
    kind: str,
    purpose: str,
    subject: models.Model | type[models.Model],
    label: str = "",
    unit: Unit | None = None,
    people: int = 1,
    detail: str = "",
) -> PersonalDataAccess:
    """Record that ``user`` saw (or exported) the personal data of ``subject``.

    ``subject`` is the record seen, the record a list belongs to (a contest), or for
    an export of a listing the model listed; ``label`` names it in the log when
    ``str(subject)`` would not.
    Written before the data is shown, so the entry stays even if rendering fails.
    """
    return PersonalDataAccess.objects.create(
        user=user,
        kind=kind,
        purpose=str(purpose)[:200],
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=None if isinstance(subject, type) else subject.pk,
        subject=(label or str(subject))[:200],
        unit=unit,
        people=people,
        detail=detail[:100],
    )


def notice_sheet(*, user: User, purpose: str) -> tuple[str, list[str], list[list[str]]]:
    """The sheet an export of personal data carries: what it holds, for what, by whom."""
    return (
        str(PERSONAL_DATA_SHEET),
        [str(PERSONAL_DATA_SHEET)],
        [
            [str(PERSONAL_DATA_NOTICE)],
            [str(_("Purpose: %(purpose)s")) % {"purpose": purpose}],
            [str(_("Exported by: %(user)s")) % {"user": user.get_full_name() or user.username}],
        ],
    )


__all__ = ["AccessKind", "PersonalDataExportMixin", "log_personal_data_access", "notice_sheet"]


class PersonalDataExportMixin:
    """For a Wagtail index view whose exports (or rows) hold contact details.

    Each export is logged once (how many people it held, for what purpose) and
    says in the file that it holds personal data: a sheet of its own in XLSX, a
    last line in CSV (a first line would break reading the columns). With
    ``listing_shows_contact``, each page of the listing is logged too.
    """

    export_purpose: str = ""
    listing_shows_contact = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context.get("object_list")
        if self.listing_shows_contact and rows:
            log_personal_data_access(
                user=self.request.user,
                kind=AccessKind.CONTACT,
                purpose=self.export_purpose,
                subject=self.model,
                label=str(self.model._meta.verbose_name_plural),
                unit=self.request.user.unit,
                people=len(rows),
            )
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        user = self.request.user
        log_personal_data_access(
            user=user,
            kind=AccessKind.EXPORT,
            purpose=self.export_purpose,
            subject=self.model,
            label=str(self.model._meta.verbose_name_plural),
            unit=user.unit,
            people=queryset.count(),
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def write_xlsx(self, queryset, output):
        buffer = io.BytesIO()
        super().write_xlsx(queryset, buffer)
        buffer.seek(0)
        workbook = load_workbook(buffer)
        title, headers, rows = notice_sheet(user=self.request.user, purpose=self.export_purpose)
        # After the data, which stays the first sheet.
        sheet = workbook.create_sheet(sheet_title(title))
        for row in [headers, *rows]:
            sheet.append(row)
        sheet.column_dimensions["A"].width = 100
        workbook.save(output)

    def stream_csv(self, queryset):
        yield from super().stream_csv(queryset)
        line = io.StringIO()
        csv.writer(line).writerow([f"# {PERSONAL_DATA_NOTICE}"])
        yield line.getvalue()
