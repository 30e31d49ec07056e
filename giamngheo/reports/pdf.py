"""The report as an A4 administrative document (WeasyPrint).

The font is Tinos (metric-compatible with Times New Roman, the font of
Vietnamese administrative documents), from the npm package @fontsource/tinos
that ``scripts/copy_frontend.py`` copies into the static files: the PDF embeds
it and never depends on the fonts of the machine that renders it.
"""

from __future__ import annotations

import atexit
import datetime
import threading
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from giamngheo.core.figures import decimals_needed, number, share_columns

from .charts import bar_chart_svg
from .document import MOTTO, NATIONAL_TITLE, ReportDocument
from .sections import Section, Table, plain

FONT_FAMILY = "Tinos"
# The subsets of the package that Vietnamese text needs, with their unicode ranges
# as @fontsource/tinos declares them.
FONT_SUBSETS = {
    "latin": "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,"
    "U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
    "latin-ext": "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,"
    "U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,"
    "U+2C60-2C7F,U+A720-A7FF",
    "vietnamese": "U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,"
    "U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB",
}
# One family per subset, Vietnamese first: each character comes from the first that
# has it. (One family over the three files, told apart by unicode-range, mixes up
# their glyphs in WeasyPrint's PDF: the files share one internal font name.)
FONT_STACK = ", ".join(f'"{FONT_FAMILY} {s}"' for s in ("vietnamese", "latin", "latin-ext"))
# Every face the styles use: bold italic too ("Nơi nhận:", table titles), or WeasyPrint
# would draw them in the regular italic.
FONT_STYLES = [("400", "normal"), ("700", "normal"), ("400", "italic"), ("700", "italic")]
# Nothing in the page is fetched from the network or the site.
BASE_URL = str(Path(__file__).parent)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]


class FontMissing(RuntimeError):
    pass


def font_faces() -> list[dict[str, str]]:
    faces = []
    for subset, unicode_range in FONT_SUBSETS.items():
        for weight, style in FONT_STYLES:
            name = f"vendor/tinos/tinos-{subset}-{weight}-{style}.woff2"
            found = finders.find(name)
            if not found:
                raise FontMissing(f"{name} is missing: run `make static` (npm @fontsource/tinos)")
            url = Path(found).resolve().as_uri()
            faces.append(
                {
                    "family": f"{FONT_FAMILY} {subset}",
                    "url": url,
                    "weight": weight,
                    "style": style,
                    "range": unicode_range,
                }
            )
    return faces


def format_number(value: float | int, decimals: int | None = None) -> str:
    """Vietnamese figures (``core.figures.number``): 1.234 and 1.234,5, with the decimals
    the value was rounded to (up to two: a poverty rate's 3,52), or ``decimals``."""
    return number(value, decimals_needed(value, 2) if decimals is None else decimals)


def cell(value, share_decimals: int | None = None) -> dict:
    """A table cell's text; in a share column (headed "… (%)") with its decimals."""
    value = plain(value)
    if value is None:
        return {"text": "–", "numeric": True}
    if isinstance(value, bool):
        return {"text": "✓" if value else "", "numeric": False}
    if isinstance(value, int | float):
        return {"text": format_number(value, share_decimals), "numeric": True}
    if isinstance(value, datetime.date):
        return {"text": value.strftime("%d/%m/%Y"), "numeric": False}
    return {"text": str(value), "numeric": False}


def _table(table: Table) -> dict:
    lines = [*table.rows, *([table.totals] if table.totals else [])]
    shares = share_columns(table.headers, [[plain(v) for v in row] for row in lines])

    def cells(row: list) -> list[dict]:
        return [cell(v, shares.get(i)) if v != "" else {"text": ""} for i, v in enumerate(row)]

    return {
        "title": table.title,
        "headers": table.headers,
        "rows": [cells(row) for row in table.rows],
        "totals": cells(table.totals) if table.totals else None,
        "empty_text": table.empty_text,
    }


def render_html(*, document: ReportDocument, sections: list[Section]) -> str:
    parts = [
        {
            "numeral": ROMAN[i] if i < len(ROMAN) else str(i + 1),
            "section": section,
            "tables": [_table(t) for t in section.tables],
            "chart": bar_chart_svg(section.chart)
            if section.chart and section.chart.labels
            else None,
        }
        for i, section in enumerate(sections)
    ]
    return render_to_string(
        "reports/report.html",
        {"document": document, "parts": parts, "national_title": NATIONAL_TITLE, "motto": MOTTO},
    )


# The stylesheet and its twelve font files, loaded once per process and thread
# (WeasyPrint's objects are not shared between threads): loading them took most
# of a report's time (bench/bench_report.py).
_loaded = threading.local()
# Dropped before the interpreter tears WeasyPrint's modules down, which the
# FontConfiguration's own finaliser needs.
atexit.register(lambda: vars(_loaded).clear())


def stylesheet() -> tuple[Any, Any]:
    """The report's ``weasyprint.CSS`` and the ``FontConfiguration`` holding its fonts."""
    if getattr(_loaded, "css", None) is None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        text = render_to_string(
            "reports/report.css", {"fonts": font_faces(), "font_stack": FONT_STACK}
        )
        _loaded.css = CSS(string=text, font_config=fonts, base_url=BASE_URL)
        _loaded.fonts = fonts
    return _loaded.css, _loaded.fonts


def write_pdf(*, document: ReportDocument, sections: list[Section]) -> bytes:
    from weasyprint import HTML

    html = render_html(document=document, sections=sections)
    css, fonts = stylesheet()
    return HTML(string=html, base_url=BASE_URL).write_pdf(stylesheets=[css], font_config=fonts)
