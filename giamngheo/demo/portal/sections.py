"""The fixed pages' demo content: the home page, About, guidance, the Decree 42 list."""

from __future__ import annotations

import re
import uuid

from wagtail.models import Page

from giamngheo.demo.services import DEMO_EMAIL_DOMAIN
from giamngheo.portal.models import AboutPage, HomePage, SectionPage

from .publishing import DEMO_NOTE, update_page

HOME = {
    "intro": (
        "Trang thông tin điện tử về giảm nghèo: chính sách, kết quả thực hiện Chương trình, mô "
        "hình hiệu quả và gương điển hình vươn lên thoát nghèo."
    ),
    "body": (
        "<p>Thực hiện Kế hoạch truyền thông về giảm nghèo bền vững giai đoạn 2021–2025, Trang "
        "thông tin cung cấp thông tin tổng hợp về kết quả triển khai Chương trình, tuyên truyền "
        "chủ trương của Đảng, chính sách, pháp luật của Nhà nước về giảm nghèo đến đông đảo "
        "người dân.</p>"
        "<p>Người dân đọc tin tức, tra cứu văn bản, nghe lại chương trình phát thanh của các "
        "đài truyền thanh xã, gửi câu hỏi và phản ánh về việc thực hiện chính sách ở địa "
        "phương mình.</p>"
        "<p><em>Trang đang chạy với dữ liệu mẫu để trình diễn: tin bài, nhân vật, số liệu và "
        "thông tin liên hệ là hư cấu.</em></p>"
    ),
}

ABOUT_FUNCTIONS = (
    "<p>Ban Chỉ đạo các Chương trình mục tiêu quốc gia giúp Ủy ban nhân dân thành phố chỉ "
    "đạo, điều phối việc thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững trên "
    "địa bàn (trước ngày 01/01/2025 là tỉnh Thừa Thiên Huế).</p>"
    "<p>Văn phòng Chương trình là bộ phận giúp việc của Ban Chỉ đạo, có nhiệm vụ:</p>"
    "<ul>"
    "<li>tham mưu xây dựng kế hoạch thực hiện Chương trình và Kế hoạch truyền thông về giảm "
    "nghèo bền vững cho cả giai đoạn và hằng năm;</li>"
    "<li>hướng dẫn, đôn đốc các địa phương xây dựng kế hoạch truyền thông, duy trì chương "
    "trình phát thanh về giảm nghèo trên đài truyền thanh xã;</li>"
    "<li>tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng công tác giảm nghèo cho cán bộ các "
    "cấp;</li>"
    "<li>tổ chức đối thoại chính sách, tiếp nhận và trả lời phản ánh, kiến nghị của người "
    "dân;</li>"
    "<li>giám sát, đánh giá công tác truyền thông ở các địa phương và tổng hợp báo cáo kết "
    "quả thực hiện Chương trình;</li>"
    "<li>quản lý, cập nhật Trang thông tin điện tử về giảm nghèo.</li>"
    "</ul>"
)

# Clearly made-up names ("Nguyễn Văn A" is the Vietnamese "John Doe"); real titles.
MEMBERS = [
    ("Nguyễn Văn A", "Phó Chủ tịch Ủy ban nhân dân thành phố", "Trưởng ban"),
    ("Trần Thị B", "Giám đốc Sở Nông nghiệp và Môi trường", "Phó Trưởng ban thường trực"),
    ("Lê Văn C", "Giám đốc Sở Tài chính", "Phó Trưởng ban"),
    ("Phạm Thị D", "Giám đốc Sở Văn hóa và Thể thao", "Ủy viên"),
    (
        "Hoàng Văn E",
        "Giám đốc Chi nhánh Ngân hàng Chính sách xã hội thành phố",
        "Ủy viên",
    ),
    (
        "Võ Thị G",
        "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
        "Ủy viên",
    ),
    ("Đặng Văn H", "Chánh Văn phòng Chương trình giảm nghèo bền vững", "Ủy viên, Thư ký"),
]

CONTACTS = (
    "<p><b>Văn phòng Chương trình giảm nghèo bền vững</b> (thông tin liên hệ mẫu)</p>"
    "<p>Địa chỉ: số 01 đường Mẫu, phường Thuận Hóa, thành phố Huế</p>"
    "<p>Điện thoại: 0234 3 000 000</p>"
    f'<p>Thư điện tử: <a href="mailto:vanphong@{DEMO_EMAIL_DOMAIN}">'
    f"vanphong@{DEMO_EMAIL_DOMAIN}</a></p>"
    "<p>Giờ làm việc: sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, thứ Hai đến thứ "
    "Sáu.</p>"
)

GUIDANCE = [
    ("heading", "Hộ nghèo, hộ cận nghèo được xác định thế nào?"),
    (
        "paragraph",
        "<p>Từ năm 2022, chuẩn nghèo đa chiều theo Nghị định số 07/2021/NĐ-CP dựa trên thu nhập "
        "bình quân đầu người và mức độ thiếu hụt 6 dịch vụ xã hội cơ bản: việc làm, y tế, giáo "
        "dục, nhà ở, nước sinh hoạt và vệ sinh, thông tin. Việc rà soát do Ủy ban nhân dân xã, "
        "phường tổ chức hằng năm, có sự tham gia của thôn, tổ dân phố; kết quả được niêm yết "
        "công khai.</p>",
    ),
    ("heading", "Vay vốn ưu đãi"),
    (
        "paragraph",
        "<p>Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo được vay vốn tại Ngân hàng Chính sách xã "
        "hội để sản xuất, kinh doanh, học nghề, làm nhà ở, nước sạch. Người vay tham gia Tổ "
        "tiết kiệm và vay vốn ở thôn, làm giấy đề nghị vay vốn; Tổ bình xét, Ủy ban nhân dân "
        "xã xác nhận và ngân hàng giải ngân tại điểm giao dịch xã.</p>",
    ),
    ("heading", "Hỗ trợ nhà ở"),
    (
        "paragraph",
        "<p>Hộ nghèo, hộ cận nghèo chưa có nhà ở hoặc nhà ở hư hỏng, dột nát được xem xét hỗ "
        "trợ xây mới hoặc sửa chữa. Hộ gia đình làm đơn gửi Ủy ban nhân dân xã; thôn bình xét "
        "công khai theo thứ tự ưu tiên (người có công, hộ có người khuyết tật, người cao tuổi "
        "sống một mình…).</p>",
    ),
    ("heading", "Học nghề, việc làm, bảo hiểm y tế"),
    (
        "paragraph",
        "<p>Lao động thuộc hộ nghèo, hộ cận nghèo được hỗ trợ chi phí học nghề, tiền ăn và đi "
        "lại khi học; được tư vấn, giới thiệu việc làm. Người thuộc hộ nghèo được cấp thẻ bảo "
        "hiểm y tế; người thuộc hộ cận nghèo được hỗ trợ mức đóng theo quy định.</p>",
    ),
    ("heading", "Hỏi ở đâu?"),
    (
        "paragraph",
        "<p>Liên hệ công chức Văn hóa – Xã hội của xã, phường nơi cư trú, hoặc gửi câu hỏi qua "
        "mục hỏi đáp của Trang thông tin này. Câu trả lời được đăng công khai.</p>" + DEMO_NOTE,
    ),
]

# What the portal publishes, as Decree 42/2022/NĐ-CP lists for a state agency's portal,
# and where each is found here.
PUBLIC_INFORMATION = [
    ("heading", "Thông tin được công bố trên Trang"),
    (
        "paragraph",
        "<p>Theo Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về việc cung "
        "cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng, "
        "Trang thông tin điện tử về giảm nghèo công bố các loại thông tin sau:</p>"
        "<ul>"
        "<li>thông tin giới thiệu: chức năng, nhiệm vụ, cơ cấu tổ chức, thành viên Ban Chỉ "
        'đạo và thông tin liên hệ (mục <a href="/gioi-thieu/">Giới thiệu</a>);</li>'
        '<li>tin tức, sự kiện về công tác giảm nghèo (mục <a href="/tin-tuc/">Tin tức</a> và '
        '<a href="/su-kien/">Sự kiện</a>);</li>'
        "<li>thông tin chỉ đạo, điều hành của Ban Chỉ đạo và Ủy ban nhân dân các cấp;</li>"
        "<li>thông tin tuyên truyền, phổ biến, hướng dẫn thực hiện chính sách, pháp luật về "
        'giảm nghèo (mục <a href="/huong-dan/">Hướng dẫn thực hiện chính sách</a>);</li>'
        "<li>chiến lược, kế hoạch: Chương trình giảm nghèo, Kế hoạch truyền thông giai đoạn và "
        'hằng năm (mục <a href="/ket-qua/">Kết quả thực hiện</a>);</li>'
        "<li>hệ thống văn bản quy phạm pháp luật và văn bản chỉ đạo về giảm nghèo (mục "
        '<a href="/van-ban-chinh-sach/">Văn bản chính sách</a>);</li>'
        "<li>báo cáo, thống kê: kết quả thực hiện các chỉ tiêu theo năm và theo đơn vị;</li>"
        "<li>mô hình giảm nghèo hiệu quả, gương điển hình (mục "
        '<a href="/guong-dien-hinh-mo-hinh/">Gương điển hình, mô hình hiệu quả</a>);</li>'
        "<li>sản phẩm truyền thông: chương trình phát thanh, ấn phẩm, áp phích (mục "
        '<a href="/thu-vien/">Thư viện truyền thông</a>);</li>'
        "<li>tiếp nhận và trả lời phản ánh, kiến nghị, câu hỏi của người dân;</li>"
        '<li>thông tin đã đăng theo năm (mục <a href="/luu-tru/">Lưu trữ</a>).</li>'
        "</ul>",
    ),
    ("heading", "Thời hạn cập nhật"),
    (
        "paragraph",
        "<p>Tin tức, sự kiện được cập nhật thường xuyên; văn bản mới được đăng chậm nhất 5 ngày "
        "làm việc sau khi ban hành; kết quả thực hiện chỉ tiêu được cập nhật khi các đơn vị báo "
        "cáo.</p>" + DEMO_NOTE,
    ),
]


def _stream(slug: str, blocks: list[tuple[str, str]]) -> list[dict]:
    """StreamField data with stable block ids, so loading again finds it unchanged."""
    return [
        {"type": kind, "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{slug}/{n}"))}
        for n, (kind, value) in enumerate(blocks)
    ]


def _page_links(html: str, home: HomePage) -> str:
    """Links to the sections written as their addresses, turned into Wagtail page links
    (which follow a page when an editor renames or moves it)."""
    ids = dict(home.get_children().values_list("slug", "id"))
    return re.sub(
        r'href="/([a-z-]+)/"', lambda match: f'linktype="page" id="{ids[match[1]]}"', html
    )


def load_sections(home: HomePage) -> None:
    update_page(home, HOME)
    about = AboutPage.objects.child_of(home).get()
    members = [
        {"name": name, "position": position, "committee_role": role, "sort_order": n}
        for n, (name, position, role) in enumerate(MEMBERS)
    ]
    update_page(
        about,
        {"functions": ABOUT_FUNCTIONS, "contacts": CONTACTS},
        children={"members": members},
    )
    for slug, blocks in [("huong-dan", GUIDANCE), ("danh-muc-thong-tin", PUBLIC_INFORMATION)]:
        section: Page = SectionPage.objects.child_of(home).get(slug=slug)
        blocks = [(kind, _page_links(value, home)) for kind, value in blocks]
        update_page(section, {"body": _stream(slug, blocks)})
    # The other sections keep their text; a first revision makes their history like
    # any page an approver published.
    for page in home.get_children().filter(live_revision__isnull=True):
        update_page(page, {})
