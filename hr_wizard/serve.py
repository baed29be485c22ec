"""`hr-wizard serve`: the wizard, or the kiosk, in a browser. Each browser connection gets
its own wizard process (`python -m hr_wizard --db ... [--kiosk]`) through textual-serve.

Secure by default: only 127.0.0.1 unless --host says otherwise; the whole wizard on another
host only with --allow-remote-projectleider; the kiosk's operator code is checked before the
server listens, and the children get only its hash (hr_wizard/kiosk.py). Nothing leaves the
machine: the page, its script, the terminal (textual-serve's xterm.js) and the font come
from this server, and the page's Content-Security-Policy allows nothing else.

Never imports Textual; aiohttp and textual-serve only once the checks have passed.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hr_wizard.paths import CONFIG_ENV, config_path, display_location
from hr_wizard.texts import text

if TYPE_CHECKING:
    from hr_wizard.content import Content

WEB = Path(__file__).with_name("web")


def add_parser(commands: argparse._SubParsersAction) -> None:
    # The command line's parser gives every command -h, --db and --gemeente (before or after it).
    serve = commands.add_parser("serve", help=text("cli_serve"))
    # SUPPRESS: the same flag before `serve` still counts (`hr-wizard --kiosk serve`).
    serve.add_argument("--kiosk", action="store_true", default=argparse.SUPPRESS, help=text("cli_serve_kiosk"))
    serve.add_argument("--host", default="127.0.0.1", metavar=text("cli_serve_host_metavar"), help=text("cli_serve_host"))
    serve.add_argument("--port", type=_port, default=8000, metavar=text("cli_serve_port_metavar"), help=text("cli_serve_port"))
    serve.add_argument("--max-sessions", type=_positive, default=4, metavar=text("cli_serve_number_metavar"), help=text("cli_serve_max_sessions"))
    serve.add_argument("--allow-remote-projectleider", action="store_true", help=text("cli_serve_allow_remote"))


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(text("cli_serve_bad_port", value=value))
    return int(value)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(text("cli_serve_bad_number", value=value))
    return int(value)


def is_loopback(host: str) -> bool:
    """Only this computer can connect. A name other than localhost may resolve to anything."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def child_command(location: str, kiosk: bool, gemeente: str) -> list[str]:
    """The wizard one browser connection gets: this Python, the same database and gemeente."""
    command = [sys.executable, "-m", "hr_wizard", "--db", location]
    if kiosk:
        command.append("--kiosk")
    if gemeente:
        command += ["--gemeente", gemeente]
    return command


def _say(message: str) -> None:
    print(f"hr-wizard: {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace, location: str, content: Content) -> int:
    """Check everything that can be checked, then listen until ctrl+c or SIGTERM."""
    from hr_wizard.kiosk import CODE_ENV

    if not is_loopback(args.host) and not args.kiosk and not args.allow_remote_projectleider:
        _say(text("cli_serve_refused_remote", host=args.host))
        return 2
    if display_location(location) != location:  # a password would show in every child's command line
        _say(text("error_password_in_url", location=display_location(location)))
        return 2
    environment = {CONFIG_ENV: str(config_path())}  # the children read the same settings file
    if args.kiosk:
        from hr_wizard.kiosk import KioskError, child_environment, kiosk_config

        try:
            environment.update(child_environment(kiosk_config(content)))  # takes the code out of os.environ
        except KioskError as error:
            _say(str(error))
            return 2
    os.environ.pop(CODE_ENV, None)  # a plain operator code never reaches a child
    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        _say(text("cli_serve_no_package"))
        return 2
    from hr_wizard.serve_web import WizardServer

    server = WizardServer(child_command(location, args.kiosk, args.gemeente), environment, args.max_sessions, WEB)
    return asyncio.run(_listen(server, args.host, args.port))


async def _listen(server, host: str, port: int) -> int:
    from aiohttp import web

    from hr_wizard.serve_web import STOP_GRACE

    runner = web.AppRunner(server.application(), handle_signals=False, access_log=None, shutdown_timeout=STOP_GRACE)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as error:
        await runner.cleanup()
        _say(text("cli_serve_cannot_listen", host=host, port=port, reason=error.strerror or error))
        return 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):  # before saying "ready": a stop right after is clean too
        loop.add_signal_handler(sig, stop.set)
    bound = runner.addresses[0][1]  # the real port, also for --port 0
    if not is_loopback(host):
        _say(text("cli_serve_warning_remote", host=host, port=bound))
    shown = f"[{host}]" if ":" in host else host
    print(text("cli_serve_listening", url=f"http://{shown}:{bound}/", max=server.max_sessions), flush=True)
    await stop.wait()
    await server.close()  # every wizard ended (killed after STOP_GRACE if it must) ...
    await runner.cleanup()  # ... then the listening socket and the last connections
    print(text("cli_serve_stopped"), flush=True)
    return 0
