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


def test_people_sort_by_given_name_then_family_name():
    from giamngheo.core.text import person_sort_string

    names = [
        "Phan Thị Lan",
        "Nguyễn Thị Lan",
        "Trần Văn Anh",
        "Đặng Ngọc Sơn",
        "Võ Thị Thảo",
        "Trần Văn An",
        "Lê Quang Hùng",
        "Hồ Đắc Tuấn",
        "Nguyễn Văn Ân",
    ]
    ordered = sorted(names, key=person_sort_string)
    assert ordered == [
        "Trần Văn An",
        "Trần Văn Anh",
        "Nguyễn Văn Ân",  # â is a letter of its own, after a
        "Lê Quang Hùng",
        "Nguyễn Thị Lan",
        "Phan Thị Lan",
        "Đặng Ngọc Sơn",
        "Võ Thị Thảo",
        "Hồ Đắc Tuấn",
    ]
    # Digits only: the order survives any database collation.
    assert all(person_sort_string(n).isdigit() for n in names)
