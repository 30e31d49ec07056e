# ruff: noqa: E501
T = {
    "You have answered this poll. Thank you.": "Bạn đã trả lời cuộc thăm dò này. Cảm ơn bạn.",
    "See the poll": "Xem cuộc thăm dò",
    "portal navigation\x04Menu": "Danh mục",
}
