"""The default supervision checklist and rating thresholds (rows, not code).

Drawn from the province's 2021–2025 communication plan: what a locality is
expected to do, each scored out of 10.  The programme office edits them in
the admin; the data migration calls ``seed_checklist`` once.
"""

from __future__ import annotations

from decimal import Decimal

PLANNING = "Lãnh đạo, chỉ đạo và kế hoạch"
ACTIVITIES = "Triển khai hoạt động truyền thông"
CHANNELS = "Kênh truyền thông hai chiều"
REPORTING = "Theo dõi, báo cáo"

CRITERIA = [
    (
        "ke-hoach-giai-doan",
        PLANNING,
        "Có kế hoạch truyền thông về giảm nghèo bền vững giai đoạn 2021-2025",
    ),
    ("ke-hoach-hang-nam", PLANNING, "Có kế hoạch truyền thông hằng năm, ban hành đúng thời hạn"),
    (
        "phat-thanh-xa",
        ACTIVITIES,
        "Đài truyền thanh xã phát ít nhất 01-02 chương trình/tuần về giảm nghèo",
    ),
    (
        "tap-huan-can-bo",
        ACTIVITIES,
        "Tập huấn, bồi dưỡng kiến thức, kỹ năng cho cán bộ làm công tác giảm nghèo",
    ),
    (
        "mang-luoi-tuyen-truyen-vien",
        ACTIVITIES,
        "Xây dựng, duy trì mạng lưới tuyên truyền viên, báo cáo viên",
    ),
    (
        "doi-thoai-chinh-sach",
        ACTIVITIES,
        "Tổ chức đối thoại chính sách về giảm nghèo định kỳ ở cơ sở",
    ),
    (
        "san-pham-su-kien",
        ACTIVITIES,
        "Sản phẩm truyền thông, sự kiện, hội thi, sân khấu hóa về giảm nghèo",
    ),
    (
        "trang-thong-tin-mang-xa-hoi",
        CHANNELS,
        "Cập nhật thông tin lên Trang thông tin điện tử về giảm nghèo và mạng xã hội",
    ),
    (
        "phan-anh-nguoi-dan",
        CHANNELS,
        "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về Chương trình",
    ),
    ("bao-cao-dung-han", REPORTING, "Báo cáo kết quả công tác truyền thông đầy đủ, đúng hạn"),
]
# Xuất sắc ≥ 90%, Tốt ≥ 70%, Trung bình ≥ 50%, Yếu below.
THRESHOLDS = [("Xuất sắc", 90), ("Tốt", 70), ("Trung bình", 50), ("Yếu", 0)]


def seed_checklist(Criterion, RatingThreshold) -> None:
    """Create the default rows that are missing; never overwrites an edited one."""
    for order, (code, group, name) in enumerate(CRITERIA, start=1):
        Criterion.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "group": group,
                "max_score": Decimal(10),
                "weight": Decimal(1),
                "sort_order": order * 10,
            },
        )
    for name, minimum in THRESHOLDS:
        RatingThreshold.objects.get_or_create(name=name, defaults={"min_percent": Decimal(minimum)})
