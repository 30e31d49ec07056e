"""The administrative frame of a report (Decree 30/2020/NĐ-CP): issuing body, national
title and motto, number and symbol, place and date, title, recipients, signature.

Both the XLSX's sheets and the PDF read it from here, so they say the same.
Its wording is Vietnamese by nature (it is the document's own text, not the
interface's), like the demo data and the group names.

Who issues a report, where, and to whom follows the organisation in force on
the issue date (``IssuingBody`` rows, ADR 0010): a report on a unit that no
longer exists that day (a district after 30 June 2025) is issued by the
province's body and names the former unit in its title.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.units.models import Unit, UnitLevel

from .models import IssuingBody

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TOPIC = "Kết quả thực hiện công tác truyền thông về giảm nghèo bền vững"


def vietnamese_date(day: datetime.date) -> str:
    """ "ngày 05 tháng 3 năm 2026": Decree 30 pads the day under 10 and the months
    1 and 2 only (so "tháng 01" cannot be read as "tháng 10" once a digit is added)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


@dataclass
class ReportDocument:
    superior_body: str  # "UBND THÀNH PHỐ HUẾ", or "" when the body has none above it
    issuing_body: str  # "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA", lines split by \n
    number: str  # "125/BC-BCĐ", or "" (a blank left for the registry to write it)
    symbol: str  # "BC-BCĐ"
    place: str
    date: datetime.date
    title: str  # "BÁO CÁO"
    subtitle: str  # "Kết quả thực hiện … năm 2023"
    recipients: list[str]
    signer_title: str  # one or two lines: "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN"
    signer_name: str

    @property
    def place_and_date(self) -> str:
        return f"{self.place}, {vietnamese_date(self.date)}"

    @property
    def number_line(self) -> str:
        """The number as text (the XLSX): a blank of no-break spaces when not given."""
        if self.number:
            return f"Số: {self.number}"
        return f"Số:{chr(0xA0) * 12}/{self.symbol}"

    @property
    def issuing_body_lines(self) -> list[str]:
        return [line.strip() for line in self.issuing_body.splitlines() if line.strip()]

    @property
    def signer_title_lines(self) -> list[str]:
        return [line.strip() for line in self.signer_title.splitlines() if line.strip()]

    @property
    def closing(self) -> str:
        """The last paragraph, kept on the page of the signature."""
        return f"Trên đây là báo cáo {self.subtitle[0].lower()}{self.subtitle[1:]}./."


def short_name(unit: Unit) -> str:
    """ "Huyện Phú Vang" → "Phú Vang": the place name a document is dated at."""
    kind = (unit.kind or "").strip()
    if kind and unit.name.lower().startswith(kind.lower() + " "):
        return unit.name[len(kind) + 1 :]
    for prefix in ("Tỉnh ", "Thành phố ", "Huyện ", "Thị xã ", "Quận ", "Phường ", "Xã "):
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    return unit.name


def running_name(unit: Unit) -> str:
    """ "Huyện Phú Vang" → "huyện Phú Vang": the name inside a sentence."""
    short = short_name(unit)
    kind = unit.name[: len(unit.name) - len(short)].strip()
    return f"{kind.lower()} {short}".strip()


def issuing_unit(unit: Unit, on: datetime.date) -> Unit:
    """The unit in whose name a report on ``unit`` is issued on ``on``: the unit's version
    in force that day, or, when it no longer exists, its province's."""
    versions = Unit.objects.filter(code=unit.code, level=unit.level).in_force(on)
    current = versions.order_by("-valid_from").first()
    if current is not None:
        return current
    province = (
        Unit.objects.filter(level=UnitLevel.PROVINCE, province_code=unit.province_code)
        .in_force(on)
        .order_by("-valid_from")
        .first()
    )
    if province is None:
        raise ValidationError(
            {
                "unit": _("No unit can issue a report on %(unit)s on %(date)s.")
                % {"unit": unit.name, "date": on.strftime("%d/%m/%Y")}
            }
        )
    return province


def issuing_body_for(unit: Unit, on: datetime.date) -> IssuingBody:
    """The ``IssuingBody`` in force on ``on`` for ``unit``'s level; a clear error if none."""
    body = (
        IssuingBody.objects.filter(level=unit.level, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("-valid_from")
        .first()
    )
    if body is None:
        raise ValidationError(
            _(
                "No issuing body of the %(level)s is set for %(date)s: add one under "
                "Settings → Issuing bodies."
            )
            % {"level": unit.get_level_display().lower(), "date": on.strftime("%d/%m/%Y")}
        )
    return body


def _fill(text: str, unit: Unit, province: Unit | None) -> str:
    values = {
        "UNIT": unit.name.upper(),
        "unit": running_name(unit),
        "kind": (unit.kind or running_name(unit).split(" ")[0]).lower(),
        "province": running_name(province) if province else "",
    }
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def report_document(report, *, on: datetime.date | None = None) -> ReportDocument:
    """The frame of ``report`` (a GeneratedReport), dated its issue date or else the day
    it is generated."""
    generated = timezone.localdate(report.generated_at) if report.generated_at else None
    on = on or report.issued_on or generated or timezone.localdate()
    unit = issuing_unit(report.unit, on)
    body = issuing_body_for(unit, on)
    province = (
        Unit.objects.filter(level=UnitLevel.PROVINCE, province_code=unit.province_code)
        .in_force(on)
        .first()
    )
    place = body.place or (
        settings.REPORTS_PROVINCE_PLACE if unit.level == UnitLevel.PROVINCE else short_name(unit)
    )
    span = f"6 tháng đầu năm {report.year}" if report.period.is_half_year else f"năm {report.year}"
    subtitle = f"{TOPIC} {span}"
    if unit.code != report.unit.code:
        subtitle += f" trên địa bàn {running_name(report.unit)} (cũ)"
    recipients = report.recipients.strip() or _fill(body.recipients, unit, province)
    return ReportDocument(
        superior_body=_fill(body.superior_body, unit, province),
        issuing_body=_fill(body.name, unit, province),
        number=report.number.strip(),
        symbol=body.symbol,
        place=place,
        date=on,
        title="BÁO CÁO",
        subtitle=subtitle,
        recipients=[line.strip() for line in recipients.splitlines() if line.strip()],
        signer_title=report.signer_title.strip() or _fill(body.signer_title, unit, province),
        signer_name=report.signer_name.strip() or body.signer_name.strip(),
    )
