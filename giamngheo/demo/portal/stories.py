"""Demo stories: five exemplary people and five effective models across Huế.

Each sits in the commune as it was in the story's year (the 2021 map until
2024, the two-level map from July 2025); two are in Thị trấn Phú Đa, where
the demo's commune officer works.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from giamngheo.portal.models import StoryIndexPage, StoryPage
from giamngheo.portal.stories import StoryKind

from .publishing import DEMO_NOTE, at, slug_for, unit_on, upsert_page


@dataclass(frozen=True)
class Story:
    kind: str
    commune: str  # the unit's code in the story's year
    year: int
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    figures: tuple[tuple[str, str], ...]
    picture: str
    gallery: tuple[tuple[str, str], ...]  # (picture, caption)
    featured: bool = False


PERSON, MODEL = StoryKind.PERSON, StoryKind.MODEL

STORIES = [
    Story(
        PERSON,
        "19942",
        2022,
        "Chị Phan Thị Hạnh: từ hộ nghèo thành chủ trại gà",
        "Vay 50 triệu đồng vốn ưu đãi, chị Hạnh mở trại gà thả vườn và thoát nghèo sau ba năm.",
        (
            "Năm 2019, gia đình chị Hạnh còn là hộ nghèo, chồng đau ốm, hai con nhỏ đang đi "
            "học. Được Hội Phụ nữ thị trấn giới thiệu vay vốn Ngân hàng Chính sách xã hội, chị "
            "mạnh dạn nuôi 300 con gà thả vườn.",
            "Chị tham gia đủ các buổi tập huấn kỹ thuật, học cách tiêm phòng và ghi chép thu "
            "chi. Đến nay, trại gà của chị thường xuyên có 1.500 con, mỗi năm xuất bán bốn lứa.",
            "Năm 2021, chị tự nguyện làm đơn xin thoát nghèo và nay hướng dẫn miễn phí cho các "
            "hộ khác trong thôn.",
        ),
        (
            ("Thu nhập bình quân", "8 triệu đồng/tháng"),
            ("Đàn gà thường xuyên", "1.500 con"),
            ("Vốn vay ưu đãi", "50 triệu đồng"),
            ("Năm thoát nghèo", "2021"),
        ),
        "poultry",
        (("garden", "Vườn rau sau nhà chị Hạnh (ảnh minh họa)."),),
        featured=True,
    ),
    Story(
        PERSON,
        "20068",
        2023,
        "Anh Hồ Văn Lâm: người Tà Ôi thoát nghèo nhờ trồng rừng",
        "Từ 3 héc-ta keo và chuồng heo đen, anh Lâm thoát nghèo và giúp nhiều hộ trong thôn có "
        "việc làm.",
        (
            "Anh Lâm là người Tà Ôi ở xã A Ngo. Trước đây gia đình anh sống nhờ mấy sào rẫy, "
            "thu nhập bấp bênh.",
            "Được hỗ trợ giống keo và vay vốn, anh trồng rừng trên đất được giao, xen canh cây "
            "ngắn ngày và nuôi heo đen bản địa.",
            "Anh còn là tuyên truyền viên của thôn, thường nói chuyện trên loa truyền thanh xã "
            "bằng tiếng Tà Ôi về kinh nghiệm làm ăn.",
        ),
        (
            ("Diện tích rừng keo", "3 ha"),
            ("Thu nhập", "120 triệu đồng/năm"),
            ("Đàn heo đen", "10 con"),
        ),
        "forest",
        (("loudspeaker", "Loa truyền thanh ở thôn của anh Lâm (ảnh minh họa)."),),
        featured=True,
    ),
    Story(
        PERSON,
        "19897",
        2024,
        "Bà Nguyễn Thị Mai giữ nghề đan, tạo việc làm cho phụ nữ nghèo",
        "Ngoài 60 tuổi, bà Mai vẫn mở lớp dạy đan lát miễn phí và nhận đơn hàng cho hơn 20 "
        "chị em trong xã.",
        (
            "Bà Mai theo nghề đan từ nhỏ. Khi nhiều người bỏ nghề, bà vẫn giữ khung, giữ mẫu và "
            "tìm mối bán hàng ở thành phố.",
            "Bà mở lớp dạy nghề miễn phí, giao nguyên liệu tận nhà cho chị em nghèo, thu mua "
            "sản phẩm đúng hẹn.",
        ),
        (
            ("Lao động có việc làm", "22 người"),
            ("Thu nhập thêm", "3 triệu đồng/người/tháng"),
        ),
        "baskets",
        (("training", "Lớp dạy nghề đan của bà Mai (ảnh minh họa)."),),
    ),
    Story(
        PERSON,
        "20134",
        2021,
        "Anh Lê Văn Thành: ngư dân trẻ vươn lên từ nghề nuôi cá lồng",
        "Nhận lồng nuôi và con giống từ Chương trình, anh Thành trở thành tổ trưởng tổ hợp tác "
        "nuôi cá trên đầm Cầu Hai.",
        (
            "Lớn lên bên đầm, anh Thành từng đi làm thuê khắp nơi. Năm 2019 anh trở về quê, "
            "nhận hỗ trợ hai lồng cá và học kỹ thuật nuôi.",
            "Anh vận động các hộ nghèo cùng thôn lập tổ hợp tác, thay nhau canh lồng và cùng "
            "bán sản phẩm.",
        ),
        (
            ("Số lồng nuôi", "8 lồng"),
            ("Sản lượng", "6 tấn/năm"),
            ("Hộ nghèo trong tổ", "7 hộ"),
        ),
        "lagoon",
        (("savings", "Tổ hợp tác họp bàn kế hoạch nuôi (ảnh minh họa)."),),
    ),
    Story(
        PERSON,
        "20161",
        2025,
        "Anh Trần Văn Đức: về quê làm vườn rau hữu cơ",
        "Bỏ việc ở thành phố, anh Đức về quê xây nhà lưới trồng rau hữu cơ, tạo việc làm cho "
        "lao động nghèo.",
        (
            "Anh Đức học nghề qua các khóa ngắn hạn và từ chính những lần thất bại đầu tiên.",
            "Vườn rau của anh liên kết với bếp ăn các trường học, mỗi ngày giao hàng trăm ký "
            "rau an toàn.",
        ),
        (
            ("Diện tích nhà lưới", "4.000 m²"),
            ("Lao động thường xuyên", "9 người"),
        ),
        "garden",
        (("rice", "Cánh đồng quê anh Đức (ảnh minh họa)."),),
    ),
    Story(
        MODEL,
        "19942",
        2024,
        "Mô hình nuôi bò sinh sản luân chuyển ở thị trấn Phú Đa",
        "Bò giống được giao luân chuyển giữa các hộ nghèo: bê con đầu tiên trao cho hộ khác, "
        "để ngày càng nhiều hộ có sinh kế.",
        (
            "Mô hình do Ủy ban nhân dân thị trấn và Hội Nông dân phối hợp thực hiện từ năm "
            "2022, bằng vốn hỗ trợ phát triển sản xuất của Chương trình.",
            "Các hộ ký cam kết, được tập huấn trồng cỏ, làm chuồng, phòng bệnh; cán bộ thú y "
            "theo dõi định kỳ.",
            "Sau ba năm, đàn bò tăng gấp rưỡi, nhiều hộ đã thoát nghèo bền vững.",
        ),
        (
            ("Hộ tham gia", "40 hộ"),
            ("Đàn bò", "60 con"),
            ("Hộ thoát nghèo", "28 hộ"),
        ),
        "cattle",
        (
            ("meeting", "Họp bình xét hộ nhận bò (ảnh minh họa)."),
            ("rice", "Cánh đồng cỏ (ảnh minh họa)."),
        ),
        featured=True,
    ),
    Story(
        MODEL,
        "20164",
        2023,
        "Trồng cây dược liệu dưới tán rừng ở Hương Phú",
        "Hợp tác xã liên kết với hộ nghèo trồng dược liệu dưới tán rừng, bao tiêu toàn bộ sản "
        "phẩm.",
        (
            "Mô hình tận dụng đất dưới tán rừng trồng, không phải phát rừng mới.",
            "Người dân được cấp giống, hướng dẫn kỹ thuật và ký hợp đồng bao tiêu với giá sàn.",
        ),
        (
            ("Diện tích", "15 ha"),
            ("Hộ tham gia", "35 hộ"),
            ("Thu nhập thêm", "25 triệu đồng/hộ/năm"),
        ),
        "forest",
        (("training", "Tập huấn kỹ thuật trồng dược liệu (ảnh minh họa)."),),
    ),
    Story(
        MODEL,
        "19870",
        2022,
        "Tổ hợp tác nuôi cá lồng trên phá Tam Giang",
        "Mười hộ nghèo ven phá góp sức nuôi cá lồng, chia sẻ chi phí, rủi ro và cùng tìm đầu ra.",
        (
            "Tổ hợp tác được hỗ trợ lồng nuôi, con giống, thức ăn ban đầu và tập huấn phòng "
            "bệnh cho cá.",
            "Nhờ liên kết với thương lái và nhà hàng, sản phẩm của tổ được bán với giá ổn định.",
        ),
        (
            ("Thành viên", "10 hộ"),
            ("Số lồng", "20 lồng"),
            ("Lợi nhuận", "40 triệu đồng/hộ/năm"),
        ),
        "lagoon",
        (("training", "Tập huấn phòng bệnh cho cá (ảnh minh họa)."),),
    ),
    Story(
        MODEL,
        "19987",
        2021,
        "Tổ tiết kiệm và vay vốn của phụ nữ xã Thủy Phù",
        "Hội viên phụ nữ góp tiết kiệm hằng tháng và cho nhau vay không lãi để phát triển kinh "
        "tế gia đình.",
        (
            "Mỗi hội viên góp 100.000 đồng mỗi tháng; tổ xét cho vay theo thứ tự ưu tiên hộ "
            "nghèo, hộ cận nghèo.",
            "Sổ sách được công khai tại mỗi buổi sinh hoạt; tổ còn là nơi chia sẻ kinh nghiệm "
            "làm ăn.",
        ),
        (
            ("Thành viên", "32 chị"),
            ("Quỹ tiết kiệm", "180 triệu đồng"),
            ("Lượt vay", "54 lượt"),
        ),
        "savings",
        (("meeting", "Buổi sinh hoạt của tổ (ảnh minh họa)."),),
    ),
    Story(
        MODEL,
        "20056",
        2026,
        "Du lịch cộng đồng gắn với sinh kế ở vùng cao A Lưới",
        "Các hộ đồng bào đón khách tham quan, trải nghiệm dệt zèng và ẩm thực truyền thống, có "
        "thêm thu nhập ổn định.",
        (
            "Xã hỗ trợ các hộ sửa sang nhà ở thành điểm lưu trú, tập huấn kỹ năng đón khách.",
            "Khách đặt chỗ qua hợp tác xã du lịch; một phần doanh thu được trích vào quỹ của thôn.",
        ),
        (
            ("Hộ tham gia", "18 hộ"),
            ("Lượt khách", "2.400 lượt/năm"),
        ),
        "house",
        (("stage", "Đêm văn nghệ đón khách (ảnh minh họa)."),),
    ),
]


def load_stories(rng: random.Random, index: StoryIndexPage, images: dict) -> list[StoryPage]:
    pages = []
    for story in STORIES:
        # The map in force in the story's year: the 2021 map to 2024, the two-level one after.
        unit = unit_on(story.commune, datetime.date(story.year, 10, 1))
        body = "".join(f"<p>{text}</p>" for text in story.paragraphs) + DEMO_NOTE
        fields = {
            "title": story.title,
            "kind": story.kind,
            "unit": unit,
            "year": story.year,
            "summary": story.summary,
            "body": body,
            "image": images[story.picture],
            "featured": story.featured,
        }
        children = {
            "figures": [
                {"label": label, "value": value, "sort_order": n}
                for n, (label, value) in enumerate(story.figures)
            ],
            "photos": [
                {"image": images[key], "caption": caption, "sort_order": n}
                for n, (key, caption) in enumerate(story.gallery)
            ],
        }
        written = datetime.date(story.year, rng.randint(3, 11), rng.randint(1, 28))
        pages.append(
            upsert_page(
                index,
                StoryPage,
                slug=slug_for(story.title),
                fields=fields,
                children=children,
                published=at(min(written, timezone.localdate())),
            )
        )
    return pages
