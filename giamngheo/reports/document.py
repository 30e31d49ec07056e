"""The administrative frame of a report (Decree 30/2020/NĐ-CP): issuing body, national
title and motto, number and symbol, place and date, title, recipients, signature.

Both the XLSX's first sheet and the PDF read it from here, so they say the same.
Its wording is Vietnamese by nature (it is the document's own text, not the
interface's), like the demo data and the group names.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from giamngheo.units.models import Unit, UnitLevel

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TOPIC = "Kết quả thực hiện công tác truyền thông về giảm nghèo bền vững"
STEERING_COMMITTEE = "BAN CHỈ ĐẠO CÁC CTMTQG"


@dataclass
class ReportDocument:
    superior_body: str  # "UBND TỈNH THỪA THIÊN HUẾ"
    issuing_body: str  # "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MTQG"
    number: str  # "125/BC-BCĐ", or "      /BC-BCĐ" left for the clerk to fill in
    place: str
    date: datetime.date
    title: str  # "BÁO CÁO"
    subtitle: str  # "Kết quả thực hiện … năm 2023"
    recipients: list[str]
    signer_title: str
    signer_name: str

    @property
    def place_and_date(self) -> str:
        d = self.date
        return f"{self.place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def short_name(unit: Unit) -> str:
    """ "Huyện Phú Vang" → "Phú Vang": the place name a document is dated at."""
    kind = (unit.kind or "").strip()
    if kind and unit.name.lower().startswith(kind.lower() + " "):
        return unit.name[len(kind) + 1 :]
    for prefix in ("Tỉnh ", "Thành phố ", "Huyện ", "Thị xã ", "Quận "):
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    return unit.name


def report_document(report) -> ReportDocument:
    """The frame of ``report`` (a GeneratedReport), dated the day it is generated."""
    unit = report.unit
    place = (
        settings.REPORTS_PROVINCE_PLACE if unit.level == UnitLevel.PROVINCE else short_name(unit)
    )
    span = f"6 tháng đầu năm {report.year}" if report.period.is_half_year else f"năm {report.year}"
    generated = timezone.localdate(report.generated_at) if report.generated_at else None
    return ReportDocument(
        superior_body=f"UBND {unit.name.upper()}",
        issuing_body=STEERING_COMMITTEE,
        number=report.number.strip() or "      /BC-BCĐ",
        place=place,
        date=generated or timezone.localdate(),
        title="BÁO CÁO",
        subtitle=f"{TOPIC} {span}",
        recipients=[line.strip() for line in report.recipients.splitlines() if line.strip()],
        signer_title=report.signer_title.strip() or "TRƯỞNG BAN",
        signer_name=report.signer_name.strip(),
    )
