"""The seed categories of feedback, with deadlines and answer templates.

Used by the data migration and by tests (a transactional test flushes the rows
migrations made). Data in Vietnamese, like every fixture.
"""

CATEGORIES = [
    {
        "code": "poor-household-list",
        "name": "Danh sách hộ nghèo, hộ cận nghèo",
        "description": "Ai có tên trong danh sách hộ nghèo, hộ cận nghèo; việc rà soát, bình xét.",
        "deadline_days": 15,
        "templates": [
            (
                "Hướng dẫn rà soát, bình xét",
                "Cảm ơn ông/bà đã phản ánh. Danh sách hộ nghèo, hộ cận nghèo được rà soát hằng "
                "năm theo chuẩn nghèo đa chiều; việc bình xét do thôn, tổ dân phố tổ chức "
                "công khai và UBND cấp xã công nhận. Ông/bà có thể đề nghị rà soát lại tại "
                "UBND xã nơi cư trú trong thời gian niêm yết danh sách.",
            ),
        ],
    },
    {
        "code": "support-not-received",
        "name": "Chưa nhận được hỗ trợ",
        "description": "Khoản hỗ trợ, chính sách chưa đến được với người dân.",
        "deadline_days": 10,
        "templates": [
            (
                "Đã kiểm tra, đang chi trả",
                "Cảm ơn ông/bà đã phản ánh. Đơn vị đã kiểm tra hồ sơ: khoản hỗ trợ đang trong "
                "thời gian chi trả. Ông/bà vui lòng liên hệ bộ phận một cửa UBND xã để nhận.",
            ),
        ],
    },
    {
        "code": "policy-question",
        "name": "Hỏi về chính sách",
        "description": "Câu hỏi về chính sách giảm nghèo, điều kiện và thủ tục thụ hưởng.",
        "deadline_days": 15,
        "templates": [
            (
                "Trả lời kèm văn bản",
                "Cảm ơn ông/bà đã gửi câu hỏi. Theo quy định hiện hành, …\n\n"
                "Văn bản liên quan có tại mục Văn bản chính sách của Trang thông tin.",
            ),
        ],
    },
    {
        "code": "suggestion",
        "name": "Góp ý, kiến nghị",
        "description": "Góp ý về chương trình giảm nghèo và công tác truyền thông.",
        "deadline_days": 20,
        "templates": [
            (
                "Ghi nhận góp ý",
                "Cảm ơn ông/bà đã góp ý. Ý kiến đã được ghi nhận và chuyển đến đơn vị phụ trách "
                "để nghiên cứu, tiếp thu.",
            ),
        ],
    },
    {
        "code": "other",
        "name": "Khác",
        "description": "",
        "deadline_days": 15,
        "templates": [],
    },
]


def seed_categories(Category, Template) -> None:
    """Create the categories missing (by code); existing ones are left as staff edited them."""
    for order, row in enumerate(CATEGORIES):
        category, created = Category.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "description": row["description"],
                "deadline_days": row["deadline_days"],
                "sort_order": order,
            },
        )
        if created:
            for position, (title, text) in enumerate(row["templates"]):
                Template.objects.create(
                    category=category, title=title, text=text, sort_order=position
                )
