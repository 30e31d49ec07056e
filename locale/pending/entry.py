# ruff: noqa: E501
T = {
    "This activity is already in the register (same unit, kind, title, date).": "Hoạt động này đã có trong sổ (trùng đơn vị, loại, tiêu đề và ngày).",
}
