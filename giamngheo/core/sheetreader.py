"""Stream the rows of a workbook's first worksheet, in flat memory.

Why not openpyxl's read-only mode: with ``defusedxml`` installed (Willow
needs it) openpyxl parses with a pure-Python XML parser, and it reads a
sheet without a ``<dimension>`` twice; a 100,000-row file took minutes.  This
reads the sheet once with the C parser of ``xml.etree`` (expat ≥ 2.4 refuses
entity amplification, and ``xml.etree`` never fetches external entities), and
each row is dropped once read.  The cell values are openpyxl's (its rules for
number, date, shared-string, inline-string, boolean and error cells, with the
cached value of a formula), so the import's parsers see the same values.

Its size is known before any row is parsed: the sheet's ``<dimension>`` when
it has one (Excel and LibreOffice write it), else its ``<row`` tags counted in
the raw bytes (openpyxl's streaming writer leaves the dimension out).
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH, from_excel, from_ISO8601

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
ROW, CELL, VALUE, INLINE, TEXT, RUN = (f"{MAIN}{t}" for t in ("row", "c", "v", "is", "t", "r"))


class SheetError(ValueError):
    """The file is not a workbook this can read (not a zip, a part missing, bad XML)."""


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id → (type, path in the archive)."""
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", f"{name}.rels")
    if path not in archive.namelist():
        return {}
    found = {}
    for rel in ET.fromstring(archive.read(path)).iter(f"{RELS}Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[rel.get("Id")] = (rel.get("Type", ""), posixpath.normpath(target))
    return found


def _text(element: ET.Element) -> str:
    """A shared or inline string: its text, or its rich-text runs joined (no phonetics)."""
    parts = []
    for child in element:
        if child.tag == TEXT:
            parts.append(child.text or "")
        elif child.tag == RUN:
            parts.extend(t.text or "" for t in child.iter(TEXT))
    return "".join(parts)


class Sheet:
    """The first worksheet of the workbook ``source`` (a binary file or its bytes)."""

    def __init__(self, source: IO[bytes]):
        try:
            self.archive = zipfile.ZipFile(source)
            office = _relations(self.archive, "")
            book = next(p for t, p in office.values() if t.endswith("/officeDocument"))
            parts = _relations(self.archive, book)
            root = ET.fromstring(self.archive.read(book))
            properties = root.find(f"{MAIN}workbookPr")
            date1904 = properties is not None and properties.get("date1904") in ("1", "true")
            self.epoch = CALENDAR_MAC_1904 if date1904 else WINDOWS_EPOCH
            self.path = next(
                parts[s.get(REL_ID)][1]
                for s in root.iter(f"{MAIN}sheet")
                if parts.get(s.get(REL_ID), ("", ""))[0].endswith("/worksheet")
            )
            self.strings = self._strings(parts)
            self.dates, self.durations = self._date_styles(parts)
            self.xml_bytes = self.archive.getinfo(self.path).file_size
            self.max_row = self._dimension() or self._count_rows()
        except (zipfile.BadZipFile, KeyError, StopIteration, ET.ParseError, OSError) as error:
            raise SheetError(str(error)) from error

    def _part(self, parts: dict, kind: str) -> str | None:
        return next((p for t, p in parts.values() if t.endswith(kind)), None)

    def _strings(self, parts: dict) -> list[str]:
        path = self._part(parts, "/sharedStrings")
        if path is None:
            return []
        strings = []
        with self.archive.open(path) as xml:
            for _event, element in ET.iterparse(xml):
                if element.tag == f"{MAIN}si":
                    strings.append(_text(element))
                    element.clear()
        return strings

    def _date_styles(self, parts: dict) -> tuple[set[int], set[int]]:
        """The cell styles whose number format shows a date, and those showing a duration."""
        path = self._part(parts, "/styles")
        if path is None:
            return set(), set()
        root = ET.fromstring(self.archive.read(path))
        formats = dict(BUILTIN_FORMATS)
        for fmt in root.iter(f"{MAIN}numFmt"):
            formats[int(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
        dates, durations = set(), set()
        xfs = root.find(f"{MAIN}cellXfs")
        for index, xf in enumerate([] if xfs is None else xfs.iter(f"{MAIN}xf")):
            code = formats.get(int(xf.get("numFmtId", 0)), "")
            if code and is_date_format(code):
                dates.add(index)
                if is_timedelta_format(code):
                    durations.add(index)
        return dates, durations

    def _dimension(self) -> int | None:
        """The last row the sheet says it uses, read before its first row; None if unsaid."""
        with self.archive.open(self.path) as xml:
            for _event, element in ET.iterparse(xml, events=("start",)):
                if element.tag == f"{MAIN}dimension":
                    ref = element.get("ref", "")
                    try:
                        return range_boundaries(ref if ":" in ref else f"{ref}:{ref}")[3]
                    except (ValueError, TypeError):
                        return None
                if element.tag == f"{MAIN}sheetData":
                    return None
        return None

    def _count_rows(self) -> int:
        """The ``<row`` tags of the sheet, counted in its bytes without parsing them."""
        count, tail = 0, b""
        with self.archive.open(self.path) as xml:
            while chunk := xml.read(1 << 18):
                data = tail + chunk
                count += data.count(b"<row ") + data.count(b"<row>")
                tail = data[-4:]  # a tag cut by the chunk's end is counted with the next
        return count

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(row number, values by column) for each row the sheet holds, in order."""
        columns: dict[str, int] = {}
        number = 0
        try:
            with self.archive.open(self.path) as xml:
                data = None
                for event, element in ET.iterparse(xml, events=("start", "end")):
                    if event == "start":
                        if data is None and element.tag == f"{MAIN}sheetData":
                            data = element
                        continue
                    if element.tag != ROW:
                        continue
                    number = int(element.get("r") or number + 1)
                    values: list[Any] = []
                    for cell in element.iter(CELL):
                        ref = cell.get("r")
                        if ref:
                            letters = ref.rstrip("0123456789")
                            if letters not in columns:
                                columns[letters] = column_index_from_string(letters) - 1
                            index = columns[letters]
                        else:
                            index = len(values)
                        values.extend([None] * (index + 1 - len(values)))
                        values[index] = self._value(cell)
                    yield number, values
                    element.clear()
                    if data is not None:
                        data.remove(element)  # the row read is dropped: memory stays flat
        except ET.ParseError as error:
            raise SheetError(str(error)) from error

    def _value(self, cell: ET.Element) -> Any:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(INLINE)
            return None if inline is None else _text(inline)
        value = cell.findtext(VALUE) or None
        if value is None:
            return None
        if kind == "n":
            number = float(value) if "." in value or "E" in value or "e" in value else int(value)
            style = int(cell.get("s") or 0)
            if style in self.dates:
                try:
                    return from_excel(number, self.epoch, timedelta=style in self.durations)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # "str" (a formula's text) and "e" (an error such as #N/A)

    def close(self) -> None:
        self.archive.close()
