from giamngheo.core.text import collation_string, fold


def test_fold_removes_accents_and_d_stroke():
    assert fold("Giảm nghèo bền vững") == "giam ngheo ben vung"
    assert fold("Đường  Hòa   Bình") == "duong hoa binh"


def test_collation_follows_the_vietnamese_alphabet():
    names = [
        "Đông Sơn",
        "Zô",
        "Ân Phú",
        "An Hòa",
        "Dương Hòa",
        "Ưu Điềm",
        "Uyên",
        "Hóa Châu",
        "Hòa Châu",
    ]
    assert sorted(names, key=collation_string) == [
        "An Hòa",
        "Ân Phú",
        "Dương Hòa",
        "Đông Sơn",
        "Hòa Châu",
        "Hóa Châu",
        "Uyên",
        "Ưu Điềm",
        "Zô",
    ]


def test_collation_string_sorts_as_plain_text():
    names = ["Bình Điền", "Ân Phú", "Đông Sơn", "A Lưới"]
    assert sorted(names, key=collation_string) == sorted(
        names, key=lambda n: collation_string(n).encode()
    )
