"""Command line: flags, subcommands, and starting the app.

Kept light: the Textual app and the database layer are imported only when needed.
"""

from __future__ import annotations

import argparse
import sys

from hr_wizard import __version__
from hr_wizard.messages import text
from hr_wizard.paths import DB_ENV, config_path, display_location, resolve_db


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
    commands = parser.add_subparsers(dest="command", metavar=text("cli_command_metavar"))
    commands.add_parser("where", help=text("cli_where"))
    return parser


def _where(location: str) -> int:
    print(text("cli_where_db", location=display_location(location)))
    print(text("cli_where_config", path=config_path()))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    location = resolve_db(args.db)
    if args.command == "where":
        return _where(location)

    from hr_wizard.roadmap import ContentError, load_content

    try:
        content = load_content(config_path())
    except ContentError as error:
        print(f"hr-wizard: {error}", file=sys.stderr)
        return 2

    from hr_wizard.app import HrWizardApp

    app = HrWizardApp(location, content)
    app.run()
    return app.return_code or 0
