"""`hr-wizard export WHAT [--format csv|xlsx|json] [-o FILE|-]`: a register, or the reminders as
a calendar, to a private file (0600 from the first byte, never over an existing file without
--overwrite, never over the live database) or, with `-o -`, to standard output. Progress every
1,000 rows on stderr. commands.py dispatches here.

Never imports Textual.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from hr_wizard.rows import row_id
from hr_wizard.summaries import counted
from hr_wizard.texts import text

if TYPE_CHECKING:
    import argparse

    from hr_wizard.content import Content

REMINDERS = "herinneringen"
FORMATS = ("csv", "xlsx", "json")


def export_command(args: argparse.Namespace, location: str, content: Content) -> int:
    from hr_wizard.commands import STDOUT, CommandError, _open, _progress

    what = args.wat
    fmt = args.format
    if what == REMINDERS:
        if fmt not in (None, "ics"):
            raise CommandError(text("cli_export_ics_only"))
        fmt = "ics"
    elif fmt == "ics":
        raise CommandError(text("cli_export_not_ics"))
    fmt = fmt or "csv"
    today = dt.date.today()
    if args.output == STDOUT and fmt == "xlsx" and sys.stdout.isatty():
        raise CommandError(text("cli_xlsx_terminal"))
    output = args.output or f"hr-wizard-{_stem(what)}-{today:%Y-%m-%d}.{fmt}"
    store, project = _open(location, args.gemeente)
    try:
        write = _calendar(store, project, content) if what == REMINDERS else _writer(what, fmt, store, row_id(project), content, today)
        with _target(output, getattr(args, "overwrite", False), location) as handle:
            if output == STDOUT and fmt == "xlsx":  # a zip file is finished at its end: made whole, then sent
                book = io.BytesIO()
                count = write(book, _progress(text("cli_rows_written")))
                handle.write(book.getvalue())
            else:
                count = write(handle, _progress(text("cli_rows_written")))
    finally:
        store.close()
    if output != STDOUT:
        _say(counted(text, "cli_exported" if what == "accounts" else f"cli_exported_{what}", count, path=output))
    return 0


def _stem(what: str) -> str:
    from hr_wizard.registers import REGISTERS

    return REGISTERS[what].stem if what in REGISTERS else what


def _calendar(store, project, content: Content) -> Callable[..., int]:
    from hr_wizard import reminders

    name = content.text("reminder_calendar", gemeente=project.gemeente)
    return lambda handle, progress: reminders.write(reminders.reminders(store, project, content), name, handle, progress=progress)


def _writer(what: str, fmt: str, store, project_id: int, content: Content, today: dt.date) -> Callable[..., int]:
    from hr_wizard import exchange, registers

    register = registers.REGISTERS[what]
    rows = register.rows(store, project_id, today)  # a generator: read a batch at a time, as written
    if fmt == "json":
        return lambda handle, progress: exchange.write_json((registers.json_object(register, row) for row in rows), handle, progress)
    header = [column.header for column in register.columns]
    cells = (registers.sheet_row(register, row, content, as_text=fmt == "csv") for row in rows)
    if fmt == "xlsx":
        return lambda handle, progress: exchange.write_xlsx(cells, handle, progress, header=header, sheet_name=register.stem)
    return lambda handle, progress: exchange.write_csv(cells, handle, progress, header=header)


@contextmanager
def _target(output: str, overwrite: bool, live: str) -> Iterator[IO[bytes]]:
    from hr_wizard.commands import STDOUT, CommandError
    from hr_wizard.private_file import OutputError, private_output

    if output == STDOUT:  # a reader that stops early (`| head`): cli.main ends quietly
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        with private_output(Path(output), overwrite, live, binary=True) as handle:  # 0600 from the first byte
            yield handle
    except OutputError as error:
        raise CommandError(str(error)) from None
    except OSError as exc:
        raise CommandError(text("cli_cannot_write", path=output, reason=exc.strerror or exc)) from None


def _say(message: str) -> None:
    print(message, file=sys.stderr)
