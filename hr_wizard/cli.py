"""Command line: flags, subcommands, and starting the app.

Kept light: the Textual app and the database layer are imported only when needed.
"""

from __future__ import annotations

import argparse
import sys

from hr_wizard import __version__, texts
from hr_wizard.paths import DB_ENV, config_path, display_location, resolve_db
from hr_wizard.texts import text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hr-wizard",
        description=text("cli_description"),
        epilog=text("cli_epilog", env=DB_ENV),
        add_help=False,
    )
    parser._positionals.title = text("cli_commands")
    parser._optionals.title = text("cli_options")
    parser.add_argument("-h", "--help", action="help", help=text("cli_help"))
    parser.add_argument("--version", action="version", version=f"hr-wizard {__version__}", help=text("cli_version"))
    parser.add_argument(
        "--db",
        metavar=text("cli_db_metavar"),
        help=text("cli_db"),
    )
    parser.add_argument("--gemeente", metavar=text("cli_gemeente_metavar"), default="", help=text("cli_gemeente"))
    parser.add_argument("--kiosk", action="store_true", help=text("cli_kiosk"))
    parser.add_argument("--no-mouse", action="store_true", help=text("cli_no_mouse"))
    commands = parser.add_subparsers(dest="command", metavar=text("cli_command_metavar"))
    commands.add_parser("where", help=text("cli_where"))
    commands.add_parser("status", help=text("cli_status"))
    commands.add_parser("kiosk-code", help=text("cli_kiosk_code"))
    report = commands.add_parser("report", help=text("cli_report"))
    report.add_argument("--format", choices=("md", "html"), default="md", help=text("cli_report_format"))
    report.add_argument("-o", "--output", metavar=text("cli_file_metavar"), help=text("cli_output"))
    export = commands.add_parser("export", help=text("cli_export"))
    export.add_argument("what", choices=("accounts",), help=text("cli_export_what"))
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv", help=text("cli_export_format"))
    export.add_argument("-o", "--output", metavar=text("cli_file_metavar"), help=text("cli_output"))
    imports = commands.add_parser("import", help=text("cli_import"))
    imports.add_argument("what", choices=("accounts",), help=text("cli_export_what"))
    imports.add_argument("file", metavar=text("cli_file_metavar"), help=text("cli_import_file"))
    imports.add_argument("--dry-run", action="store_true", help=text("cli_dry_run"))
    backup = commands.add_parser("backup", help=text("cli_backup"))
    backup.add_argument("file", metavar=text("cli_file_metavar"), help=text("cli_backup_file"))
    restore = commands.add_parser("restore", help=text("cli_restore"))
    restore.add_argument("file", metavar=text("cli_file_metavar"), help=text("cli_restore_file"))
    return parser


def _where(location: str) -> int:
    print(text("cli_where_db", location=display_location(location)))
    print(text("cli_where_config", path=config_path()))
    return 0


COMMANDS = frozenset({"status", "report", "export", "import", "backup", "restore"})


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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

        try:
            from hr_wizard.commands import COMMANDS as RUN

            return RUN[args.command](args, location, content)
        except CommandError as error:
            print(f"hr-wizard: {error}", file=sys.stderr)
            return 1

    if args.command == "kiosk-code":
        return _kiosk_code()
    if args.kiosk:
        from hr_wizard.kiosk import KioskError, kiosk_config

        try:
            config = kiosk_config(content)
        except KioskError as error:
            print(f"hr-wizard: {error}", file=sys.stderr)
            return 2
        from hr_wizard.kiosk_app import run_kiosk

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
