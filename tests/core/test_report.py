"""The progress report people would rather look at: inline SVG (a bar per phase, the
applications per status, the letters due per week), tables with headings, the same numbers in
text for screen readers and in the Markdown report, and a page that prints on A4."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest

from hr_wizard import report

from ..helpers import CHROMIUM_FLAGS, artefacts, chromium, seeded_report

DAY = dt.date(2026, 11, 25)  # a Wednesday in week 48
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.both_backends
def test_letters_due_are_counted_per_week_with_the_late_ones_apart(db_path, content):
    from hr_wizard.store import Store

    seeded_report(db_path, DAY)
    store = Store.open(str(db_path))
    try:
        data = report.gather(store, store.get_project(), content, DAY)
    finally:
        store.close()
    monday = dt.date(2026, 11, 23)
    assert data.letters_late == 1
    # Wednesday + 1 and + 4 (Sunday): this week; + 5 (Monday): the next; + 12: the one after; + 40: Monday 4 January,
    # six weeks on; + 70: after the strip.
    assert data.letter_weeks == tuple((monday + dt.timedelta(weeks=w), n) for w, n in enumerate((2, 1, 1, 0, 0, 0, 1, 0)))

    md = report.markdown(data, content)
    assert "<svg" not in md
    letters = md.split(content.text("report_letters_title", weeks=8))[1]
    assert "- te laat: 1\n" in letters
    assert "- week 48 (vanaf 23-11-2026): 2\n" in letters and "- week 49 (vanaf 30-11-2026): 1\n" in letters


@pytest.mark.both_backends
def test_the_html_report_has_pictures_with_their_numbers_in_text_and_headed_tables(db_path, content):
    from hr_wizard.store import Store

    seeded_report(db_path, DAY)
    store = Store.open(str(db_path))
    try:
        page = report.render(store, store.get_project(), content, "html", DAY)
        md = report.render(store, store.get_project(), content, "md", DAY)
    finally:
        store.close()
    assert not re.search(r"<link|<script|<img|src=|href=|url\(|@import|xlink", page, re.IGNORECASE)  # nothing to load
    assert "@page" in page and "size: A4" in page

    svgs = re.findall(r"<svg\b[^>]*>.*?</svg>", page, re.DOTALL)
    assert len(svgs) == len(content.parts) + 2  # a bar per phase, the statuses, the letters per week
    for svg in svgs:
        assert 'role="img"' in svg and re.search(r'aria-label="[^"]*\d', svg) and "<title>" in svg
    first = content.parts[0]
    assert f'aria-label="{first.title}: 1 van {len(first.steps)} stappen klaar"' in page
    statuses = next(svg for svg in svgs if "wacht op brief" in svg)
    assert re.search(r'aria-label="[^"]*wacht op brief: 6[^"]*brief te laat: 1[^"]*actief: 1', statuses)

    tables = re.findall(r"<table\b.*?</table>", page, re.DOTALL)
    assert tables
    for table in tables:
        assert re.search(r"<thead>\s*<tr>(\s*<th scope=\"col\"[^>]*>[^<]+</th>)+\s*</tr>\s*</thead>", table), table[:200]
    weeks = next(table for table in tables if '<th scope="col">Week</th>' in table)
    assert '<th scope="col">te laat</th><th scope="col">wk 48</th><th scope="col">wk 49</th>' in weeks
    assert "<td></td><td>23-11</td><td>30-11</td>" in weeks
    assert re.search(r'<th scope="row">Brieven</th>' + "".join(rf"<td[^>]*>{n}</td>" for n in (1, 2, 1, 1, 0, 0, 0, 1, 0)), weeks)

    for words, count in (("wacht op brief", 6), ("brief te laat", 1), ("actief", 1), ("nog aanvragen", 1)):
        assert f"- {words}: {count}" in md


def test_the_html_report_prints_on_a4(tmp_path, content):
    """Chromium prints the report to PDF (as a browser's Print does): A4 pages, the overview on
    the first page and the details after it."""
    browser = chromium()
    db_path = tmp_path / "db.sqlite"
    seeded_report(db_path, DAY)
    from hr_wizard.store import Store

    store = Store.open(str(db_path))
    html_file = tmp_path / "rapport.html"
    html_file.write_text(report.render(store, store.get_project(), content, "html", DAY), encoding="utf-8")
    store.close()
    pdf = artefacts(tmp_path) / "rapport.pdf"
    common = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer"]
    subprocess.run([*common, f"--print-to-pdf={pdf}", html_file.as_uri()], check=True, capture_output=True, timeout=90)
    raw = pdf.read_bytes()
    pages = re.findall(rb"/Type\s*/Page\b", raw)
    boxes = {tuple(round(float(v)) for v in box) for box in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", raw)}
    assert boxes == {(595, 842)}  # A4 in points, 210 x 297 mm
    assert len(pages) == 3

    picture = artefacts(tmp_path) / "report.png"
    subprocess.run([*common, "--hide-scrollbars", "--window-size=900,1180", f"--screenshot={picture}", html_file.as_uri()],
                   check=True, capture_output=True, timeout=90)
    assert picture.read_bytes().startswith(b"\x89PNG")
    if os.environ.get("HR_WIZARD_UPDATE_DOCS") == "1":  # the README's picture, on purpose only
        (ROOT / "docs" / "report.png").write_bytes(picture.read_bytes())
