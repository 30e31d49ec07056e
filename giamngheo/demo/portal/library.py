"""The demo media library: eight radio programmes with a playable sound, two posters."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from giamngheo.portal.media import MediaKind
from giamngheo.portal.models import MediaItemPage, MediaLibraryPage

from .audio import ensure_episode_file
from .publishing import DEMO_NOTE, at, slug_for, unit_on, upsert_page

# What the short sound is, said on every programme's page.
SOUND_NOTE = (
    "<p><em>Tệp âm thanh kèm theo là một đoạn nhạc hiệu mẫu dài vài giây, không phải bản "
    "thu của chương trình.</em></p>"
)


@dataclass(frozen=True)
class Episode:
    number: int
    on: datetime.date
    title: str
    unit: str  # the producing station's unit code, "" for the province
    seconds: int
    summary: str
    transcript: tuple[str, ...]
    picture: str = "loudspeaker"


EPISODES = [
    Episode(
        1,
        datetime.date(2022, 2, 18),
        "Chương trình phát thanh số 01/2022: Chuẩn nghèo đa chiều giai đoạn 2022–2025",
        "",
        3,
        "Thế nào là hộ nghèo, hộ cận nghèo theo chuẩn mới; những chỉ số thiếu hụt dịch vụ xã "
        "hội cơ bản.",
        (
            "Kính thưa quý thính giả, từ năm 2022, chuẩn nghèo được đo bằng cả thu nhập và mức "
            "độ thiếu hụt các dịch vụ xã hội cơ bản.",
            "Mời bà con theo dõi phần giải thích của cán bộ Văn phòng Chương trình về 12 chỉ số "
            "thiếu hụt.",
        ),
        "rice",
    ),
    Episode(
        2,
        datetime.date(2022, 9, 9),
        "Chương trình phát thanh số 05/2022: Vay vốn ưu đãi, những điều cần biết",
        "",
        4,
        "Ai được vay, vay bao nhiêu, thủ tục ra sao: giải đáp của Ngân hàng Chính sách xã hội.",
        (
            "Hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo được vay vốn ưu đãi để sản xuất, kinh "
            "doanh, học nghề.",
            "Bà con liên hệ Tổ tiết kiệm và vay vốn ở thôn để được hướng dẫn hồ sơ.",
        ),
        "savings",
    ),
    Episode(
        3,
        datetime.date(2023, 3, 24),
        "Chương trình phát thanh số 02/2023: Gương thoát nghèo nuôi bò sinh sản ở Phú Đa",
        "19942",
        3,
        "Đài truyền thanh thị trấn Phú Đa giới thiệu các hộ thoát nghèo nhờ mô hình bò luân "
        "chuyển.",
        (
            "Tại thôn chúng tôi, nhiều gia đình đã có đàn bò ba, bốn con sau hai năm tham gia mô "
            "hình.",
            "Mời bà con nghe chia sẻ của chị Phan Thị Hạnh về kinh nghiệm chăn nuôi.",
        ),
        "cattle",
    ),
    Episode(
        4,
        datetime.date(2023, 11, 10),
        "Chương trình phát thanh số 09/2023: Hỗ trợ học nghề cho lao động nông thôn",
        "",
        4,
        "Các nghề được hỗ trợ học, mức hỗ trợ tiền ăn, đi lại và nơi đăng ký.",
        (
            "Lao động thuộc hộ nghèo, hộ cận nghèo được hỗ trợ chi phí học nghề trình độ sơ cấp "
            "và đào tạo dưới ba tháng.",
            "Bà con đăng ký tại Ủy ban nhân dân xã hoặc trung tâm giáo dục nghề nghiệp gần nhất.",
        ),
        "training",
    ),
    Episode(
        5,
        datetime.date(2024, 4, 12),
        "Chương trình phát thanh số 03/2024: Bảo hiểm y tế cho hộ cận nghèo",
        "",
        3,
        "Quyền lợi khi khám chữa bệnh và mức hỗ trợ đóng bảo hiểm y tế cho người thuộc hộ cận "
        "nghèo.",
        (
            "Người thuộc hộ cận nghèo được Nhà nước hỗ trợ một phần hoặc toàn bộ mức đóng bảo "
            "hiểm y tế.",
            "Bà con mang theo thẻ bảo hiểm y tế khi đi khám để được hưởng đủ quyền lợi.",
        ),
        "meeting",
    ),
    Episode(
        6,
        datetime.date(2024, 10, 4),
        "Chương trình phát thanh số 08/2024: Tiếng nói từ vùng cao A Ngo",
        "20068",
        4,
        "Đài truyền thanh xã A Ngo phát bằng tiếng Việt và tiếng Tà Ôi về kinh nghiệm trồng "
        "rừng thoát nghèo.",
        (
            "Anh Hồ Văn Lâm kể lại những năm đầu trồng keo, khi cây còn nhỏ chưa có thu nhập.",
            "Chương trình được phát lại vào tối thứ Bảy tại các cụm loa của thôn.",
        ),
        "forest",
    ),
    Episode(
        7,
        datetime.date(2025, 6, 6),
        "Chương trình phát thanh số 05/2025: Cả nước chung tay vì người nghèo",
        "",
        3,
        "Những tấm lòng vì người nghèo: doanh nghiệp, con em xa quê và người dân cùng góp sức.",
        (
            "Phong trào “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau” đã "
            "lan tỏa đến từng thôn, tổ dân phố.",
            "Mời quý thính giả nghe câu chuyện về những căn nhà Đại đoàn kết mới hoàn thành.",
        ),
        "house",
    ),
    Episode(
        8,
        datetime.date(2026, 5, 15),
        "Chương trình phát thanh số 04/2026: Rà soát hộ nghèo ở xã, phường mới",
        "19942",
        4,
        "Đài truyền thanh xã Phú Vang hướng dẫn người dân tham gia rà soát hộ nghèo, hộ cận nghèo.",
        (
            "Việc rà soát được thực hiện công khai, dân chủ, có sự tham gia của người dân.",
            "Bà con có ý kiến về kết quả rà soát gửi về Ủy ban nhân dân xã trong thời gian niêm "
            "yết.",
        ),
    ),
]

# (picture, date, title, summary) of the posters.
POSTERS = [
    (
        "poster-chung-tay",
        datetime.date(2022, 10, 17),
        "Áp phích “Cả nước chung tay vì người nghèo”",
        "Áp phích hưởng ứng tháng cao điểm “Vì người nghèo”; các xã, phường in khổ A3 để dán "
        "tại nhà văn hóa thôn.",
    ),
    (
        "poster-truyen-thanh",
        datetime.date(2024, 3, 1),
        "Áp phích “Nghe chương trình giảm nghèo trên đài truyền thanh xã”",
        "Áp phích giới thiệu chuyên mục giảm nghèo hằng tuần trên đài truyền thanh cơ sở.",
    ),
]


def load_library(rng: random.Random, library: MediaLibraryPage, images: dict) -> list:
    pages = []
    today = timezone.localdate()
    for episode in EPISODES:
        on = min(episode.on, today)  # none in the future, whatever the machine's clock
        fields = {
            "title": episode.title,
            "kind": MediaKind.RADIO,
            "date": on,
            "unit": unit_on(episode.unit, on) if episode.unit else None,
            "summary": episode.summary,
            "file": ensure_episode_file(episode.number, episode.title, episode.seconds),
            "duration": episode.seconds,
            "image": images[episode.picture],
            "body": "".join(f"<p>{text}</p>" for text in episode.transcript)
            + SOUND_NOTE
            + DEMO_NOTE,
        }
        pages.append(_upsert(rng, library, fields))
    for picture, on, title, summary in POSTERS:
        fields = {
            "title": title,
            "kind": MediaKind.POSTER,
            "date": on,
            "summary": summary,
            "image": images[picture],
            "body": DEMO_NOTE,
        }
        pages.append(_upsert(rng, library, fields))
    return pages


def _upsert(rng: random.Random, library: MediaLibraryPage, fields: dict) -> MediaItemPage:
    return upsert_page(
        library,
        MediaItemPage,
        slug=slug_for(fields["title"]),
        fields=fields,
        published=at(fields["date"], rng.choice([10, 15, 17])),
    )
