"""The command line's parser: argparse with every text in Dutch, from the content file.

Built only when the command line has arguments (`cli._arguments`).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from hr_wizard import __version__, texts
from hr_wizard.paths import DB_ENV
from hr_wizard.texts import text

# argparse's own messages (its gettext message ids), each with the key of its Dutch text in the
# content file's [messages] and the %-placeholders argparse fills in, by the {name} the Dutch
# text uses. `template` says whether argparse %-formats the text afterwards. Message ids of
# other Python versions that are not listed here stay as they are.
_ARGPARSE: dict[str, tuple[str, dict[str, str], bool]] = {
    "usage: ": ("cli_usage_prefix", {}, False),
    "positional arguments": ("cli_arguments", {}, False),
    "options": ("cli_options", {}, False),
    "show this help message and exit": ("cli_help", {}, True),
    "show program's version number and exit": ("cli_version", {}, True),
    "argument %(argument_name)s: %(message)s": ("cli_argparse_argument", {"argument": "%(argument_name)s", "message": "%(message)s"}, True),
    "invalid choice: %(value)r (choose from %(choices)s)": ("cli_argparse_invalid_choice", {"value": "%(value)r", "choices": "%(choices)s"}, True),
    "unknown parser %(parser_name)r (choices: %(choices)s)": ("cli_argparse_invalid_choice", {"value": "%(parser_name)r", "choices": "%(choices)s"}, True),
    "the following arguments are required: %s": ("cli_argparse_required", {"arguments": "%s"}, True),
    "one of the arguments %s is required": ("cli_argparse_one_of", {"arguments": "%s"}, True),
    "unrecognized arguments: %s": ("cli_argparse_unrecognized", {"arguments": "%s"}, True),
    "expected one argument": ("cli_argparse_expected_one", {}, False),
    "expected at most one argument": ("cli_argparse_expected_at_most_one", {}, False),
    "expected at least one argument": ("cli_argparse_expected_at_least_one", {}, False),
    "expected %s argument": ("cli_argparse_expected_n", {"count": "%s"}, True),
    "expected %s arguments": ("cli_argparse_expected_n", {"count": "%s"}, True),
    "ambiguous option: %(option)s could match %(matches)s": ("cli_argparse_ambiguous", {"option": "%(option)s", "matches": "%(matches)s"}, True),
    "not allowed with argument %s": ("cli_argparse_not_allowed_with", {"argument": "%s"}, True),
    "ignored explicit argument %r": ("cli_argparse_no_value", {"value": "%r"}, True),
    "invalid %(type)s value: %(value)r": ("cli_argparse_invalid_value", {"value": "%(value)r"}, True),
    "unexpected option string: %s": ("cli_argparse_unrecognized", {"arguments": "%s"}, True),
}


def _dutch(message: str) -> str:
    """argparse's English `message` in Dutch, with argparse's own placeholders kept in place."""
    entry = _ARGPARSE.get(message)
    if entry is None:
        return message
    key, placeholders, template = entry
    marked = text(key, **{name: f"\0{name}\0" for name in placeholders})
    if template:
        marked = marked.replace("%", "%%")
    for name, placeholder in placeholders.items():
        marked = marked.replace(f"\0{name}\0", placeholder)
    return marked + message[len(message.rstrip()):]  # "usage: " ends in a space; the content file trims it


def _dutch_plural(singular: str, plural: str, count: int) -> str:
    return _dutch(singular if count == 1 else plural)


@contextlib.contextmanager
def _argparse_in_dutch() -> Iterator[None]:
    """argparse looks its messages up through gettext's functions, by name, in its own module;
    while our parser works, those names give the Dutch texts."""
    dutch = {"_": _dutch, "ngettext": _dutch_plural}
    saved = {name: getattr(argparse, name) for name in dutch}
    for name, function in dutch.items():
        setattr(argparse, name, function)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(argparse, name, function)


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _dutch("usage: ") if prefix is None else prefix)


def _add_shared_options(parser: argparse.ArgumentParser, after_command: bool) -> None:
    """--db and --gemeente, before the command (with their defaults) and after it (only when given)."""
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if after_command else {}
    parser.add_argument("--db", metavar=text("cli_db_metavar"), help=text("cli_db"), **default)
    parser.add_argument("--gemeente", metavar=text("cli_gemeente_metavar"), help=text("cli_gemeente"),
                        **(default or {"default": ""}))


class _Commands(argparse._SubParsersAction):
    """Every command also takes the shared options, so `hr-wizard status --gemeente X` works."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        parser = super().add_parser(name, **kwargs)
        _add_shared_options(parser, after_command=True)
        return parser


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with every text in Dutch, from the content file: usage, help, errors.

    A usage error goes to stderr with the usage line, the fault, a correct example and where to
    find more, and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        kwargs["add_help"] = False
        with _argparse_in_dutch():
            super().__init__(*args, **kwargs)
        self._positionals.title = text("cli_arguments")
        self._optionals.title = text("cli_options")
        self.add_argument("-h", "--help", action="help", help=text("cli_help"))

    def parse_known_args(  # type: ignore[override]  # typeshed's overloads only narrow the namespace type
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        with _argparse_in_dutch():
            return super().parse_known_args(args, namespace)

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:  # named by the command they came with, with that command's usage and example
            self._command_parser(parsed).error(text("cli_argparse_unrecognized", arguments=" ".join(extras)))
        return parsed

    def _command_parser(self, parsed: argparse.Namespace) -> argparse.ArgumentParser:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action.choices.get(getattr(parsed, action.dest, None) or "", self)
        return self

    def format_usage(self) -> str:
        with _argparse_in_dutch():
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_in_dutch():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        lines = [text("cli_error", prog=self.prog, message=message)]
        command = self.prog.removeprefix("hr-wizard").strip().replace("-", "_")
        example = f"cli_example_{command}" if command else "cli_example"
        if example in texts.current().texts:
            lines.append(text("cli_error_example", example=text(example)))
        lines.append(text("cli_error_more", prog=self.prog))
        self.exit(2, "\n".join(lines) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="hr-wizard",
        description=text("cli_description"),
        epilog=text("cli_epilog", env=DB_ENV),
    )
    parser._positionals.title = text("cli_commands")
    parser.add_argument("--version", action="version", version=f"hr-wizard {__version__}", help=text("cli_version"))
    _add_shared_options(parser, after_command=False)
    parser.add_argument("--kiosk", action="store_true", help=text("cli_kiosk"))
    parser.add_argument("--no-mouse", action="store_true", help=text("cli_no_mouse"))
    commands = parser.add_subparsers(dest="command", metavar=text("cli_command_metavar"), action=_Commands)
    commands.add_parser("where", help=text("cli_where"))
    status = commands.add_parser("status", help=text("cli_status"))
    status.add_argument("--json", action="store_true", help=text("cli_status_json"))
    status.add_argument("--check", action="store_true", help=text("cli_status_check"))
    commands.add_parser("kiosk-code", help=text("cli_kiosk_code"))
    report = commands.add_parser("report", help=text("cli_report"))
    report.add_argument("--format", choices=("md", "html"), default="md", help=text("cli_report_format"))
    report.add_argument("-o", "--output", metavar=text("cli_file_metavar"), help=text("cli_output"))
    report.add_argument("--overwrite", action="store_true", help=text("cli_overwrite"))
    export = commands.add_parser("export", help=text("cli_export"))
    export.add_argument("wat", choices=("accounts", "processen", "terugmeldingen", "logboek", "herinneringen"),
                        help=text("cli_export_what_all"))
    export.add_argument("--format", choices=("csv", "xlsx", "json", "ics"), default=None, help=text("cli_export_format"))
    export.add_argument("-o", "--output", metavar=text("cli_file_metavar"), help=text("cli_export_output"))
    export.add_argument("--overwrite", action="store_true", help=text("cli_overwrite"))
    imports = commands.add_parser("import", help=text("cli_import"))
    imports.add_argument("wat", choices=("accounts",), help=text("cli_export_what"))
    imports.add_argument("file", metavar=text("cli_file_metavar"), help=text("cli_import_file"))
    imports.add_argument("--dry-run", action="store_true", help=text("cli_dry_run"))
    backup = commands.add_parser("backup", help=text("cli_backup"))
    backup.add_argument("file", metavar=text("cli_file_metavar"), help=text("cli_backup_file"))
    backup.add_argument("--overwrite", action="store_true", help=text("cli_overwrite"))
    restore = commands.add_parser("restore", help=text("cli_restore"))
    restore.add_argument("file", metavar=text("cli_file_metavar"), help=text("cli_restore_file"))
    instructie = commands.add_parser("instructie", help=text("cli_instructie"))
    instructie.add_argument("email", nargs="?", metavar=text("cli_email_metavar"), help=text("cli_instructie_email"))
    instructie.add_argument("--alle", action="store_true", help=text("cli_instructie_all"))
    instructie.add_argument("--format", choices=("txt", "md", "html"), default="txt", help=text("cli_instructie_format"))
    instructie.add_argument("-o", "--output", metavar=text("cli_file_or_folder_metavar"), help=text("cli_instructie_output"))
    instructie.add_argument("--overwrite", action="store_true", help=text("cli_overwrite"))
    from hr_wizard import serve

    serve.add_parser(commands)
    return parser
