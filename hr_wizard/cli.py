"""Command line: flags, subcommands, and starting the app.

Kept light: the Textual app and the database layer are imported only when needed.
"""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace
from typing import Any

from hr_wizard import texts
from hr_wizard.paths import config_path, display_location, resolve_db
from hr_wizard.safe_text import clean
from hr_wizard.texts import text


def _where(location: str) -> int:
    print(text("cli_where_db", location=display_location(location)))
    print(text("cli_where_config", path=config_path()))
    return 0


COMMANDS = frozenset({"status", "report", "export", "import", "backup", "restore", "instructie"})


def main(argv: list[str] | None = None) -> int:
    """Exit codes: 0 done, 1 failed (or `status --check` found something), 2 wrong use of the
    command line or a broken settings file. A reader that closes the pipe early (`| head`) ends
    the program quietly with 0."""
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, where a closed pipe can still be caught, not at exit
        return code
    except BrokenPipeError:
        _stdout_to_devnull()
        return 0


def _stdout_to_devnull() -> None:
    """After a closed pipe: Python flushes stdout once more on the way out; let that go nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor (stdout replaced): nothing will be flushed
        pass


# What the parser gives for a command line without arguments (a test holds them equal).
NO_ARGUMENTS: dict[str, Any] = {"db": None, "gemeente": "", "kiosk": False, "no_mouse": False, "command": None}


def _arguments(argv: list[str] | None) -> Any:
    """The parsed command line. Without arguments (the wizard itself, the usual start) the
    parser is not built: argparse and its Dutch texts cost about 3 ms (bench: state shown)."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        return SimpleNamespace(**NO_ARGUMENTS)
    from hr_wizard.cli_parser import build_parser

    return build_parser().parse_args(argv)


def _main(argv: list[str] | None) -> int:
    args = _arguments(argv)
    location = resolve_db(args.db)
    if args.command == "where":
        return _where(location)

    from hr_wizard.content_file import ContentError, load_content

    try:
        content = load_content(config_path())
    except ContentError as error:
        print(f"hr-wizard: {error}", file=sys.stderr)
        return 2
    texts.use(content)

    if args.command in COMMANDS:
        from hr_wizard.commands import CommandError
        from hr_wizard.errors import StoreError

        try:
            from hr_wizard.commands import COMMANDS as RUN

            return RUN[args.command](args, location, content)
        except CommandError as error:
            print(f"hr-wizard: {clean(str(error))}", file=sys.stderr)
            return 1
        except StoreError as error:  # e.g. the database is busy: a message, never a traceback
            print(f"hr-wizard: {error}", file=sys.stderr)
            return 1

    if args.command == "kiosk-code":
        return _kiosk_code()
    if args.command == "serve":
        from hr_wizard import serve

        return serve.run(args, location, content)
    if args.kiosk:
        from hr_wizard.kiosk import KioskError, kiosk_config

        try:
            config = kiosk_config(content)
        except KioskError as error:
            print(f"hr-wizard: {error}", file=sys.stderr)
            return 2
        from hr_wizard.kiosk_terminal import run_kiosk

        return run_kiosk(location, content, config, args.gemeente, mouse=not args.no_mouse)
    from hr_wizard.app import HrWizardApp

    app = HrWizardApp(location, content, args.gemeente)
    app.run(mouse=not args.no_mouse)
    return app.return_code or 0


def _kiosk_code() -> int:
    """Ask the operator code twice (not echoed) and print the line for the config file."""
    import getpass

    from hr_wizard.kiosk import MIN_CODE_LENGTH, code_too_short, hash_code

    code = getpass.getpass(text("kiosk_code_prompt"))
    if code_too_short(code):
        print(text("kiosk_code_short", length=MIN_CODE_LENGTH), file=sys.stderr)
        return 1
    if getpass.getpass(text("kiosk_code_again")) != code:
        print(text("kiosk_code_mismatch"), file=sys.stderr)
        return 1
    print(text("kiosk_code_result", path=config_path()))
    print(f'kiosk_code_hash = "{hash_code(code)}"')
    return 0
