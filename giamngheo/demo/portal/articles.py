"""Demo news: 35 articles in six columns, 2021–2026, drawn from the plan's own topics.

The texts are fixed; the seed picks each article's day in its month, its
author and its closing paragraph.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from giamngheo.portal.models import ArticlePage, Category, NewsIndexPage

from .publishing import DEMO_NOTE, at, slug_for, upsert_page

# (slug, name): the news columns (chuyên mục).
CATEGORIES = [
    ("chinh-sach", "Chính sách"),
    ("hoat-dong", "Hoạt động"),
    ("mo-hinh-hay", "Mô hình hay"),
    ("truyen-thanh-co-so", "Truyền thanh cơ sở"),
    ("doi-thoai", "Đối thoại"),
    ("tap-huan", "Tập huấn"),
]

# Fictitious bylines.
AUTHORS = [
    "Minh Châu",
    "Thanh Hương",
    "Ngọc Anh",
    "Hoài Thương",
    "Đức Huy",
    "Quang Vinh",
    "Phương Thảo",
    "Văn phòng Chương trình",
]

# A closing paragraph per column, one drawn for each article.
CLOSINGS = {
    "chinh-sach": [
        "Người dân cần tìm hiểu thêm có thể liên hệ công chức Văn hóa – Xã hội của xã, "
        "phường nơi cư trú hoặc gửi câu hỏi qua mục hỏi đáp của Trang thông tin này.",
        "Toàn văn các văn bản được đăng tại mục Văn bản chính sách của Trang thông tin điện tử "
        "về giảm nghèo.",
    ],
    "hoat-dong": [
        "Các hoạt động hưởng ứng phong trào “Cả nước chung tay vì người nghèo – Không để ai bị "
        "bỏ lại phía sau” tiếp tục được duy trì đến từng thôn, tổ dân phố.",
        "Ban Chỉ đạo đề nghị các địa phương báo cáo kết quả định kỳ để kịp thời tháo gỡ vướng "
        "mắc trong quá trình thực hiện Chương trình.",
    ],
    "mo-hinh-hay": [
        "Mô hình đang được các địa phương khác trong tỉnh đến học tập, nhân rộng.",
        "Từ kết quả bước đầu, chính quyền địa phương đề xuất tiếp tục hỗ trợ vốn và kỹ thuật để "
        "mô hình phát triển bền vững.",
    ],
    "truyen-thanh-co-so": [
        "Đài truyền thanh các xã được khuyến khích phát lại chương trình trong khung giờ sáng "
        "sớm và chiều tối, khi người dân ở nhà đông nhất.",
        "Các chương trình phát thanh mẫu được đăng tại Thư viện truyền thông để đài cơ sở tải "
        "về sử dụng.",
    ],
    "doi-thoai": [
        "Những câu hỏi chưa được trả lời trực tiếp tại buổi đối thoại sẽ được cơ quan chức năng "
        "trả lời bằng văn bản và đăng công khai.",
        "Đối thoại chính sách được tổ chức định kỳ ở các cấp, nhất là ở cơ sở, theo Kế hoạch "
        "truyền thông về giảm nghèo bền vững.",
    ],
    "tap-huan": [
        "Mỗi năm có ít nhất 100 lượt cán bộ cấp tỉnh, huyện, xã được tập huấn kiến thức và kỹ "
        "năng công tác giảm nghèo, theo chỉ tiêu của Kế hoạch truyền thông.",
        "Tài liệu tập huấn được chia sẻ cho học viên để tiếp tục sử dụng tại cơ sở.",
    ],
}


@dataclass(frozen=True)
class Article:
    year: int
    month: int
    category: str
    title: str
    tags: tuple[str, ...]
    lead: str
    paragraphs: tuple[str, ...]
    picture: str = ""
    caption: str = ""


ARTICLES = [
    Article(
        2021,
        8,
        "chinh-sach",
        "Quán triệt Chỉ thị 05-CT/TW về công tác giảm nghèo bền vững đến năm 2030",
        ("Chỉ thị 05-CT/TW", "giảm nghèo bền vững"),
        "Ban Thường vụ Tỉnh ủy tổ chức hội nghị trực tuyến đến các huyện, thị xã, thành phố "
        "để quán triệt Chỉ thị số 05-CT/TW ngày 23/6/2021 của Ban Bí thư.",
        (
            "Chỉ thị yêu cầu tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền "
            "vững, nâng cao vai trò, trách nhiệm của người đứng đầu cấp ủy, chính quyền.",
            "Hội nghị nhấn mạnh giảm nghèo là nhiệm vụ của cả hệ thống chính trị và toàn xã "
            "hội; người nghèo cần chủ động vươn lên, không trông chờ, ỷ lại.",
        ),
        "meeting",
        "Hội nghị quán triệt Chỉ thị 05-CT/TW (ảnh minh họa).",
    ),
    Article(
        2021,
        11,
        "chinh-sach",
        "Nghị quyết 04-NQ/TU: giảm nghèo bền vững giai đoạn 2021–2025",
        ("Nghị quyết 04-NQ/TU", "giảm nghèo bền vững"),
        "Ngày 03/11/2021, Ban Chấp hành Đảng bộ tỉnh khóa XVI ban hành Nghị quyết số "
        "04-NQ/TU về giảm nghèo bền vững giai đoạn 2021–2025.",
        (
            "Nghị quyết đặt mục tiêu giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều bình quân mỗi "
            "năm, ưu tiên các xã vùng đồng bào dân tộc thiểu số và miền núi.",
            "Các cấp ủy được giao xây dựng chương trình hành động, gắn giảm nghèo với xây dựng "
            "nông thôn mới và phát triển kinh tế – xã hội của địa phương.",
        ),
    ),
    Article(
        2022,
        1,
        "chinh-sach",
        "Chuẩn nghèo đa chiều giai đoạn 2022–2025: những điểm mới cần biết",
        ("chuẩn nghèo đa chiều", "rà soát hộ nghèo"),
        "Nghị định số 07/2021/NĐ-CP quy định chuẩn nghèo đa chiều áp dụng từ năm 2022, dựa "
        "trên thu nhập và mức độ thiếu hụt dịch vụ xã hội cơ bản.",
        (
            "Ở khu vực nông thôn, hộ nghèo là hộ có thu nhập bình quân đầu người từ 1,5 triệu "
            "đồng/tháng trở xuống và thiếu hụt từ 3 chỉ số dịch vụ xã hội cơ bản trở lên; ở khu "
            "vực thành thị, mức thu nhập là 2 triệu đồng/tháng.",
            "Các dịch vụ xã hội cơ bản gồm việc làm, y tế, giáo dục, nhà ở, nước sinh hoạt và "
            "vệ sinh, thông tin, được đo bằng 12 chỉ số.",
        ),
    ),
    Article(
        2022,
        2,
        "chinh-sach",
        "Chương trình mục tiêu quốc gia giảm nghèo bền vững có 7 dự án thành phần",
        ("chương trình mục tiêu quốc gia", "giảm nghèo bền vững"),
        "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương "
        "trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025.",
        (
            "Chương trình gồm các dự án hỗ trợ đầu tư hạ tầng, đa dạng hóa sinh kế, hỗ trợ phát "
            "triển sản xuất, việc làm bền vững, nhà ở, nâng cao năng lực và truyền thông.",
            "Tiểu dự án truyền thông và giảm nghèo về thông tin là cơ sở để tỉnh xây dựng Kế "
            "hoạch truyền thông giai đoạn 2021–2025 và hằng năm.",
        ),
    ),
    Article(
        2022,
        6,
        "chinh-sach",
        "Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo: đối tượng và thủ tục",
        ("nhà ở", "hộ cận nghèo"),
        "Hộ nghèo, hộ cận nghèo đang sống trong nhà tạm, nhà hư hỏng được xem xét hỗ trợ xây "
        "mới hoặc sửa chữa nhà ở theo Chương trình.",
        (
            "Hộ gia đình làm đơn gửi Ủy ban nhân dân xã; thôn tổ chức bình xét công khai, xã "
            "tổng hợp danh sách trình cấp có thẩm quyền phê duyệt.",
            "Ngoài kinh phí Nhà nước, các hộ được Mặt trận Tổ quốc, các đoàn thể và cộng đồng "
            "hỗ trợ thêm vật liệu, ngày công.",
        ),
        "house",
        "Một ngôi nhà mới của hộ nghèo được hỗ trợ (ảnh minh họa).",
    ),
    Article(
        2023,
        4,
        "chinh-sach",
        "Vay vốn ưu đãi cho hộ mới thoát nghèo: điều kiện và hồ sơ",
        ("vay vốn", "Ngân hàng Chính sách xã hội"),
        "Hộ mới thoát nghèo trong thời hạn 3 năm vẫn được vay vốn ưu đãi tại Ngân hàng Chính "
        "sách xã hội để phát triển sản xuất.",
        (
            "Hộ vay tham gia Tổ tiết kiệm và vay vốn ở thôn, được Tổ bình xét và Ủy ban nhân "
            "dân xã xác nhận.",
            "Cán bộ ngân hàng giao dịch tại điểm giao dịch xã hằng tháng, giúp người dân không "
            "phải đi xa.",
        ),
    ),
    Article(
        2024,
        2,
        "chinh-sach",
        "Phê duyệt Kế hoạch truyền thông về giảm nghèo bền vững năm 2024",
        ("kế hoạch truyền thông", "giảm nghèo bền vững"),
        "Kế hoạch năm 2024 tiếp tục mục tiêu trên 80% xã có ít nhất 01–02 chương trình phát "
        "thanh mỗi tuần về giảm nghèo bền vững.",
        (
            "Kế hoạch giao các huyện, thị xã, thành phố xây dựng kế hoạch truyền thông của đơn "
            "vị, gửi về Văn phòng Chương trình trước ngày 31/3.",
            "Nội dung trọng tâm là phổ biến chính sách, nhân rộng mô hình hiệu quả, biểu dương "
            "gương điển hình vươn lên thoát nghèo.",
        ),
    ),
    Article(
        2025,
        9,
        "chinh-sach",
        "Rà soát hộ nghèo, hộ cận nghèo năm 2025 ở các xã, phường mới",
        ("rà soát hộ nghèo", "chuẩn nghèo đa chiều"),
        "Sau khi sắp xếp đơn vị hành chính, các xã, phường mới tổ chức rà soát hộ nghèo, hộ "
        "cận nghèo theo quy trình thống nhất.",
        (
            "Ban chỉ đạo rà soát ở cơ sở được kiện toàn; điều tra viên là cán bộ thôn, tổ dân "
            "phố đã được tập huấn.",
            "Kết quả rà soát được niêm yết công khai tại nhà văn hóa thôn và trụ sở xã, phường "
            "để người dân theo dõi, góp ý.",
        ),
    ),
    Article(
        2026,
        3,
        "chinh-sach",
        "Chuẩn bị xây dựng chương trình giảm nghèo giai đoạn 2026–2030",
        ("giai đoạn 2026–2030", "giảm nghèo bền vững"),
        "Văn phòng Chương trình lấy ý kiến các xã, phường về những chính sách cần tiếp tục, "
        "điều chỉnh trong giai đoạn mới.",
        (
            "Các địa phương đề xuất tiếp tục ưu tiên hỗ trợ sinh kế, học nghề và nhà ở cho hộ "
            "nghèo ở vùng núi, vùng đầm phá.",
            "Ý kiến của người dân được tiếp nhận qua mục phản ánh, hỏi đáp của Trang thông tin "
            "và qua các buổi đối thoại.",
        ),
    ),
    Article(
        2021,
        12,
        "hoat-dong",
        "Triển khai Kế hoạch truyền thông về giảm nghèo bền vững giai đoạn 2021–2025",
        ("kế hoạch truyền thông", "giảm nghèo bền vững"),
        "Hội nghị triển khai Kế hoạch truyền thông giai đoạn 2021–2025 với ba chỉ tiêu chính "
        "về kế hoạch, phát thanh cơ sở và tập huấn cán bộ.",
        (
            "100% huyện, thị xã, thành phố xây dựng kế hoạch truyền thông cho cả giai đoạn và "
            "hằng năm; trên 80% xã có chương trình phát thanh về giảm nghèo mỗi tuần.",
            "Mỗi năm có ít nhất 100 lượt cán bộ cấp tỉnh, huyện, xã được tập huấn kiến thức và "
            "kỹ năng công tác giảm nghèo.",
        ),
        "meeting",
        "Hội nghị triển khai Kế hoạch truyền thông (ảnh minh họa).",
    ),
    Article(
        2022,
        10,
        "hoat-dong",
        "Phú Vang hưởng ứng phong trào “Cả nước chung tay vì người nghèo”",
        ("Phú Vang", "vì người nghèo"),
        "Huyện Phú Vang phát động tháng cao điểm “Vì người nghèo”, vận động doanh nghiệp, "
        "người dân ủng hộ Quỹ Vì người nghèo.",
        (
            "Các thôn tổ chức gặp mặt, thăm hỏi hộ nghèo, hộ có hoàn cảnh khó khăn; nhiều con em "
            "xa quê gửi tiền, hiện vật về ủng hộ.",
            "Số tiền vận động được dùng để hỗ trợ sửa nhà, học bổng cho học sinh nghèo và con "
            "giống cho hộ chăn nuôi.",
        ),
    ),
    Article(
        2023,
        5,
        "hoat-dong",
        "Trao nhà Đại đoàn kết cho hộ nghèo huyện A Lưới",
        ("A Lưới", "nhà ở"),
        "Ủy ban Mặt trận Tổ quốc huyện A Lưới bàn giao nhà Đại đoàn kết cho các hộ nghèo là "
        "đồng bào dân tộc thiểu số.",
        (
            "Mỗi căn nhà được xây dựng kiên cố, có công trình vệ sinh, phù hợp tập quán sinh "
            "hoạt của đồng bào.",
            "Bà con trong thôn góp ngày công, vận chuyển vật liệu giúp các gia đình sớm có nhà "
            "mới trước mùa mưa bão.",
        ),
        "house",
        "Ngôi nhà Đại đoàn kết mới hoàn thành (ảnh minh họa).",
    ),
    Article(
        2023,
        8,
        "hoat-dong",
        "Giám sát công tác truyền thông giảm nghèo tại huyện Nam Đông",
        ("giám sát", "Nam Đông"),
        "Đoàn giám sát của tỉnh làm việc với huyện Nam Đông về kết quả thực hiện kế hoạch "
        "truyền thông giảm nghèo năm 2023.",
        (
            "Đoàn kiểm tra sổ ghi chương trình phát thanh của các xã và hồ sơ các lớp tập huấn "
            "cán bộ cơ sở.",
            "Đoàn đề nghị huyện bổ sung nội dung phát thanh bằng tiếng đồng bào Cơ Tu và tăng "
            "thời lượng phát lại vào buổi tối.",
        ),
    ),
    Article(
        2024,
        11,
        "hoat-dong",
        "Tháng cao điểm “Vì người nghèo” năm 2024",
        ("vì người nghèo", "an sinh xã hội"),
        "Từ ngày 17/10 đến 18/11, các địa phương tổ chức nhiều hoạt động hỗ trợ hộ nghèo, hộ "
        "có hoàn cảnh khó khăn.",
        (
            "Nhiều doanh nghiệp nhận đỡ đầu hộ nghèo, hỗ trợ sinh kế và học bổng cho con em hộ "
            "nghèo.",
            "Các đài truyền thanh xã phát chuyên mục giới thiệu gương người tốt, việc tốt giúp "
            "đỡ người nghèo.",
        ),
    ),
    Article(
        2024,
        7,
        "hoat-dong",
        "Sơ kết ba năm thực hiện Kế hoạch truyền thông về giảm nghèo",
        ("kế hoạch truyền thông", "sơ kết"),
        "Hội nghị đánh giá kết quả thực hiện các chỉ tiêu truyền thông giai đoạn 2021–2023 và "
        "đề ra nhiệm vụ cho những năm còn lại.",
        (
            "Tỷ lệ xã duy trì chương trình phát thanh hằng tuần về giảm nghèo tăng qua từng "
            "năm; số lượt cán bộ được tập huấn vượt chỉ tiêu ở hầu hết các năm.",
            "Hội nghị chỉ ra hạn chế ở một số xã miền núi: thiếu người viết tin, thiết bị "
            "truyền thanh xuống cấp.",
        ),
        "meeting",
        "Quang cảnh hội nghị sơ kết (ảnh minh họa).",
    ),
    Article(
        2025,
        12,
        "hoat-dong",
        "Tổng kết Chương trình giảm nghèo bền vững giai đoạn 2021–2025",
        ("tổng kết", "giảm nghèo bền vững"),
        "Ban Chỉ đạo tổng kết 5 năm thực hiện Chương trình, biểu dương các tập thể, cá nhân "
        "có thành tích tiêu biểu.",
        (
            "Tỷ lệ hộ nghèo giảm qua từng năm; nhiều hộ thoát nghèo nhờ vay vốn, học nghề và "
            "tham gia các mô hình sinh kế.",
            "Công tác truyền thông được đánh giá là một điểm sáng, góp phần tạo đồng thuận xã "
            "hội trong thực hiện Chương trình.",
        ),
        "stage",
        "Biểu dương tập thể, cá nhân tiêu biểu (ảnh minh họa).",
    ),
    Article(
        2026,
        4,
        "hoat-dong",
        "Trang thông tin điện tử về giảm nghèo dễ đọc hơn trên điện thoại",
        ("chuyển đổi số", "trang thông tin điện tử"),
        "Trang thông tin điện tử về giảm nghèo được nâng cấp để người dân đọc tin, nghe chương "
        "trình phát thanh và gửi phản ánh ngay trên điện thoại.",
        (
            "Người dân có thể tìm tin bài bằng tiếng Việt có dấu hoặc không dấu, lọc theo xã, "
            "phường và theo năm.",
            "Các đài truyền thanh xã tải chương trình phát thanh mẫu từ Thư viện truyền thông "
            "để phát lại.",
        ),
    ),
    Article(
        2022,
        5,
        "mo-hinh-hay",
        "Nuôi bò sinh sản giúp nhiều hộ ở Phú Đa thoát nghèo",
        ("chăn nuôi", "Phú Vang", "sinh kế"),
        "Từ nguồn vốn hỗ trợ sản xuất, nhiều hộ nghèo ở thị trấn Phú Đa được nhận bò giống và "
        "tập huấn kỹ thuật chăn nuôi.",
        (
            "Mỗi hộ tham gia cam kết làm chuồng trại, trồng cỏ và giao lại bê con cho hộ khác "
            "theo hình thức luân chuyển.",
            "Sau hai năm, đàn bò phát triển tốt, nhiều gia đình có thu nhập ổn định và tự "
            "nguyện làm đơn thoát nghèo.",
        ),
        "cattle",
        "Bò giống của mô hình chăn nuôi luân chuyển (ảnh minh họa).",
    ),
    Article(
        2023,
        6,
        "mo-hinh-hay",
        "Trồng cây dược liệu dưới tán rừng ở vùng núi",
        ("dược liệu", "Nam Đông", "sinh kế"),
        "Các hộ đồng bào Cơ Tu trồng cây dược liệu dưới tán rừng, vừa giữ rừng vừa có thêm "
        "thu nhập.",
        (
            "Hợp tác xã bao tiêu sản phẩm, hướng dẫn kỹ thuật trồng, thu hái và sơ chế.",
            "Mô hình giúp người dân không phải phát rừng làm rẫy, tạo việc làm cho lao động "
            "nữ lúc nông nhàn.",
        ),
        "forest",
        "Cây dược liệu dưới tán rừng (ảnh minh họa).",
    ),
    Article(
        2023,
        9,
        "mo-hinh-hay",
        "Tổ hợp tác nuôi cá lồng trên phá Tam Giang",
        ("nuôi trồng thủy sản", "Quảng Điền"),
        "Các hộ nghèo ven phá liên kết thành tổ hợp tác nuôi cá lồng, chia sẻ kinh nghiệm và "
        "cùng tìm đầu ra.",
        (
            "Tổ hợp tác được hỗ trợ lồng nuôi, con giống và tập huấn phòng bệnh cho cá.",
            "Các thành viên thay nhau canh lồng, giảm chi phí và rủi ro so với nuôi riêng lẻ.",
        ),
        "lagoon",
        "Lồng nuôi cá trên phá Tam Giang (ảnh minh họa).",
    ),
    Article(
        2024,
        3,
        "mo-hinh-hay",
        "Tổ tiết kiệm của phụ nữ giúp nhau vươn lên",
        ("tiết kiệm", "Hội Liên hiệp Phụ nữ", "vay vốn"),
        "Ở nhiều thôn, hội viên phụ nữ góp tiết kiệm hằng tháng và cho nhau vay không lãi để "
        "mua con giống, vật tư.",
        (
            "Tổ sinh hoạt định kỳ, sổ sách công khai; hội viên nghèo được ưu tiên vay trước.",
            "Nhờ nguồn vốn nhỏ mà kịp thời, nhiều chị em đã mở được hàng tạp hóa, nuôi thêm "
            "lợn, gà.",
        ),
        "savings",
        "Buổi sinh hoạt của tổ tiết kiệm (ảnh minh họa).",
    ),
    Article(
        2024,
        8,
        "mo-hinh-hay",
        "Làng nghề đan lát giữ nghề, tạo việc làm cho lao động nghèo",
        ("làng nghề", "Quảng Điền", "việc làm"),
        "Nghề đan lát truyền thống được khôi phục, tạo việc làm tại chỗ cho phụ nữ và người "
        "cao tuổi.",
        (
            "Sản phẩm mây tre đan được đặt hàng cho các cửa hàng lưu niệm ở thành phố Huế.",
            "Các lớp truyền nghề miễn phí giúp lao động trẻ có thêm lựa chọn việc làm.",
        ),
        "baskets",
        "Sản phẩm đan lát của làng nghề (ảnh minh họa).",
    ),
    Article(
        2025,
        4,
        "mo-hinh-hay",
        "Vườn rau an toàn trong nhà lưới cho hộ cận nghèo",
        ("rau an toàn", "sinh kế"),
        "Mô hình trồng rau trong nhà lưới giúp hộ cận nghèo giảm rủi ro thời tiết và bán được "
        "giá cao hơn.",
        (
            "Các hộ được hỗ trợ khung nhà lưới, hệ thống tưới và giống rau; hợp tác xã thu mua "
            "toàn bộ sản phẩm.",
            "Mỗi sào rau cho thu nhập gấp nhiều lần so với trồng lúa.",
        ),
        "garden",
        "Rau an toàn trong nhà lưới (ảnh minh họa).",
    ),
    Article(
        2022,
        3,
        "truyen-thanh-co-so",
        "Đài truyền thanh xã: cầu nối đưa chính sách giảm nghèo đến từng thôn",
        ("đài truyền thanh", "thông tin cơ sở"),
        "Hệ thống loa truyền thanh ở thôn vẫn là kênh thông tin gần gũi nhất với người dân "
        "nông thôn, miền núi.",
        (
            "Công chức Văn hóa – Xã hội của xã biên tập tin bài từ văn bản của cấp trên, phát "
            "xen kẽ với tin tức địa phương.",
            "Nhiều xã mời người có uy tín, già làng, trưởng bản nói chuyện trên loa về kinh "
            "nghiệm thoát nghèo.",
        ),
        "loudspeaker",
        "Cụm loa truyền thanh ở thôn (ảnh minh họa).",
    ),
    Article(
        2023,
        10,
        "truyen-thanh-co-so",
        "Hơn 80% xã có chương trình phát thanh hằng tuần về giảm nghèo",
        ("đài truyền thanh", "chỉ tiêu"),
        "Theo số liệu các xã báo cáo, tỷ lệ xã có ít nhất một chương trình phát thanh mỗi tuần "
        "về giảm nghèo đã đạt chỉ tiêu của Kế hoạch.",
        (
            "Các xã nhập số chương trình hằng tuần vào hệ thống; huyện và tỉnh theo dõi trên bản "
            "đồ nhiệt theo tuần.",
            "Một số xã còn gián đoạn do thiết bị hỏng hoặc thay đổi cán bộ phụ trách.",
        ),
    ),
    Article(
        2024,
        5,
        "truyen-thanh-co-so",
        "Truyền thanh thông minh: chương trình về giảm nghèo phát đúng giờ, đúng nơi",
        ("chuyển đổi số", "đài truyền thanh"),
        "Các cụm loa ứng dụng công nghệ thông tin – viễn thông cho phép phát chương trình theo "
        "lịch, từ xa, đến từng thôn.",
        (
            "Cán bộ xã đặt lịch phát trên điện thoại, theo dõi cụm loa nào đang hoạt động.",
            "Người dân nghe lại chương trình đã phát trên Trang thông tin điện tử.",
        ),
        "loudspeaker",
        "Cụm loa truyền thanh thông minh (ảnh minh họa).",
    ),
    Article(
        2025,
        6,
        "truyen-thanh-co-so",
        "Chuyên mục giảm nghèo bằng tiếng đồng bào trên sóng truyền thanh vùng cao",
        ("đồng bào dân tộc thiểu số", "A Lưới"),
        "Các xã vùng cao phát chuyên mục giảm nghèo bằng tiếng Tà Ôi, Pa Cô, Cơ Tu để bà con "
        "dễ hiểu, dễ làm theo.",
        (
            "Cộng tác viên là người dân tộc thiểu số dịch tin bài, đọc chương trình và thu âm "
            "tại nhà văn hóa thôn.",
            "Nội dung tập trung vào vay vốn, chăm sóc cây trồng, vật nuôi và cách phòng tránh "
            "tảo hôn.",
        ),
    ),
    Article(
        2022,
        8,
        "doi-thoai",
        "Đối thoại chính sách về vay vốn ưu đãi tại huyện Phú Vang",
        ("đối thoại chính sách", "vay vốn", "Phú Vang"),
        "Lãnh đạo huyện và Ngân hàng Chính sách xã hội trả lời trực tiếp câu hỏi của người "
        "dân về thủ tục, mức vay và thời hạn vay.",
        (
            "Nhiều ý kiến đề nghị nâng mức cho vay với hộ nuôi trồng thủy sản trên đầm phá.",
            "Huyện tiếp thu, giao các xã rà soát nhu cầu vay vốn và báo cáo trong tháng.",
        ),
        "meeting",
        "Người dân nêu ý kiến tại buổi đối thoại (ảnh minh họa).",
    ),
    Article(
        2023,
        3,
        "doi-thoai",
        "Người dân Nam Đông đối thoại với lãnh đạo huyện về hỗ trợ sản xuất",
        ("đối thoại chính sách", "hỗ trợ sản xuất", "Nam Đông"),
        "Hơn 100 người dân, trưởng thôn và cán bộ cơ sở dự buổi đối thoại về các dự án hỗ trợ "
        "phát triển sản xuất.",
        (
            "Người dân kiến nghị hỗ trợ giống cây phù hợp với thổ nhưỡng và kỹ thuật chăm sóc "
            "sau khi nhận giống.",
            "Lãnh đạo huyện cam kết tổ chức khảo sát nhu cầu trước khi cấp giống trong các năm "
            "sau.",
        ),
    ),
    Article(
        2024,
        9,
        "doi-thoai",
        "Giải đáp vướng mắc về hỗ trợ nhà ở qua đối thoại tại Hương Trà",
        ("đối thoại chính sách", "nhà ở"),
        "Buổi đối thoại giúp người dân hiểu rõ tiêu chí, thứ tự ưu tiên trong hỗ trợ nhà ở cho "
        "hộ nghèo, hộ cận nghèo.",
        (
            "Cán bộ chuyên môn giải thích cách bình xét ở thôn và thời gian giải ngân kinh phí.",
            "Các trường hợp chưa được hỗ trợ trong năm được đưa vào danh sách ưu tiên năm sau.",
        ),
    ),
    Article(
        2025,
        8,
        "doi-thoai",
        "Hỏi đáp trực tuyến về bảo hiểm y tế cho hộ cận nghèo",
        ("bảo hiểm y tế", "hộ cận nghèo", "đối thoại chính sách"),
        "Cơ quan bảo hiểm xã hội và ngành y tế trả lời câu hỏi của người dân gửi qua Trang "
        "thông tin điện tử về giảm nghèo.",
        (
            "Các câu hỏi tập trung vào thời hạn thẻ bảo hiểm y tế khi hộ thoát cận nghèo và "
            "thủ tục khám chữa bệnh trái tuyến.",
            "Toàn bộ câu hỏi và trả lời được đăng công khai để người dân cùng tham khảo.",
        ),
    ),
    Article(
        2022,
        7,
        "tap-huan",
        "Tập huấn kỹ năng truyền thông giảm nghèo cho cán bộ cấp xã",
        ("tập huấn", "cán bộ cơ sở"),
        "Lớp tập huấn trang bị cho cán bộ xã kỹ năng viết tin, biên tập chương trình phát "
        "thanh và tổ chức đối thoại.",
        (
            "Học viên thực hành viết tin về một hộ thoát nghèo ở địa phương và thu âm ngay tại "
            "lớp.",
            "Giảng viên là phóng viên, biên tập viên có kinh nghiệm của các cơ quan báo chí "
            "trong tỉnh.",
        ),
        "training",
        "Học viên lớp tập huấn kỹ năng truyền thông (ảnh minh họa).",
    ),
    Article(
        2023,
        11,
        "tap-huan",
        "Bồi dưỡng nghiệp vụ cho phóng viên, biên tập viên viết về giảm nghèo",
        ("tập huấn", "báo chí"),
        "Khóa bồi dưỡng giúp người làm báo tiếp cận đề tài giảm nghèo từ góc nhìn của người "
        "trong cuộc.",
        (
            "Học viên đi thực tế tại một xã miền núi, gặp gỡ các hộ vừa thoát nghèo.",
            "Các tác phẩm hoàn thành sau khóa học được đăng trên báo, đài địa phương.",
        ),
    ),
    Article(
        2025,
        10,
        "tap-huan",
        "Tập huấn đội ngũ tuyên truyền viên, báo cáo viên cơ sở",
        ("tập huấn", "tuyên truyền viên"),
        "Đội ngũ tuyên truyền viên, báo cáo viên của các xã, phường mới được cập nhật chính "
        "sách giảm nghèo và kỹ năng nói trước đông người.",
        (
            "Lớp học chú trọng cách giải thích chính sách bằng ví dụ gần gũi, trả lời câu hỏi "
            "khó của người dân.",
            "Mỗi học viên xây dựng một kế hoạch tuyên truyền cho thôn, tổ dân phố nơi mình "
            "phụ trách.",
        ),
        "training",
        "Lớp tập huấn tuyên truyền viên (ảnh minh họa).",
    ),
    Article(
        2026,
        6,
        "tap-huan",
        "Hướng dẫn cán bộ xã ghi sổ chương trình phát thanh trên điện thoại",
        ("tập huấn", "đài truyền thanh", "chuyển đổi số"),
        "Cán bộ văn hóa – xã hội các xã, phường được hướng dẫn nhập chương trình phát thanh cả "
        "tuần ngay trên điện thoại.",
        (
            "Học viên thực hành nhập chương trình, nhập từ tệp Excel và xem bản đồ nhiệt của xã "
            "mình.",
            "Số liệu nhập đúng hạn giúp tỉnh theo dõi chỉ tiêu phát thanh cơ sở kịp thời.",
        ),
    ),
]


def ensure_categories() -> dict[str, Category]:
    categories = {}
    for slug, name in CATEGORIES:
        category = (
            Category.objects.filter(slug=slug).first() or Category.objects.filter(name=name).first()
        )
        if category is None:
            category = Category.objects.create(slug=slug, name=name)
        elif (category.slug, category.name) != (slug, name):
            category.slug, category.name = slug, name
            category.save()
        categories[slug] = category
    return categories


def load_articles(rng: random.Random, news: NewsIndexPage, images: dict) -> list[ArticlePage]:
    categories = ensure_categories()
    today = timezone.localdate()
    pages = []
    for article in ARTICLES:
        day = min(datetime.date(article.year, article.month, rng.randint(1, 28)), today)
        paragraphs = [*article.paragraphs, rng.choice(CLOSINGS[article.category])]
        body = "".join(f"<p>{text}</p>" for text in paragraphs) + DEMO_NOTE
        fields = {
            "title": article.title,
            "date": day,
            "author": rng.choice(AUTHORS),
            "category": categories[article.category],
            "lead": article.lead,
            "image": images[article.picture] if article.picture else None,
            "image_caption": article.caption,
            "body": body,
        }
        pages.append(
            upsert_page(
                news,
                ArticlePage,
                slug=slug_for(article.title),
                fields=fields,
                tags=list(article.tags),
                published=at(day, rng.choice([7, 8, 9, 14, 15, 16]), rng.choice([0, 15, 30, 45])),
            )
        )
    return pages
