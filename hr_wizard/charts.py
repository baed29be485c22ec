"""Small pictures for the HTML report, as inline SVG: no external resources, no scripts. Every
picture is an image with its numbers in its label (role="img", aria-label and a <title>), and
the page shows the same numbers in text beside it, so nothing is told by colour or shape alone.

Pure: strings in, a string out. Never imports Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

# Colours per application status (the legend names each one; the text carries the numbers).
STATUS_COLOURS = {
    "new": "#9aa3ad", "waiting": "#2b6cb0", "late": "#c53030", "letter": "#2c7a7b", "active": "#2f855a", "offboarded": "#4a5568",
}
DONE_COLOUR = "#2f855a"
TRACK_COLOUR = "#e2e8f0"
LATE_COLOUR = "#c53030"
WEEK_COLOUR = "#2b6cb0"


def _open(label: str, width: int, height: int, css_class: str, stretch: bool = False) -> str:
    aspect = ' preserveAspectRatio="none"' if stretch else ""
    return (f'<svg class="{css_class}" viewBox="0 0 {width} {height}"{aspect}'
            f' role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>')


def progress_bar(done: int, total: int, label: str) -> str:
    """A bar filled for the part that is done."""
    width, height = 300, 12
    filled = round(width * done / total) if total else 0
    return (_open(label, width, height, "bar", stretch=True)
            + f'<rect width="{width}" height="{height}" rx="3" fill="{TRACK_COLOUR}"/>'
            + (f'<rect width="{filled}" height="{height}" rx="3" fill="{DONE_COLOUR}"/>' if filled else "")
            + "</svg>")


def stacked_bar(parts: Sequence[tuple[str, int]], label: str) -> str:
    """One bar divided by status (`parts`: status code and count, in the legend's order)."""
    width, height = 600, 24
    total = sum(count for _, count in parts)
    out = [_open(label, width, height, "stack", stretch=True), f'<rect width="{width}" height="{height}" fill="{TRACK_COLOUR}"/>']
    x = 0.0
    for code, count in parts:
        if not count:
            continue
        w = width * count / total
        out.append(f'<rect x="{x:.1f}" width="{w:.1f}" height="{height}" fill="{STATUS_COLOURS.get(code, "#718096")}"'
                   f' stroke="#fff" stroke-width="1"/>')
        x += w
    out.append("</svg>")
    return "".join(out)


def column_strip(columns: Sequence[tuple[str, int, bool]], label: str) -> str:
    """Columns with their count above and their name below (`columns`: name, count, late?)."""
    slot, bar, top, chart, bottom = 64, 40, 18, 90, 22
    width, height = slot * len(columns), top + chart + bottom
    peak = max((count for _, count, _ in columns), default=0) or 1
    out = [_open(label, width, height, "strip"),
           f'<line x1="0" y1="{top + chart}" x2="{width}" y2="{top + chart}" stroke="#a0aec0" stroke-width="1"/>']
    for index, (name, count, late) in enumerate(columns):
        x = index * slot + (slot - bar) / 2
        h = round(chart * count / peak)
        if h:
            out.append(f'<rect x="{x:.0f}" y="{top + chart - h}" width="{bar}" height="{h}" fill="{LATE_COLOUR if late else WEEK_COLOUR}"/>')
        middle = index * slot + slot / 2
        out.append(f'<text x="{middle:.0f}" y="{top + chart - h - 5}" text-anchor="middle" font-size="13"'
                   f' font-weight="bold">{count}</text>')
        out.append(f'<text x="{middle:.0f}" y="{height - 5}" text-anchor="middle" font-size="12">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)
