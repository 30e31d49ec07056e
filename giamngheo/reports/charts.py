"""Bar charts as inline SVG, drawn in Python from a ``Chart``: the PDF runs no JavaScript."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from giamngheo.core.figures import number

from .sections import Chart

COLOURS = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0"]
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 28, 58


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10.0 * magnitude


def _number(value: float) -> str:
    """As the tables write it (``core.figures``): 1.234,5; 80; never -0,0."""
    return number(value)


def bar_chart_svg(chart: Chart) -> SafeString:
    """Grouped vertical bars, one group per label, with axis, values and a legend."""
    series = list(chart.series.items())
    values = [v for _name, points in series for v in points if v is not None]
    top = _nice_max(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    groups = max(1, len(chart.labels))
    group_w = plot_w / groups
    bar_w = min(36.0, group_w * 0.8 / max(1, len(series)))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(chart.title)}" '
        'font-family="Tinos, serif" font-size="11">'
    ]
    for i in range(5):
        value = top * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">{_number(value)}</text>'
        )
    for g, label in enumerate(chart.labels):
        x0 = LEFT + g * group_w + (group_w - bar_w * len(series)) / 2
        for s, (_name, points) in enumerate(series):
            value = points[g] if g < len(points) and points[g] is not None else 0
            h = plot_h * value / top
            x, y = x0 + s * bar_w, TOP + plot_h - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS[s % len(COLOURS)]}"/>'
            )
            if groups * len(series) <= 24:
                parts.append(
                    f'<text x="{x + bar_w / 2 - 1:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                    f'font-size="9">{_number(value)}</text>'
                )
        cx = LEFT + g * group_w + group_w / 2
        text = escape(label if len(label) <= 22 else label[:21] + "…")
        if groups > 6:
            parts.append(
                f'<text x="{cx:.1f}" y="{TOP + plot_h + 12}" text-anchor="end" '
                f'transform="rotate(-35 {cx:.1f} {TOP + plot_h + 12})">{text}</text>'
            )
        else:
            parts.append(
                f'<text x="{cx:.1f}" y="{TOP + plot_h + 14}" text-anchor="middle">{text}</text>'
            )
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        'stroke="#333"/>'
    )
    x = LEFT
    for s, (name, _points) in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="6" width="10" height="10" fill="{COLOURS[s % len(COLOURS)]}"/>'
            f'<text x="{x + 14}" y="15">{escape(name)}</text>'
        )
        x += 24 + 6 * len(name)
    parts.append("</svg>")
    # Every text above is escaped; the rest is our own markup.
    return mark_safe("".join(parts))
