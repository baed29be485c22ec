"""The project's status report, as Markdown (to paste into a mail) or one self-contained
HTML file (prints well). Gathers from the store, words from the content file.

Never imports Textual.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hr_wizard import terugmelding as tm
from hr_wizard.applications import STATUSES
from hr_wizard.inventory import SOURCE_DONE
from hr_wizard.summaries import STEP_MARKS, processes_line
from hr_wizard.validation import format_date

if TYPE_CHECKING:
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


def gather(store: Store, project: Project, content: Content, day: dt.date | None = None) -> ReportData:
    day = day or dt.date.today()
    t, a = content.text, content.text
    progress = store.step_progress(project.id)
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
    applications = tuple((a(f"status_{s}"), store.roster_count(project.id, status=s, today=day)) for s in STATUSES)
    overdue = tuple((row.naam, row.team, format_date(row.letter_due))
                    for row in store.roster_page(project.id, status="late", sort="letter_due", limit=10_000, today=day))
    processes = store.processes(project.id)
    counts = store.terugmelding_counts(project.id)
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
        preparation=_preparation_record(store.get_preparation(project.id), content),
        lifecycle=_lifecycle_lines(store, project, content, day),
        processes_line=processes_line(sum(1 for p in processes if p.source == SOURCE_DONE), len(processes), t),
    )


def _lifecycle_lines(store: Store, project: Project, content: Content, day: dt.date) -> tuple[str, ...]:
    settings, t = content.settings, content.text
    totals = store.roster_totals(project.id, settings["bewaartermijn_maanden"], day, settings["toegang_controle_maanden"])
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
    if data.overdue:
        out += [t("report_overdue"), ""]
        out += [f"- {naam} ({team}), {t('report_due')} {due}" for naam, team, due in data.overdue]
        out.append("")
    out += [f"## {t('report_processes')}", "", data.processes_line, ""]
    out += [f"- {naam}: {source}" + (f", {t('proc_switch_short')} {switch}" if switch else "") for naam, source, switch in data.processes]
    out += ["", f"## {t('report_terugmeldingen')}", ""]
    out += [f"- {status}: {count}" for status, count in data.terugmeldingen if count] or [f"- {t('tm_none')}"]
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.4; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #999; margin-top: 1.6rem; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #bbb; padding: .2rem .4rem; text-align: left; vertical-align: top; }
.mark { font-family: monospace; white-space: pre; } .note { color: #333; font-style: italic; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def html_page(data: ReportData, content: Content) -> str:
    """One file, no external resources: inline CSS, no scripts, no images, no links to load."""
    t = content.text
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(t('report_title', gemeente=data.gemeente))}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{e(t('report_title', gemeente=data.gemeente))}</h1>",
           f"<p>{e(t('report_date', date=format_date(data.day)))}<br>{e(t('progress', done=data.done, total=data.total))}</p>"]
    for part in data.parts:
        out.append(f"<h2>{e(part.title)} ({part.done}/{part.total})</h2><table>")
        for step in part.steps:
            note = f'<div class="note">{e(step.note)}</div>' if step.note else ""
            out.append(f'<tr><td class="mark">{e(step.mark)}</td><td>{e(step.title)}{note}</td><td>{e(step.status)}</td></tr>')
        out.append("</table>")
        if part.key == "fase1" and data.preparation:
            out.append(f"<p>{e(t('prep_record'))}</p><table>")
            out += [f"<tr><td>{e(label)}</td><td>{e(value)}</td></tr>" for label, value in data.preparation]
            out.append("</table>")
    out.append(f"<h2>{e(t('report_applications'))}</h2><table>")
    out += [f"<tr><td>{e(status)}</td><td>{count}</td></tr>" for status, count in data.applications]
    out.append("</table>")
    out += [f"<p>{e(line)}</p>" for line in data.lifecycle]
    if data.overdue:
        out.append(f"<p>{e(t('report_overdue'))}</p><table>")
        out += [f"<tr><td>{e(naam)}</td><td>{e(team)}</td><td>{e(t('report_due'))} {e(due)}</td></tr>" for naam, team, due in data.overdue]
        out.append("</table>")
    out.append(f"<h2>{e(t('report_processes'))}</h2>")
    out.append(f"<p>{e(data.processes_line)}</p><table>")
    out += [f"<tr><td>{e(naam)}</td><td>{e(source)}</td><td>{e(switch)}</td></tr>" for naam, source, switch in data.processes]
    out.append("</table>")
    out.append(f"<h2>{e(t('report_terugmeldingen'))}</h2><table>")
    out += [f"<tr><td>{e(status)}</td><td>{count}</td></tr>" for status, count in data.terugmeldingen]
    out += ["</table>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def render(store: Store, project: Project, content: Content, fmt: str = "md", day: dt.date | None = None) -> str:
    data = gather(store, project, content, day)
    return html_page(data, content) if fmt == "html" else markdown(data, content)
