# Translations of the `decree` branch (issue 18): the lead merges them into locale/vi.
T = {
    "superior body": "cơ quan chủ quản",
    'e.g. "UBND {UNIT}"': 'ví dụ "UBND {UNIT}"',
    "issuing body": "cơ quan ban hành",
    "issuing bodies": "cơ quan ban hành",
    "Issuing bodies": "Cơ quan ban hành",
    "Written out in capitals; one line of the header a line.": (
        "Viết đầy đủ, in hoa; mỗi dòng của phần đầu văn bản một dòng."
    ),
    "document symbol": "ký hiệu văn bản",
    'e.g. "BC-BCĐ"': 'ví dụ "BC-BCĐ"',
    "place": "địa danh",
    "Empty: the unit's own name.": "Để trống: tên của chính đơn vị.",
    'One or two lines, e.g. "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH".': (
        'Một hoặc hai dòng, ví dụ "TM. ỦY BAN NHÂN DÂN" trên "CHỦ TỊCH".'
    ),
    "The end date is before the start date.": "Ngày kết thúc trước ngày bắt đầu.",
    "Another issuing body of this level is in force on these dates.": (
        "Đã có cơ quan ban hành khác của cấp này có hiệu lực trong những ngày này."
    ),
    "No unit can issue a report on %(unit)s on %(date)s.": (
        "Không có đơn vị nào ban hành được báo cáo về %(unit)s vào ngày %(date)s."
    ),
    "No issuing body of the %(level)s is set for %(date)s: add one under Settings → "
    "Issuing bodies.": (
        "Chưa có cơ quan ban hành của %(level)s có hiệu lực vào ngày %(date)s: thêm tại "
        "Cài đặt → Cơ quan ban hành."
    ),
    "Enter the signer's name: the issuing body has no default signer.": (
        "Nhập họ tên người ký: cơ quan ban hành chưa có người ký mặc định."
    ),
    "One recipient a line; left empty, the issuing body's list in force on the issue date "
    "(Settings → Issuing bodies).": (
        "Mỗi nơi nhận một dòng; để trống thì dùng danh sách của cơ quan ban hành có hiệu lực "
        "vào ngày ban hành (Cài đặt → Cơ quan ban hành)."
    ),
    'One or two lines, e.g. "KT. TRƯỞNG BAN" over "PHÓ TRƯỞNG BAN" for a deputy; left '
    "empty, the issuing body's.": (
        'Một hoặc hai dòng, ví dụ cấp phó ký: "KT. TRƯỞNG BAN" trên "PHÓ TRƯỞNG BAN"; để '
        "trống thì dùng chức vụ của cơ quan ban hành."
    ),
    "Left empty, the issuing body's signer; one of the two is needed.": (
        "Để trống thì dùng người ký của cơ quan ban hành; cần có một trong hai."
    ),
}
