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
    "In the %(period)s, %(count)s communication activities and products were recorded: "
    "%(products)s products and %(events)s events, reaching %(reached)s people with "
    "%(participants)s participants, at a cost of %(cost)s VND.": (
        "Trong %(period)s, đã ghi nhận %(count)s hoạt động, sản phẩm truyền thông: "
        "%(products)s sản phẩm và %(events)s sự kiện, tiếp cận %(reached)s lượt người, với "
        "%(participants)s người tham gia, kinh phí %(cost)s đồng."
    ),
    "The plans of %(year)d planned %(planned)s activities; %(done)s were recorded against "
    "them (%(rate)s%%).": (
        "Kế hoạch năm %(year)d đề ra %(planned)s hoạt động; đã thực hiện %(done)s hoạt động "
        "theo kế hoạch (%(rate)s%%)."
    ),
    "issue date": "ngày ban hành",
    "Issue date": "Ngày ban hành",
    "The date the report bears; its issuing body and recipients are those in force that "
    "day. Left empty, the day it is generated.": (
        "Ngày ghi trên báo cáo; cơ quan ban hành và nơi nhận là những nơi có hiệu lực vào "
        "ngày đó. Để trống thì lấy ngày tạo báo cáo."
    ),
    "From %(start)s to %(end)s (%(weeks)d week(s), %(communes)s communes in force), on "
    "average %(share)s%% of the communes broadcast at least %(minimum)d programme(s) a week "
    "on poverty reduction; %(programmes)s programmes, %(minutes)s minutes.": (
        "Từ %(start)s đến %(end)s (%(weeks)d tuần, %(communes)s xã đang có hiệu lực), bình "
        "quân %(share)s%% số xã phát ít nhất %(minimum)d chương trình/tuần về giảm nghèo; "
        "%(programmes)s chương trình, %(minutes)s phút."
    ),
    "Communes covered on %(date)s": "Độ phủ xã ngày %(date)s",
    "Communes in force": "Số xã đang có hiệu lực",
    "With an active communicator": "Có tuyên truyền viên đang hoạt động",
    "Without one": "Chưa có",
}
