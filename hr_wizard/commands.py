"""The command-line subcommands that work on the database without the full-screen app:
status, report, export, import, backup and restore. Output is plain text for scripts and
screen readers; errors go to stderr with a Dutch message and a non-zero exit code."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hr_wizard.rows import row_id
from hr_wizard.texts import text

if TYPE_CHECKING:
    import argparse

    from hr_wizard.content import Content
    from hr_wizard.models import Project
    from hr_wizard.store import Store


STDOUT = "-"  # `-o -`: write to standard output, as most command-line tools do


class CommandError(Exception):
    """Shown as `hr-wizard: <message>`, exit code 1."""


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _progress(label: str):
    def report(count: int) -> None:
        _say(text("cli_progress", what=label, count=count))
    return report


def _open(location: str, gemeente: str = "") -> tuple[Store, Project]:
    """The store and the gemeente to work on: --gemeente, else this user's last, else the only one."""
    from hr_wizard.errors import StoreError
    from hr_wizard.store import Store

    try:
        store = Store.open(location, create=False)  # a command never makes a database
    except StoreError as error:
        raise CommandError(str(error)) from None
    project, projects = store.choose_project(gemeente)
    if project is None:
        store.close()
        if not projects:
            raise CommandError(text("cli_no_project"))
        names = ", ".join(f'"{p.gemeente}"' for p in projects)
        raise CommandError(text("cli_choose_gemeente", names=names) if not gemeente else text("cli_unknown_gemeente", gemeente=gemeente, names=names))
    return store, project


def status(args: argparse.Namespace, location: str, content: Content) -> int:
    from hr_wizard import report

    store, project = _open(location, args.gemeente)
    if args.json or args.check:
        return _status_for_scripts(store, project, content, as_json=args.json, check=args.check)
    data = report.gather(store, project, content)
    t = content.text
    lines = [t("report_title", gemeente=data.gemeente), t("report_date", date=dt.date.today().strftime("%d-%m-%Y")),
             t("progress", done=data.done, total=data.total), ""]
    lines += [f"{part.title}: {part.done}/{part.total}" for part in data.parts]
    lines += ["", t("report_applications") + ":"]
    lines += [f"  {words}: {count}" for words, count in data.applications]
    lines.append(text("cli_status_overdue", count=len(data.overdue)))
    lines += [f"  {naam} ({team}), {t('report_due')} {due}" for naam, team, due in data.overdue]
    lines += ["", t("proc_progress", done=data.processes_done, total=data.processes_total)]
    from hr_wizard import terugmelding as tm

    counts = store.terugmelding_counts(row_id(project))
    lines.append(text("cli_status_open_reports", count=sum(counts.get(s, 0) for s in tm.OPEN_STATUSES)))
    print("\n".join(lines))
    return 0


def _status_for_scripts(store: Store, project: Project, content: Content, as_json: bool, check: bool) -> int:
    """`status --json` (one JSON object) and `status --check` (one line; exit code 1 when
    letters are late or terugmeldingen are past their follow-up date)."""
    import json

    from hr_wizard import status as state

    data = state.gather(store, project, content)
    attention = state.needs_attention(data)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif attention:
        print(text("cli_status_attention", letters=data["late_letters"], reports=data["terugmeldingen"]["past_follow_up"]))
    else:
        print(text("cli_status_ok"))
    return 1 if check and attention else 0


def _write_text(body: str, output: str | None, overwrite: bool = False, live: str | None = None) -> None:
    """To stdout (no -o, or -o -), else to a file created 0600 from its first byte."""
    from hr_wizard.private_file import OutputError, private_output

    if output is None or output == STDOUT:
        sys.stdout.write(body)
        return
    try:
        with private_output(Path(output), overwrite, live) as handle:  # 0600 from the first byte
            handle.write(body)
    except OutputError as error:
        raise CommandError(str(error)) from None
    except OSError as exc:
        raise CommandError(text("cli_cannot_write", path=output, reason=exc.strerror or exc)) from None
    _say(text("cli_written", path=output))


def report_command(args: argparse.Namespace, location: str, content: Content) -> int:
    from hr_wizard import report

    store, project = _open(location, args.gemeente)
    _write_text(report.render(store, project, content, args.format), args.output,
                getattr(args, "overwrite", False), location)
    return 0


def export_command(args: argparse.Namespace, location: str, content: Content) -> int:
    from hr_wizard import exports  # every register and the reminders: exports.py

    return exports.export_command(args, location, content)


def import_command(args: argparse.Namespace, location: str, content: Content) -> int:
    """Check the whole file (one row at a time), then write it in one transaction: all rows or none."""
    from hr_wizard import exchange
    from hr_wizard.errors import StoreError

    source = Path(args.file)
    if not source.exists():
        raise CommandError(text("cli_import_missing", path=args.file))
    store, project = _open(location, args.gemeente)
    try:
        checked = exchange.check_csv(source, _progress(text("cli_rows_checked")))
        unreadable = [problem.message for problem in checked.problems if problem.row == 0]
        if unreadable:  # the file itself (unreadable, not UTF-8): no row to name
            raise CommandError(unreadable[0])
        if checked.emails:  # one person, one application: also against the database
            checked.refuse_taken(store.emails_in_use(row_id(project), checked.emails))
        for problem in checked.problems:
            where = text("cli_import_row", row=problem.row) + (f", {problem.field}" if problem.field else "")
            print(f"{where}: {problem.message}")
        if checked.problems:
            _say(text("cli_import_refused", count=len({p.row for p in checked.problems})))
            return 1
        if args.dry_run:
            _say(text("cli_import_dry_run", count=checked.count))
            return 0
        checked.emails.clear()  # the write needs none of it
        count = store.import_applications(row_id(project), exchange.rows_to_write(source, _progress(text("cli_rows_written"))))
    except exchange.ImportFileChanged:
        raise CommandError(text("import_changed")) from None
    except StoreError as error:
        raise CommandError(str(error)) from None
    finally:
        store.close()
    _say(text("cli_imported", count=count))
    return 0


def backup_command(args: argparse.Namespace, location: str, content: Content) -> int:
    from hr_wizard.errors import StoreError

    store, _ = _open(location, args.gemeente)
    target = Path(args.file)
    try:
        store.backup_to(target, getattr(args, "overwrite", False))
    except (StoreError, OSError) as error:
        raise CommandError(str(error)) from None
    _say(text("cli_backup_done", path=target))
    return 0


def restore_command(args: argparse.Namespace, location: str, content: Content) -> int:
    from hr_wizard.errors import StoreError
    from hr_wizard.paths import is_url
    from hr_wizard.store import restore_sqlite

    if is_url(location):
        raise CommandError(text("error_backup_not_sqlite"))
    try:
        kept = restore_sqlite(Path(args.file), Path(location))
    except StoreError as error:
        raise CommandError(str(error)) from None
    if kept:
        _say(text("cli_restore_kept", path=kept))
    _say(text("cli_restore_done", path=args.file))
    return 0


def instruction_command(args: argparse.Namespace, location: str, content: Content) -> int:
    from hr_wizard.instruction_cli import run

    return run(args, location, content)


COMMANDS = {"status": status, "report": report_command, "export": export_command, "import": import_command,
            "backup": backup_command, "restore": restore_command, "instructie": instruction_command}
