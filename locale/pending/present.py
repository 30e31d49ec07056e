# ruff: noqa: E501
T = {
    "Draft: targets to confirm": "Dự thảo: chỉ tiêu chờ xác nhận",
    "Confirmed": "Đã xác nhận",
    "Draft: the targets were copied from the previous period and wait for the province to confirm them.": "Dự thảo: chỉ tiêu được sao từ giai đoạn trước, chờ tỉnh xác nhận.",
    "The targets of this period are already confirmed.": "Chỉ tiêu của giai đoạn này đã được xác nhận.",
    "The period has no target to confirm: add its targets first.": "Giai đoạn chưa có chỉ tiêu để xác nhận: hãy thêm chỉ tiêu trước.",
    "The targets of %(period)s are confirmed.": "Đã xác nhận chỉ tiêu giai đoạn %(period)s.",
    "Confirm targets": "Xác nhận chỉ tiêu",
    "Edit targets": "Sửa chỉ tiêu",
    "Confirm the targets of %(period)s": "Xác nhận chỉ tiêu giai đoạn %(period)s",
    "These targets were copied from the previous period. Edit any of them in Targets first if the province set other numbers; confirming makes them the period's targets and removes the draft label from the dashboards.": 'Các chỉ tiêu này được sao từ giai đoạn trước. Nếu tỉnh giao số khác, hãy sửa ở mục Chỉ tiêu trước; khi xác nhận, đây là chỉ tiêu chính thức của giai đoạn và trang tổng quan không còn ghi "dự thảo".',
    "Every year of the period": "Mọi năm của giai đoạn",
    "The targets of %(period)s are a draft copied from the previous period: province staff confirm or edit them under Targets and periods.": "Chỉ tiêu giai đoạn %(period)s là dự thảo sao từ giai đoạn trước: cán bộ tỉnh xác nhận hoặc sửa tại mục Chỉ tiêu và giai đoạn.",
    "The targets of %(period)s are provisional: they repeat the previous period's until the province confirms them.": "Chỉ tiêu giai đoạn %(period)s là tạm thời: giữ như giai đoạn trước cho đến khi tỉnh xác nhận.",
    "While the map has districts: a district-level unit. On the two-level map (from 1 July 2025): a commune or ward, or the province for its own plan.": "Khi còn cấp huyện: đơn vị cấp huyện. Trên bản đồ hai cấp (từ ngày 01 tháng 7 năm 2025): xã, phường, hoặc tỉnh cho kế hoạch của tỉnh.",
    "No district exists on the map of this period or year: choose a commune or ward, or the province.": "Bản đồ hành chính của giai đoạn hoặc năm này không còn cấp huyện: hãy chọn xã, phường hoặc tỉnh.",
    "unit": "đơn vị",
}
