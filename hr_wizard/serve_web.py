"""The web side of `hr-wizard serve` (aiohttp + textual-serve): the page, the connection
limit, and one wizard process per websocket. Imported only by hr_wizard/serve.py, after its
checks; never imports Textual itself (the children do).

textual-serve 1.1.3's own Server is not used: it links a font on a public CDN, builds
absolute URLs from its host (wrong behind a proxy), has no connection limit, no Origin check,
and waits for each child without a time limit. Its AppService (the protocol to a child) and
its static files (xterm.js, the font) are used as they are.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import json
import os
import shlex
import signal
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from hr_wizard.texts import text

STATIC = Path(textual_serve.__file__).with_name("static")
STOP_GRACE = 3.0  # seconds a wizard gets to close after "quit" before it is killed
HEADERS = {
    # Only this server: no CDN, no font service, no other site may frame the wizard.
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class Wizard(AppService):
    """One browser connection's wizard, started without a shell (textual-serve uses one) and
    in its own session, so ctrl+c or ctrl+z in the server's terminal reach only the server,
    which then ends every wizard itself.

    Overrides textual-serve's private `_open_app_process` and sets the `_process` and
    `_stdin` its `run` reads: checked against 1.1.3 (pinned in constraints.txt) by
    tests/test_serve.py."""

    def __init__(self, command: list[str], environment: dict[str, str], **kwargs) -> None:
        super().__init__(shlex.join(command), **kwargs)
        self.argv = command
        self.environment = environment
        self.process: asyncio.subprocess.Process | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        environment = {**self._build_environment(width=width, height=height), **self.environment}
        pipe = asyncio.subprocess.PIPE
        self.process = self._process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=pipe, stdout=pipe, stderr=pipe, env=environment, start_new_session=True,
            preexec_fn=_end_with_server())
        self._stdin = self.process.stdin
        return self.process

    async def end(self, grace: float) -> None:
        """Ask the wizard to quit (it has saved everything already); kill it if it does not."""
        if self.process is None:
            return
        try:
            async with asyncio.timeout(grace):
                await asyncio.shield(self.stop())
                await self.process.wait()  # its output ends a moment before the process does
        except (TimeoutError, ConnectionError):
            if self.process.returncode is None:
                # os.kill, not Process.kill: that one reaps the child itself and asyncio's
                # child watcher then logs "Unknown child process".
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.process.pid, signal.SIGKILL)
                await self.process.wait()


def _end_with_server():
    """On Linux a wizard gets SIGTERM (it then saves and quits) when the server dies, even
    by SIGKILL, so no orphaned kiosk keeps running. Runs in the child between fork and exec:
    libc is loaded here, in the server, so the child imports nothing."""
    if not sys.platform.startswith("linux"):
        return None
    libc, server = ctypes.CDLL(None, use_errno=True), os.getpid()

    def arrange() -> None:
        libc.prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() != server:  # the server died before that
            os.kill(os.getpid(), signal.SIGTERM)

    return arrange


class WizardServer:
    def __init__(self, command: list[str], environment: dict[str, str], max_sessions: int, web_folder: Path) -> None:
        self.command = command
        self.environment = environment
        self.max_sessions = max_sessions
        self.sessions: dict[Wizard, web.WebSocketResponse] = {}
        self.closing = False
        self.downloads = DownloadManager()
        self.folder = web_folder
        self.pages = jinja2.Environment(loader=jinja2.FileSystemLoader(web_folder), autoescape=True)

    def application(self) -> web.Application:
        app = web.Application()
        app.add_routes([
            web.get("/", self.index),
            web.get("/ws", self.websocket),
            web.get("/hr-wizard/start.js", self.script),
            web.static("/static", STATIC),
        ])
        app.on_response_prepare.append(self._headers)
        return app

    @staticmethod
    async def _headers(request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(HEADERS)

    def _full(self) -> bool:
        return self.closing or len(self.sessions) >= self.max_sessions

    def _page(self, name: str, status: int = 200, **values: object) -> web.Response:
        body = self.pages.get_template(name).render(**values)
        return web.Response(text=body, status=status, content_type="text/html", headers={"Cache-Control": "no-store"})

    async def index(self, request: web.Request) -> web.Response:
        if self._full():
            return self._page("full.html", 503, title=text("cli_serve_full_title"),
                              message=text("cli_serve_full", max=self.max_sessions), retry=text("cli_serve_full_retry"))
        size = request.query.get("fontsize", "16")
        return self._page(
            "index.html", font_size=int(size) if size.isdigit() and 8 <= int(size) <= 48 else 16,
            title=text("cli_serve_page_title"), starting=text("cli_serve_page_starting"),
            noscript=text("cli_serve_page_noscript"), closed=text("cli_serve_page_closed"),
            restart=text("cli_serve_page_restart"))

    async def script(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(self.folder / "start.js")

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != request.host:
            # Browsers let any site open a websocket to 127.0.0.1; the Origin tells them apart.
            raise web.HTTPForbidden(text=text("cli_serve_forbidden"))
        ws = web.WebSocketResponse(heartbeat=15)
        await ws.prepare(request)
        if self._full():
            message = f"{text('cli_serve_full_title')}\r\n\r\n{text('cli_serve_full', max=self.max_sessions)}\r\n"
            await ws.send_bytes(message.encode("utf-8"))
            await ws.close()
            return ws
        wizard = Wizard(self.command, self.environment, write_bytes=ws.send_bytes, write_str=ws.send_str,
                        close=ws.close, download_manager=self.downloads)
        self.sessions[wizard] = ws  # taken before the first await: the limit holds under a rush
        ended: asyncio.Task | None = None
        try:
            await wizard.start(_size(request, "width", 80), _size(request, "height", 24))
            ended = asyncio.create_task(self._close_when_ended(wizard, ws))
            await self._pump(ws, wizard)
        finally:
            if ended is not None:
                ended.cancel()
            await wizard.end(grace=STOP_GRACE)
            self.sessions.pop(wizard, None)
        await ws.close()
        return ws

    @staticmethod
    async def _close_when_ended(wizard: Wizard, ws: web.WebSocketResponse) -> None:
        """A wizard that stops by itself (the operator's code, a crash) closes its page too."""
        if wizard.process is not None:
            await wizard.process.wait()
            await ws.close()

    @staticmethod
    async def _pump(ws: web.WebSocketResponse, wizard: Wizard) -> None:
        """The browser's keys and window size to the wizard (textual-serve's message format)."""
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = json.loads(message.data)
            except (ValueError, TypeError):
                continue
            data = rest[0] if rest else None
            if kind == "stdin" and isinstance(data, str):
                await wizard.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width, height = data.get("width"), data.get("height")
                if isinstance(width, int) and isinstance(height, int) and 0 < width < 1000 and 0 < height < 1000:
                    await wizard.set_terminal_size(width, height)
            elif kind == "ping":
                await ws.send_json(["pong", data])
            elif kind == "blur":
                await wizard.blur()
            elif kind == "focus":
                await wizard.focus()

    async def close(self) -> None:
        """Refuse new connections and end every wizard (they save as they go)."""
        self.closing = True
        await asyncio.gather(*(wizard.end(grace=STOP_GRACE) for wizard in list(self.sessions)))
        await asyncio.gather(*(ws.close() for ws in list(self.sessions.values())), return_exceptions=True)


def _size(request: web.Request, name: str, default: int) -> int:
    value = request.query.get(name, "")
    return int(value) if value.isdigit() and 0 < int(value) < 1000 else default
