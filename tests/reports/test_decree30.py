"""The annual report measured on its PDF against Decree 30/2020/NĐ-CP, Phụ lục I.

Read with pdfplumber: each character's font, size and place, the ruled lines.
Lengths in millimetres (1 pt = 25.4/72 mm).
"""

from __future__ import annotations

import io
import itertools
import re

import pdfplumber
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM


def pdf_of(report) -> pdfplumber.PDF:
    report.pdf.open("rb")
    return pdfplumber.open(io.BytesIO(report.pdf.read()))


def style(char) -> tuple[str, bool, bool]:
    """(family, bold, italic) from the embedded font's name, e.g. ABCDEF+Tinos-latin-Bold."""
    name = char["fontname"].split("+", 1)[-1]
    return name.split("-", 1)[0], "Bold" in name, "Italic" in name


def rules(page) -> list[dict]:
    """Ruled lines, drawn as lines or as thin rectangles (a CSS border)."""
    return [*page.lines, *(r for r in page.rects if r["height"] < 1.5)]


def line_of(page, text: str) -> dict:
    for line in page.extract_text_lines(return_chars=True):
        if text in line["text"]:
            return line
    raise AssertionError(f"{text!r} not on the page")


def found(page, text: str) -> list[dict]:
    """The characters of ``text``'s first occurrence on the page (spaces left out)."""
    matches = page.search(text, regex=False, return_chars=True)
    assert matches, f"{text!r} not on the page"
    return [c for c in matches[0]["chars"] if c["text"].strip()]


def chars_of(line: dict, text: str) -> list[dict]:
    start = line["text"].index(text)
    chars = [c for c in line["chars"] if c["text"].strip()]
    # extract_text_lines keeps spaces as characters only where the PDF has them.
    letters = [c for c in text if c.strip()]
    before = len([c for c in line["text"][:start] if c.strip()])
    return chars[before : before + len(letters)]


def assert_run(chars, *, sizes, bold, italic=False):
    assert chars
    for char in chars:
        family, is_bold, is_italic = style(char)
        assert family == "Tinos", char["fontname"]
        assert sizes[0] - 0.05 <= char["size"] <= sizes[1] + 0.05, (char["text"], char["size"])
        assert (is_bold, is_italic) == (bold, italic), (char["text"], char["fontname"])


@pytest.mark.parametrize("key", ["province", "commune"])
def test_the_pages_are_a4_with_the_decrees_margins_and_black_text(decree_reports, key):
    pdf = pdf_of(decree_reports[key])
    for number, page in enumerate(pdf.pages, start=1):
        assert (round(page.width), round(page.height)) == (round(A4[0]), round(A4[1]))
        body = [c for c in page.chars if c["top"] >= TOP - 1]
        assert min(c["x0"] for c in page.chars) >= LEFT - 0.5
        assert max(c["x1"] for c in page.chars) <= A4[0] - RIGHT + 0.5
        assert max(c["bottom"] for c in page.chars) <= A4[1] - BOTTOM + 0.5
        # The page number alone, centred in the top margin, 13-14 pt; none on page 1.
        numbers = [c for c in page.chars if c["bottom"] < TOP]
        if number == 1:
            assert numbers == []
        else:
            assert "".join(c["text"] for c in numbers) == str(number)
            centre = (numbers[0]["x0"] + numbers[-1]["x1"]) / 2
            assert abs(centre - (LEFT + (A4[0] - RIGHT)) / 2) < 1 * MM
            assert_run(numbers, sizes=(13, 14), bold=False)
        for char in body + numbers:
            colour = char["non_stroking_color"]
            assert colour in (None, (0,), [0], (0, 0, 0), [0, 0, 0], 0), (char["text"], colour)


@pytest.mark.parametrize(
    ("key", "date", "body", "symbol"),
    [
        ("province", "Huế, ngày 05 tháng 3 năm 2026", "MỤC TIÊU QUỐC GIA", "/BC-BCĐ"),
        ("commune", "An Cựu, ngày 03 tháng 02 năm 2026", "PHƯỜNG AN CỰU", "/BC-UBND"),
    ],
)
def test_the_header_blocks_have_the_decrees_fonts_and_places(
    decree_reports, key, date, body, symbol
):
    page = pdf_of(decree_reports[key]).pages[0]
    middle = LEFT + 0.44 * (A4[0] - LEFT - RIGHT)
    national_chars = found(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert_run(national_chars, sizes=(12, 13), bold=True)
    assert national_chars[0]["x0"] > middle  # the right-hand block
    motto = found(page, "Độc lập - Tự do - Hạnh phúc")
    assert_run(motto, sizes=(13, 14), bold=True)
    # The motto's line is as long as the motto, just under it.
    width = motto[-1]["x1"] - motto[0]["x0"]
    under_motto = [
        box
        for box in [*page.lines, *page.rects]  # a border: the box's bottom edge
        if abs(box["x1"] - box["x0"] - width) < 2 * MM
        and abs(box["bottom"] - motto[0]["bottom"]) < 3 * MM
    ]
    assert under_motto
    body_chars = found(page, body)
    assert_run(body_chars, sizes=(12, 13), bold=True)
    assert body_chars[-1]["x1"] < middle  # the left-hand block
    dated = found(page, date)
    assert_run(dated, sizes=(13, 14), bold=False, italic=True)
    so, slash = found(page, "Số:"), found(page, symbol)
    assert_run(so + slash, sizes=(13, 13), bold=False)
    assert slash[0]["x0"] - so[-1]["x1"] >= 12 * MM  # room for the registry's number
    title = found(page, "BÁO CÁO")
    assert_run(title, sizes=(13, 14), bold=True)
    centre = (title[0]["x0"] + title[-1]["x1"]) / 2
    assert abs(centre - (LEFT + (A4[0] - RIGHT)) / 2) < 1 * MM
    summary = line_of(page, "Kết quả thực hiện công tác truyền thông")
    assert_run(found(page, "Kết quả thực hiện công tác"), sizes=(13, 14), bold=True)
    # The line under the trích yếu: a third to a half of the line.
    width = summary["x1"] - summary["x0"]
    under = [ln for ln in rules(page) if 0 < ln["top"] - summary["bottom"] < 4 * MM]
    assert under and 1 / 3 <= (under[0]["x1"] - under[0]["x0"]) / width <= 1 / 2


@pytest.mark.parametrize(
    ("key", "titles"),
    [
        ("province", ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]),
        ("commune", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ],
)
def test_the_signature_block_has_the_titles_the_name_and_the_last_paragraph(
    decree_reports, key, titles
):
    pdf = pdf_of(decree_reports[key])
    last = pdf.pages[-1]
    text = last.extract_text()
    assert "Trên đây là báo cáo" in text  # never alone on the last page
    tops = []
    for title in titles:
        chars = found(last, title)
        assert_run(chars, sizes=(13, 14), bold=True)
        tops.append(chars[0]["top"])
    assert tops == sorted(tops)
    assert_run(found(last, "Nguyễn Văn An"), sizes=(13, 14), bold=True)
    assert_run(found(last, "Nơi nhận:"), sizes=(12, 12), bold=True, italic=True)
    assert_run(found(last, "Lưu: VT."), sizes=(11, 11), bold=False)
    assert "Lao động - Thương binh" not in text  # merged on 1 March 2025
    assert "CTMTQG" not in "".join(page.extract_text() for page in pdf.pages)


def test_the_body_text_is_13_pt_with_6_pt_between_paragraphs(decree_reports):
    pdf = pdf_of(decree_reports["province"])
    gaps = []
    for page in pdf.pages:
        lines = [
            line
            for line in page.extract_text_lines(return_chars=True)
            if line["chars"][0]["size"] > 12.9
            and not style(line["chars"][0])[1]
            and line["top"] > TOP
        ]
        for line in lines:
            assert all(12.95 <= c["size"] <= 14.05 for c in line["chars"]), line["text"]
        for above, below in itertools.pairwise(lines):
            if abs(below["x0"] - (LEFT + 10 * MM)) < 1:  # a paragraph's first line
                gaps.append(below["top"] - above["bottom"])
    pitch = 13 * 1.35 - 13  # the leading between two lines of one paragraph
    assert gaps and min(gaps) >= pitch + 5.9, gaps


def test_every_number_in_the_text_is_in_the_tables_beside_it(decree_reports):
    """Each figure a sentence gives is a cell, a total or a count of rows of its part's
    tables, written with the tables' thousands separator (years and dates aside)."""
    from giamngheo.reports import builder
    from giamngheo.reports.pdf import format_number
    from giamngheo.reports.sections import plain

    report = decree_reports["province"]
    scope = builder.report_scope(report.unit)
    for build in builder.section_builders():
        section = build(period=report.period, scope=scope)
        known = {str(report.year), str(report.year - 1), "2021", "2025", "2026", "2030"}
        for table in section.tables:
            known.add(format_number(len(table.rows)))
            # Counts of rows by a column's value ("2 of 3 targets met").
            for column in zip(*table.rows, strict=False):
                for value in set(map(str, column)):
                    known.add(format_number(sum(1 for v in column if str(v) == value)))
            for row in [*table.rows, *([table.totals] if table.totals else [])]:
                for value in map(plain, row):
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        known.add(format_number(value))
                        # Rates in sentences keep two decimals; a fall is said as "giảm 0,63".
                        for shown in (value, abs(value)):
                            known.add(f"{shown:.2f}".replace(".", ","))
                            known.add(format_number(abs(shown)))
                    known.update(re.findall(r"\d[\d.,]*", str(value)))
        for paragraph in section.paragraphs:
            paragraph = re.sub(r"\d{2}/\d{2}/\d{4}", "", paragraph)
            for number in re.findall(r"\d+(?:\.\d{3})*(?:,\d+)?", paragraph):
                assert number in known, (section.key, number, paragraph)
            assert not re.search(r"\d{5,}", paragraph), paragraph  # grouped: 172.581


def test_every_sheet_has_the_header_in_times_new_roman_and_shares_as_shown(decree_reports):
    from openpyxl import load_workbook

    report = decree_reports["province"]
    report.xlsx.open("rb")
    workbook = load_workbook(io.BytesIO(report.xlsx.read()))
    for sheet in workbook.worksheets:
        assert len(sheet.title) <= 31
        values = [sheet.cell(row=row, column=1).value for row in range(1, 7)]
        assert "UBND THÀNH PHỐ HUẾ" in values and "BÁO CÁO" in values, sheet.title
        assert str(values[2]).startswith("Số:\xa0")  # the blank for the number
        motto = [
            c
            for row in sheet.iter_rows(max_row=3)
            for c in row
            if c.value == "Độc lập - Tự do - Hạnh phúc"
        ]
        assert motto and motto[0].font.u == "single" and motto[0].font.b
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.font.name == "Times New Roman", (sheet.title, cell.coordinate)
                if cell.number_format == "0.0%":
                    assert cell.value == round(cell.value, 3), (sheet.title, cell.value)
