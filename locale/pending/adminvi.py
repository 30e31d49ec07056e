# ruff: noqa: E501
T = {
    "person\x04Family and middle names": "Họ và tên đệm",
    "person\x04e.g. Nguyễn Thị": "Ví dụ: Nguyễn Thị",
    "person\x04Given name": "Tên",
    "person\x04e.g. Lan": "Ví dụ: Lan",
    "User guides": "Hướng dẫn sử dụng",
    "User guide": "Hướng dẫn sử dụng",
    "Guides for other roles": "Hướng dẫn cho các vai trò khác",
    "Guides for each role": "Hướng dẫn cho từng vai trò",
    "commune and week": "xã và tuần",
    # Wagtail's msgids in the project's copies of its templates: Wagtail's own Vietnamese.
    "This is your dashboard on which helpful information about content you've created will be displayed.": "Đây là trang tổng quan của bạn, nơi hiển thị thông tin hữu ích về nội dung bạn đã tạo.",
    "Account": "Tài khoản",
    "Unknown": "Chưa xác định",
}
