"""Demo events: four past ones with their reports, two to come.

The coming ones are dated from the day of loading (a policy dialogue in 12
days, a contest in 30), so the portal always has something ahead; a second
load on the same day changes nothing.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from giamngheo.portal.events import EventKind
from giamngheo.portal.models import EventIndexPage, EventPage

from .publishing import DEMO_NOTE, at, slug_for, unit_on, upsert_page


@dataclass(frozen=True)
class Event:
    kind: str
    title: str
    day: datetime.date | int  # a date, or days from today for those to come
    hours: tuple[int, int]
    place: str
    unit: str  # a unit's code, "" for the province
    organiser: str
    summary: str
    programme: tuple[str, ...]
    report: tuple[str, ...] = ()
    picture: str = ""
    days: int = 1


EVENTS = [
    Event(
        EventKind.CONFERENCE,
        "Hội nghị triển khai Kế hoạch truyền thông về giảm nghèo bền vững giai đoạn 2021–2025",
        datetime.date(2021, 12, 14),
        (8, 11),
        "Hội trường Ủy ban nhân dân tỉnh, thành phố Huế",
        "",
        "Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh",
        "Triển khai Kế hoạch truyền thông giai đoạn 2021–2025 đến các huyện, thị xã, thành phố.",
        (
            "Quán triệt mục tiêu, chỉ tiêu của Kế hoạch.",
            "Hướng dẫn xây dựng kế hoạch truyền thông của huyện cho cả giai đoạn và hằng năm.",
            "Thảo luận, giải đáp vướng mắc.",
        ),
        (
            "Hội nghị có 120 đại biểu dự, gồm lãnh đạo 9 huyện, thị xã, thành phố và các sở, "
            "ngành, đoàn thể.",
            "Các địa phương thống nhất gửi kế hoạch truyền thông của đơn vị trước ngày 31/3/2022.",
        ),
        "meeting",
    ),
    Event(
        EventKind.SEMINAR,
        "Hội thảo kinh nghiệm xây dựng mô hình giảm nghèo hiệu quả",
        datetime.date(2023, 6, 20),
        (8, 16),
        "Trung tâm Hội nghị tỉnh, thành phố Huế",
        "",
        "Văn phòng Chương trình giảm nghèo bền vững",
        "Chia sẻ kinh nghiệm xây dựng, nhân rộng các mô hình sinh kế cho hộ nghèo.",
        (
            "Buổi sáng: báo cáo của các địa phương có mô hình tiêu biểu.",
            "Buổi chiều: thảo luận nhóm về liên kết tiêu thụ sản phẩm.",
        ),
        (
            "Hội thảo giới thiệu 12 mô hình ở 8 huyện, thị xã, thành phố.",
            "Các đại biểu kiến nghị có cơ chế hỗ trợ hợp tác xã bao tiêu sản phẩm cho hộ nghèo.",
        ),
        "savings",
    ),
    Event(
        EventKind.DIALOGUE,
        "Đối thoại chính sách về vay vốn ưu đãi tại huyện Phú Vang",
        datetime.date(2024, 8, 16),
        (14, 17),
        "Nhà văn hóa thị trấn Phú Đa, huyện Phú Vang",
        "478",
        "Ủy ban nhân dân huyện Phú Vang",
        "Người dân hỏi, lãnh đạo huyện và Ngân hàng Chính sách xã hội trả lời về vay vốn ưu đãi.",
        (
            "Giới thiệu các chương trình cho vay ưu đãi.",
            "Người dân nêu câu hỏi, kiến nghị.",
            "Lãnh đạo huyện kết luận.",
        ),
        (
            "Gần 150 người dân dự; 23 ý kiến được trả lời trực tiếp.",
            "Huyện giao các xã rà soát nhu cầu vay vốn của hộ nuôi trồng thủy sản trên đầm phá.",
        ),
        "meeting",
    ),
    Event(
        EventKind.PERFORMANCE,
        "Chương trình sân khấu hóa “Chung tay vì người nghèo”",
        datetime.date(2025, 10, 17),
        (19, 21),
        "Nhà hát Sông Hương, thành phố Huế",
        "",
        "Văn phòng Chương trình phối hợp Đài Phát thanh – Truyền hình",
        "Tiểu phẩm, ca khúc và câu chuyện thật về những người vươn lên thoát nghèo.",
        (
            "Tiểu phẩm “Con bò luân chuyển”.",
            "Giao lưu với các gương điển hình.",
            "Trao quà cho hộ nghèo.",
        ),
        (
            "Chương trình được truyền hình trực tiếp và phát lại trên sóng phát thanh cơ sở.",
            "Đã trao 100 suất quà cho hộ nghèo, hộ có hoàn cảnh khó khăn.",
        ),
        "stage",
    ),
    Event(
        EventKind.DIALOGUE,
        "Đối thoại chính sách: hỗ trợ nhà ở cho hộ nghèo giai đoạn 2026–2030",
        12,
        (8, 11),
        "Hội trường Ủy ban nhân dân xã Phú Vang",
        "19942",
        "Ủy ban nhân dân xã Phú Vang",
        "Người dân gửi câu hỏi trước qua Trang thông tin; lãnh đạo xã và cơ quan chuyên môn trả "
        "lời tại buổi đối thoại.",
        (
            "Giới thiệu dự thảo chính sách hỗ trợ nhà ở giai đoạn 2026–2030.",
            "Trả lời các câu hỏi người dân đã gửi.",
            "Người dân nêu ý kiến trực tiếp.",
        ),
        picture="house",
    ),
    Event(
        EventKind.CONTEST,
        "Hội thi “Tuyên truyền viên giỏi về giảm nghèo bền vững”",
        30,
        (8, 17),
        "Trung tâm Văn hóa thành phố Huế",
        "",
        "Văn phòng Chương trình giảm nghèo bền vững",
        "Các đội tuyên truyền viên của xã, phường thi kiến thức, kỹ năng truyền thông và tiểu "
        "phẩm về giảm nghèo.",
        (
            "Ngày thứ nhất: thi kiến thức và thi viết tin phát thanh.",
            "Ngày thứ hai: thi tiểu phẩm, tổng kết và trao giải.",
        ),
        picture="stage",
        days=2,
    ),
]


def load_events(rng: random.Random, index: EventIndexPage, images: dict) -> list[EventPage]:
    today = timezone.localdate()
    pages = []
    for event in EVENTS:
        day = event.day
        if isinstance(day, int):
            day = today + datetime.timedelta(days=day)
        last = day + datetime.timedelta(days=event.days - 1)
        programme = "<ul>" + "".join(f"<li>{item}</li>" for item in event.programme) + "</ul>"
        report = "".join(f"<p>{text}</p>" for text in event.report)
        fields = {
            "title": event.title,
            "kind": event.kind,
            "starts_at": at(day, event.hours[0]),
            "ends_at": at(last, event.hours[1]),
            "place": event.place,
            "unit": unit_on(event.unit, day) if event.unit else None,
            "organiser": event.organiser,
            "summary": event.summary,
            "body": programme + DEMO_NOTE,
            "image": images[event.picture] if event.picture else None,
            "report": report + DEMO_NOTE if report else "",
        }
        # Announced a few weeks before it takes place.
        announced = min(day - datetime.timedelta(days=rng.randint(14, 30)), today)
        pages.append(
            upsert_page(
                index,
                EventPage,
                slug=slug_for(event.title),
                fields=fields,
                published=at(announced, 9),
            )
        )
    return pages
