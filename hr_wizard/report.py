"""The project's status report, as Markdown (to paste into a mail) or one self-contained
HTML file with inline pictures (prints on A4). Gathers from the store, words from the content file.

Never imports Textual.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hr_wizard import charts
from hr_wizard import terugmelding as tm
from hr_wizard.applications import STATUSES
from hr_wizard.inventory import SOURCE_DONE
from hr_wizard.rows import row_id
from hr_wizard.summaries import STEP_MARKS, processes_line
from hr_wizard.validation import format_date

if TYPE_CHECKING:
    from collections.abc import Callable

    from hr_wizard.content import Content
    from hr_wizard.models import Preparation, Project
    from hr_wizard.store import Store



@dataclass(frozen=True)
class StepLine:
    title: str
    status: str  # the status in words
    mark: str
    note: str


@dataclass(frozen=True)
class PartBlock:
    key: str
    title: str
    done: int
    total: int
    steps: tuple[StepLine, ...]


@dataclass(frozen=True)
class ReportData:
    gemeente: str
    day: dt.date
    done: int
    total: int
    parts: tuple[PartBlock, ...]
    applications: tuple[tuple[str, int], ...]  # (status in words, count)
    overdue: tuple[tuple[str, str, str], ...]  # (naam, team, due date)
    processes_done: int
    processes_total: int
    processes: tuple[tuple[str, str, str], ...]  # (naam, bron, overstap)
    terugmeldingen: tuple[tuple[str, int], ...]  # (status in words, count)
    preparation: tuple[tuple[str, str], ...] = ()  # Fase 1's record: (label, value), only what is filled in
    lifecycle: tuple[str, ...] = ()  # accounts to act on: code still to revoke, access review due
    processes_line: str = ""
    letters_late: int = 0  # awaited toegangscodes past their due date
    letter_weeks: tuple[tuple[dt.date, int], ...] = ()  # (Monday of the week, letters due from `day` on), LETTER_WEEKS of them


LETTER_WEEKS = 8  # the strip of letters due: this week and the seven after it


def letters_per_week(by_day: dict[dt.date, int], day: dt.date, weeks: int = LETTER_WEEKS) -> tuple[int, tuple[tuple[dt.date, int], ...]]:
    """(letters past their due date, letters due per week from this week's Monday on, counting from `day`)."""
    monday = day - dt.timedelta(days=day.weekday())
    late = sum(count for due, count in by_day.items() if due < day)
    per_week = tuple((monday + dt.timedelta(weeks=w),
                      sum(count for due, count in by_day.items() if due >= day and (due - monday).days // 7 == w))
                     for w in range(weeks))
    return late, per_week


def gather(store: Store, project: Project, content: Content, day: dt.date | None = None) -> ReportData:
    day = day or dt.date.today()
    t, a = content.text, content.text
    project_id = row_id(project)
    progress = store.step_progress(project_id)
    parts, done_all = [], 0
    for part in content.parts:
        lines = []
        for step in part.steps:
            row = progress.get(step.key)
            status = row.status if row else "todo"
            lines.append(StepLine(step.title, t(f"status_{status}"), STEP_MARKS[status], row.note if row else ""))
        done = sum(1 for line in lines if line.mark == STEP_MARKS["done"])
        done_all += done
        parts.append(PartBlock(part.key, part.title, done, len(lines), tuple(lines)))
    applications = tuple((a(f"status_{s}"), store.roster_count(project_id, status=s, today=day)) for s in STATUSES)
    overdue = tuple((row.naam, row.team, format_date(row.letter_due) if row.letter_due else "")  # late: always a due date
                    for row in store.roster_page(project_id, status="late", sort="letter_due", limit=10_000, today=day))
    processes = store.processes(project_id)
    counts = store.terugmelding_counts(project_id)
    monday = day - dt.timedelta(days=day.weekday())
    late, weeks = letters_per_week(store.awaited_letters_by_day(project_id, monday + dt.timedelta(weeks=LETTER_WEEKS)), day)
    return ReportData(
        gemeente=project.gemeente,
        day=day,
        done=done_all,
        total=len(content.steps),
        parts=tuple(parts),
        applications=applications,
        overdue=overdue,
        processes_done=sum(1 for p in processes if p.source == SOURCE_DONE),
        processes_total=len(processes),
        processes=tuple((p.naam, t(f"source_{p.source}"), format_date(p.switch_on) if p.switch_on else "") for p in processes),
        terugmeldingen=tuple((t(f"tm_status_{s}"), counts.get(s, 0)) for s in tm.STATUSES),
        preparation=_preparation_record(store.get_preparation(project_id), content),
        lifecycle=_lifecycle_lines(store, project, content, day),
        processes_line=processes_line(sum(1 for p in processes if p.source == SOURCE_DONE), len(processes), t),
        letters_late=late,
        letter_weeks=weeks,
    )


def _lifecycle_lines(store: Store, project: Project, content: Content, day: dt.date) -> tuple[str, ...]:
    settings, t = content.settings, content.text
    totals = store.roster_totals(row_id(project), settings["bewaartermijn_maanden"], day, settings["toegang_controle_maanden"])
    lines = []
    if totals.offboarding_open:
        lines.append(t("report_offboarding_open", count=totals.offboarding_open))
    if totals.reviews_due:
        lines.append(t("report_reviews_due", count=totals.reviews_due, months=settings["toegang_controle_maanden"]))
    return tuple(lines)


def _preparation_record(prep: Preparation, content: Content) -> tuple[tuple[str, str], ...]:
    """Fase 1's record as the report shows it: date sent, contactpersoon, the choice about
    terugmelden and whether the gemeente was already connected."""
    t = content.text
    contact = " ".join(part for part in (prep.contact_naam, f"({prep.contact_email})" if prep.contact_email else "") if part)
    lines = [
        (t("prep_sent_on_short"), format_date(prep.sent_on) if prep.sent_on else ""),
        (t("prep_contact_naam"), contact),
        (t("prep_choice_short"), t(f"answer_{prep.terugmelden}") if prep.terugmelden else ""),
        (t("prep_existing_short"), t(f"answer_{prep.existing_connection}") if prep.existing_connection else ""),
    ]
    return tuple((label, value) for label, value in lines if value)


def markdown(data: ReportData, content: Content) -> str:
    t = content.text
    out = [f"# {t('report_title', gemeente=data.gemeente)}", "",
           t("report_date", date=format_date(data.day)), "",
           t("progress", done=data.done, total=data.total), ""]
    for part in data.parts:
        out += [f"## {part.title} ({part.done}/{part.total})", ""]
        for step in part.steps:
            out.append(f"- {step.mark} {step.title}: {step.status}")
            if step.note:
                out += [f"  {line}" for line in step.note.splitlines()]
        out.append("")
        if part.key == "fase1" and data.preparation:
            out += [f"{t('prep_record')}:", ""] + [f"- {label}: {value}" for label, value in data.preparation] + [""]
    out += [f"## {t('report_applications')}", ""]
    out += [f"- {status}: {count}" for status, count in data.applications]
    out += [f"- {line}" for line in data.lifecycle]
    out.append("")
    out += [f"{t('report_letters_title', weeks=len(data.letter_weeks))}:", ""]
    out += [f"- {label}: {count}" for label, count, _ in _letter_rows(data, content)] + [""]
    if data.overdue:
        out += [t("report_overdue"), ""]
        out += [f"- {naam} ({team}), {t('report_due')} {due}" for naam, team, due in data.overdue]
        out.append("")
    out += [f"## {t('report_processes')}", "", data.processes_line, ""]
    out += [f"- {naam}: {source}" + (f", {t('proc_switch_short')} {switch}" if switch else "") for naam, source, switch in data.processes]
    out += ["", f"## {t('report_terugmeldingen')}", ""]
    out += [f"- {status}: {count}" for status, count in data.terugmeldingen if count] or [f"- {t('tm_none')}"]
    return "\n".join(out).rstrip() + "\n"


def _letter_rows(data: ReportData, content: Content, short: bool = False) -> list[tuple[str, int, bool]]:
    """The strip of letters due: the late ones, then one row per week (label, count, late?)."""
    t = content.text
    key = "report_week_short" if short else "report_week"
    return [(t("report_letters_late"), data.letters_late, True)] + [
        (t(key, number=monday.isocalendar().week, date=format_date(monday)), count, False) for monday, count in data.letter_weeks]


_CSS = """
@page { size: A4; margin: 15mm 16mm; }
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.4;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 1.6rem; margin-bottom: .3rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #999; margin-top: 1.6rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; }
td, th { border: 1px solid #bbb; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #edf2f7; } td.count, th.count { text-align: right; width: 6rem; }
table.weeks { table-layout: fixed; font-size: .85rem; } table.weeks td, table.weeks thead th { text-align: center; width: auto; }
table.weeks th:first-child { width: 5rem; }
.mark { font-family: monospace; white-space: pre; } .note { color: #333; font-style: italic; }
.phases { display: grid; grid-template-columns: minmax(12rem, 1fr) 2fr 4.5rem; gap: .35rem .8rem; align-items: center; margin: .6rem 0; }
.phases .count { text-align: right; white-space: nowrap; }
svg.bar { width: 100%; height: .8rem; display: block; } svg.stack { width: 100%; height: 1.6rem; display: block; }
svg.strip { width: 100%; max-width: 36rem; height: auto; display: block; }
figure { margin: .8rem 0 1.2rem; } figcaption { font-weight: bold; margin-bottom: .4rem; }
.legend { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .35rem; vertical-align: -.05rem; border: 1px solid #fff; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  .details { break-before: page; }
  h2, h3, figcaption { break-after: avoid; } tr, figure, .phases { break-inside: avoid; }
}
"""


def _table(headings: tuple[str, ...], rows: list[str], e: Callable[[str], str], counts: bool = False) -> list[str]:
    """A table with its column headings (read out by screen readers with every cell); with
    `counts` the last column holds numbers."""
    cells = [f'<th scope="col">{e(heading)}</th>' for heading in headings]
    if counts:
        cells[-1] = cells[-1].replace('<th scope="col">', '<th scope="col" class="count">')
    head = "".join(cells)
    return ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>", "</table>"]


def _glance(data: ReportData, content: Content, e: Callable[[str], str]) -> list[str]:
    """The first page: a bar per phase, the applications per status, the letters due per week."""
    t = content.text
    out = [f'<section class="glance"><h2>{e(t("report_glance"))}</h2>', '<div class="phases">']
    for part in data.parts:
        label = t("report_chart_phase", part=part.title, done=part.done, total=part.total)
        out.append(f"<span>{e(part.title)}</span>{charts.progress_bar(part.done, part.total, label)}"
                   f'<span class="count">{part.done} / {part.total}</span>')
    out.append("</div>")
    counts = [(code, count) for code, (_, count) in zip(STATUSES, data.applications, strict=True)]
    described = ", ".join(f"{words}: {count}" for words, count in data.applications)
    title = t("report_applications")
    out += ["<figure>", f"<figcaption>{e(title)}</figcaption>", charts.stacked_bar(counts, f"{title}: {described}"),
            '<ul class="legend">']
    out += [f'<li><span class="swatch" style="background:{charts.STATUS_COLOURS[code]}"></span>{e(words)}: {count}</li>'
            for code, (words, count) in zip(STATUSES, data.applications, strict=True)]
    out += ["</ul>", "</figure>"]
    title = t("report_letters_title", weeks=len(data.letter_weeks))
    short = _letter_rows(data, content, short=True)
    label = f"{title}: " + ", ".join(f"{name} {count}" for name, count, _ in _letter_rows(data, content))
    out += ["<figure>", f"<figcaption>{e(title)}</figcaption>", charts.column_strip(short, label)]
    # The same numbers as a table: one column per week, its first day and its letters below.
    head = "".join(f'<th scope="col">{e(name)}</th>' for name, _, _ in short)
    days = "".join(f"<td>{monday:%d-%m}</td>" for monday, _ in data.letter_weeks)
    letters = "".join(f'<td class="count">{count}</td>' for _, count, _ in short)
    out += ['<table class="weeks">', f'<thead><tr><th scope="col">{e(t("report_col_week"))}</th>{head}</tr></thead>', "<tbody>",
            f'<tr><th scope="row">{e(t("report_col_from"))}</th><td></td>{days}</tr>',
            f'<tr><th scope="row">{e(t("report_col_letters"))}</th>{letters}</tr>', "</tbody>", "</table>"]
    out += ["</figure>", "</section>"]
    return out


def html_page(data: ReportData, content: Content) -> str:
    """One file, no external resources: inline CSS and SVG, no scripts, no links to load. The first
    page shows progress at a glance; the details follow on the next page when printed (A4)."""
    t = content.text
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(t('report_title', gemeente=data.gemeente))}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{e(t('report_title', gemeente=data.gemeente))}</h1>",
           f"<p>{e(t('report_date', date=format_date(data.day)))}<br>{e(t('progress', done=data.done, total=data.total))}</p>"]
    out += _glance(data, content, e)
    out.append('<section class="details">')
    for part in data.parts:
        out.append(f"<h2>{e(part.title)} ({part.done}/{part.total})</h2>")
        rows = []
        for step in part.steps:
            note = f'<div class="note">{e(step.note)}</div>' if step.note else ""
            rows.append(f'<tr><td>{e(step.title)}{note}</td><td><span class="mark">{e(step.mark)}</span> {e(step.status)}</td></tr>')
        out += _table((t("report_col_step"), t("report_col_status")), rows, e)
        if part.key == "fase1" and data.preparation:
            out.append(f"<h3>{e(t('prep_record'))}</h3>")
            out += _table((t("report_col_item"), t("report_col_value")),
                          [f"<tr><td>{e(label)}</td><td>{e(value)}</td></tr>" for label, value in data.preparation], e)
    out.append(f"<h2>{e(t('report_applications'))}</h2>")
    out += _table((t("report_col_status"), t("report_col_count")),
                  [f'<tr><td>{e(status)}</td><td class="count">{count}</td></tr>' for status, count in data.applications], e, True)
    out += [f"<p>{e(line)}</p>" for line in data.lifecycle]
    if data.overdue:
        out.append(f"<h3>{e(t('report_overdue'))}</h3>")
        out += _table((t("roster_col_naam"), t("roster_col_team"), t("roster_col_due")),
                      [f"<tr><td>{e(naam)}</td><td>{e(team)}</td><td>{e(due)}</td></tr>" for naam, team, due in data.overdue], e)
    out.append(f"<h2>{e(t('report_processes'))}</h2>")
    out.append(f"<p>{e(data.processes_line)}</p>")
    if data.processes:
        out += _table((t("report_col_process"), t("report_col_source"), t("report_col_switch")),
                      [f"<tr><td>{e(naam)}</td><td>{e(source)}</td><td>{e(switch)}</td></tr>"
                       for naam, source, switch in data.processes], e)
    out.append(f"<h2>{e(t('report_terugmeldingen'))}</h2>")
    out += _table((t("report_col_status"), t("report_col_count")),
                  [f'<tr><td>{e(status)}</td><td class="count">{count}</td></tr>' for status, count in data.terugmeldingen], e, True)
    out += ["</section>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def render(store: Store, project: Project, content: Content, fmt: str = "md", day: dt.date | None = None) -> str:
    data = gather(store, project, content, day)
    return html_page(data, content) if fmt == "html" else markdown(data, content)
