"""Command line: flags, subcommands, and starting the app.

Kept light: the Textual app and the database layer are imported only when needed.
"""

from __future__ import annotations

import argparse
import sys

from hr_wizard import __version__
from hr_wizard.paths import DB_ENV, config_path, display_location, resolve_db


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hr-wizard",
        description=(
            "Stap voor stap aansluiten op de inzagefunctionaliteit van het Handelsregister (HR inzien), "
            "en per medewerker een kvk.nl-account aanvragen."
        ),
        epilog=f"De database kan ook worden gekozen met de omgevingsvariabele {DB_ENV}.",
        add_help=False,
    )
    parser._positionals.title = "opdrachten"
    parser._optionals.title = "opties"
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("--version", action="version", version=f"hr-wizard {__version__}", help="toon het versienummer en stop")
    parser.add_argument(
        "--db",
        metavar="PAD",
        help="databasebestand (of SQLAlchemy-URL) in plaats van het standaardbestand",
    )
    commands = parser.add_subparsers(dest="command", metavar="opdracht")
    commands.add_parser("where", help="toon welke database en welk instellingenbestand worden gebruikt")
    return parser


def _where(location: str) -> int:
    print(f"Database:            {display_location(location)}")
    print(f"Instellingenbestand: {config_path()}")
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
