"""`hr-wizard instructie`: the employee's instruction sheet from the command line, for one
work e-mail (to the screen or a file) or for everyone (--alle, one private file each).
Never creates a database; files are private (0600) and never overwritten without --overwrite."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hr_wizard import instruction
from hr_wizard.commands import CommandError, _open, _write_text
from hr_wizard.rows import row_id
from hr_wizard.texts import text

if TYPE_CHECKING:
    import argparse

    from hr_wizard.content import Content


def run(args: argparse.Namespace, location: str, content: Content) -> int:
    if bool(args.email) == bool(args.alle):
        raise CommandError(text("cli_instructie_usage"))
    if args.alle:
        return _everyone(args, location, content)
    store, project = _open(location, args.gemeente)
    try:
        application = store.application_by_email(row_id(project), args.email)
    finally:
        store.close()
    if application is None:
        raise CommandError(text("cli_instructie_unknown", email=args.email.strip(), gemeente=project.gemeente))
    sheet = instruction.sheet_for(application, project, content, dt.date.today())
    output = None if args.output in (None, "-") else args.output
    _write_text(instruction.render(sheet, content, args.format), output, args.overwrite, location)
    return 0


def _everyone(args: argparse.Namespace, location: str, content: Content) -> int:
    from hr_wizard.private_file import OutputError, check_target, private_output

    if not args.output or args.output == "-":
        raise CommandError(text("cli_instructie_folder"))
    folder = Path(args.output)
    if not folder.exists():
        raise CommandError(text("error_output_no_folder", folder=folder))
    if not folder.is_dir():
        raise CommandError(text("cli_instructie_not_folder", path=folder))
    store, project = _open(location, args.gemeente)
    try:
        applications = list(store.iter_applications(row_id(project)))
    finally:
        store.close()
    names = instruction.file_names((a.naam for a in applications), args.format, content.text("sheet_file_stem"))
    targets = [folder / name for name in names]
    today = dt.date.today()
    try:
        for target in targets:  # all refused before one is written
            check_target(target, args.overwrite, location)
        for application, target in zip(applications, targets, strict=True):
            sheet = instruction.sheet_for(application, project, content, today)
            with private_output(target, args.overwrite, location) as handle:  # 0600 from the first byte
                handle.write(instruction.render(sheet, content, args.format))
    except OutputError as error:
        raise CommandError(str(error)) from None
    except OSError as exc:
        raise CommandError(text("cli_cannot_write", path=folder, reason=exc.strerror or exc)) from None
    print(text("cli_instructie_written", count=len(targets), folder=folder), file=sys.stderr)
    return 0
