"""`hr-wizard serve`: the wizard in a browser, one wizard process per connection.

The server runs as a user runs it (the installed command in a subprocess) on real SQLite
files; the connection limit and shutdown are checked with websockets, the whole path with a
real Chromium (tests/test_serve_browser.py)."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import aiohttp
import pytest

from hr_wizard.kiosk import CODE_ENV, CODE_HASH_ENV

from ..helpers import CHROMIUM_FLAGS, artefacts, chromium, run
from .serving import CODE, Server, plain, prepared_db, wait_until, wizard_processes

ROOT = Path(__file__).resolve().parents[2]
WELCOME = "Welkom bij de aanvraag van uw kvk.nl-account"
KIOSK_ENV = {CODE_ENV: CODE}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return prepared_db(tmp_path)


@pytest.fixture
def servers():
    started: list[Server] = []
    yield started
    for server in started:  # never leave a server or its children behind, even when a test fails
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
        for pid in wizard_processes(server.db):
            os.kill(pid, signal.SIGKILL)


def start(servers: list[Server], db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[Server, str]:
    server = Server(db, *args, env=env)
    servers.append(server)
    return server, server.wait_until_listening()


async def screen_until(ws: aiohttp.ClientWebSocketResponse, wanted: str, timeout: float = 20) -> str:
    """Read the terminal stream until `wanted` is on the screen."""
    seen = b""
    async with asyncio.timeout(timeout):
        while wanted not in plain(seen):
            message = await ws.receive()
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
                break
    return plain(seen)


def ws_url(url: str) -> str:
    return url.replace("http://", "ws://") + "ws?width=80&height=24"


def test_help_is_dutch():
    result = run("serve", "--help")
    assert result.returncode == 0
    assert "--max-sessions" in result.stdout and "--allow-remote-projectleider" in result.stdout
    assert "browser" in result.stdout and "toon deze hulp" in result.stdout


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "wizard.example"])
def test_the_whole_wizard_is_refused_on_another_host(db, host):
    result = run("serve", "--db", str(db), "--host", host, "--port", "0")
    assert result.returncode == 2
    assert "127.0.0.1" in result.stderr and "--allow-remote-projectleider" in result.stderr and "--kiosk" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_the_kiosk_without_an_operator_code_is_refused_before_listening(db):
    result = run("serve", "--kiosk", "--db", str(db), "--port", "0")
    assert result.returncode == 2
    assert CODE_ENV in result.stderr and "kiosk-code" in result.stderr
    assert result.stdout == ""  # never said it listens


def test_a_database_address_with_a_password_is_refused_before_listening():
    result = run("serve", "--db", "postgresql+psycopg://helpdesk:geheim123@db.example/hr", "--port", "0")
    assert result.returncode == 2
    assert "PGPASSWORD" in result.stderr and "geheim123" not in result.stderr + result.stdout


def test_a_port_in_use_gets_a_dutch_message(db, servers):
    _, url = start(servers, db)
    port = url.rsplit(":", 1)[1].strip("/")
    result = run("serve", "--db", str(db), "--port", port)
    assert result.returncode == 1
    assert f"poort {port}" in result.stderr and "--port" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [("--kiosk",), ("--allow-remote-projectleider",)])
def test_another_host_warns_that_anyone_who_reaches_the_port_can_use_it(db, servers, args):
    server, _ = start(servers, db, "--host", "0.0.0.0", *args, env=KIOSK_ENV)
    assert server.stop() == 0
    assert "Iedereen die deze poort kan bereiken" in "".join(server.stderr)


def test_loopback_gives_no_warning(db, servers):
    server, url = start(servers, db)
    assert url.startswith("http://127.0.0.1:")
    assert server.stop() == 0
    assert "Iedereen die" not in server.output()


async def test_kiosk_children_get_the_hash_never_the_code_and_all_end_on_sigterm(db, servers):
    server, url = start(servers, db, "--kiosk", env=KIOSK_ENV)
    async with (aiohttp.ClientSession() as session, session.ws_connect(ws_url(url)) as first,
                session.ws_connect(ws_url(url)) as second):
        assert WELCOME in await screen_until(first, WELCOME)
        assert WELCOME in await screen_until(second, WELCOME)
        children = wizard_processes(db)
        assert len(children) == 2
        for pid in children:
            environ = Path(f"/proc/{pid}/environ").read_bytes()
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            assert CODE.encode() not in environ + command
            assert f"{CODE_HASH_ENV}=scrypt$".encode() in environ
            assert CODE_ENV.encode() + b"=" not in environ
            assert b"--kiosk" in command
        assert server.stop(signal.SIGTERM) == 0
    assert wizard_processes(db) == []
    assert "Gestopt" in server.output()
    assert "Traceback" not in server.output() and "Unknown child" not in server.output()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
async def test_a_server_killed_with_sigkill_leaves_no_wizard_behind(db, servers):
    server, url = start(servers, db, "--kiosk", env=KIOSK_ENV)
    async with aiohttp.ClientSession() as session, session.ws_connect(ws_url(url)) as ws:
        await screen_until(ws, WELCOME)
        assert len(wizard_processes(db)) == 1
        server.stop(signal.SIGKILL)  # no chance to clean up
        wait_until(lambda: wizard_processes(db) == [], what="the orphaned wizard to end")


async def test_a_wizard_that_does_not_quit_is_killed_after_the_grace_time():
    from textual_serve.download_manager import DownloadManager

    from hr_wizard.serve_web import Wizard

    async def ignore(*_) -> None:
        pass

    stubborn = "import time; print('__GANGLION__', flush=True); time.sleep(60)"  # never reads "quit"
    wizard = Wizard([sys.executable, "-c", stubborn], {}, write_bytes=ignore, write_str=ignore, close=ignore,
                    download_manager=DownloadManager())
    await wizard.start(80, 24)
    started = asyncio.get_running_loop().time()
    await wizard.end(grace=0.5)
    assert wizard.process.returncode == -signal.SIGKILL
    assert asyncio.get_running_loop().time() - started < 3


async def test_ctrl_c_ends_every_child_too(db, servers):
    server, url = start(servers, db)
    async with aiohttp.ClientSession() as session, session.ws_connect(ws_url(url)) as ws:
        await screen_until(ws, "Gemeente Testdorp")
        assert len(wizard_processes(db)) == 1
        assert server.stop(signal.SIGINT) == 0
    assert wizard_processes(db) == []


async def test_closing_the_browser_ends_its_wizard(db, servers):
    server, url = start(servers, db, "--kiosk", env=KIOSK_ENV)
    async with aiohttp.ClientSession() as session, session.ws_connect(ws_url(url)) as ws:
        await screen_until(ws, WELCOME)
        assert len(wizard_processes(db)) == 1
    wait_until(lambda: wizard_processes(db) == [], what="the wizard of a closed connection to end")
    assert server.stop() == 0
    assert "Traceback" not in server.output() and "Unknown child" not in server.output()


async def test_one_more_connection_than_allowed_gets_a_dutch_message_not_a_wizard(db, servers):
    _, url = start(servers, db, "--kiosk", "--max-sessions", "1", env=KIOSK_ENV)
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(ws_url(url)) as first:
            await screen_until(first, WELCOME)
            async with session.get(url) as page:
                assert page.status == 503
                body = await page.text()
            assert "bezet" in body and 'lang="nl"' in body
            async with session.ws_connect(ws_url(url)) as second:
                refused = await screen_until(second, "bezet", timeout=10)
                assert "bezet" in refused and WELCOME not in refused
                assert (await second.receive()).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            assert len(wizard_processes(db)) == 1
        wait_until(lambda: wizard_processes(db) == [], what="the first wizard to end")
        for _ in range(100):  # the place is free again once the server has seen the wizard end
            async with session.get(url) as page:
                if page.status == 200:
                    break
            await asyncio.sleep(0.1)
        assert page.status == 200


async def test_another_site_in_the_browser_cannot_open_a_wizard(db, servers):
    _, url = start(servers, db)
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as caught:
            await session.ws_connect(ws_url(url), headers={"Origin": "http://evil.example"})
        assert caught.value.status == 403
        assert wizard_processes(db) == []


async def test_the_page_loads_nothing_from_elsewhere(db, servers):
    _, url = start(servers, db)
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as page:
            body = await page.text()
            policy = page.headers["Content-Security-Policy"]
        for path in ("static/js/textual.js", "static/fonts/RobotoMono-VariableFont_wght.ttf", "hr-wizard/start.js"):
            async with session.get(url + path) as asset:
                assert asset.status == 200, path
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "http:" not in body and "https:" not in body and "//" not in body  # only paths on this server
    assert 'lang="nl"' in body and "Roboto Mono" in body


async def test_the_page_speaks_with_the_gemeente_s_own_texts(db, servers, tmp_path):
    (tmp_path / "config.toml").write_text('[messages]\ncli_serve_page_starting = "Even geduld, de aanvraag start."\n', encoding="utf-8")
    _, url = start(servers, db)
    async with aiohttp.ClientSession() as session, session.get(url) as page:
        assert "Even geduld, de aanvraag start." in await page.text()


def test_the_wheel_carries_the_page(tmp_path):
    root, source = ROOT, tmp_path / "source"
    shutil.copytree(root / "hr_wizard", source / "hr_wizard", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("hr_wizard-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "hr_wizard/web/index.html" in names and "hr_wizard/web/start.js" in names


# --- the whole path in a real browser --------------------------------------------------

def test_a_visitor_applies_in_a_real_browser_and_nothing_leaves_the_machine(db, servers, tmp_path):
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    from hr_wizard.store import Store

    browser = chromium()
    _, url = start(servers, db, "--kiosk", env=KIOSK_ENV)
    here = urlsplit(url).netloc
    foreign: list[str] = []
    problems: list[str] = []
    sockets: list[str] = []
    screen = bytearray()

    def guard(route) -> None:  # every request the page makes goes past here
        if urlsplit(route.request.url).netloc == here:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    def on_websocket(ws) -> None:
        sockets.append(ws.url)
        ws.on("framereceived", lambda payload: screen.extend(payload if isinstance(payload, bytes) else b""))

    def wait_for_screen(wanted: str, timeout: float = 20) -> None:
        for _ in range(int(timeout * 10)):
            if wanted in plain(bytes(screen)):
                return
            page.wait_for_timeout(100)
        raise AssertionError(f"{wanted!r} did not appear in the browser")

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=browser, args=CHROMIUM_FLAGS, headless=True,
            viewport={"width": 960, "height": 600}, timeout=30_000)
        try:
            context.route("**/*", guard)
            page = context.new_page()
            page.on("websocket", on_websocket)
            # The page's Content-Security-Policy stops a request to elsewhere before it is made;
            # the attempt still shows as a console error, and counts as a failure here too.
            page.on("console", lambda message: message.type == "error" and problems.append(message.text))
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(url)
            wait_for_screen(WELCOME)
            page.wait_for_timeout(300)  # let the canvas paint the frame it received
            page.screenshot(path=artefacts(tmp_path) / "serve-kiosk.png")
            if os.environ.get("HR_WIZARD_UPDATE_DOCS") == "1":  # the README's picture, on purpose only
                page.screenshot(path=ROOT / "docs" / "serve-kiosk.png")

            page.click(".xterm-screen")
            page.keyboard.press("Enter")
            wait_for_screen("Uw naam")  # the kiosk speaks to the visitor
            for value in ("Jan Jansen", "Burgerzaken", "jan@testdorp.nl", ""):  # naam, team, e-mail, telefoon
                page.keyboard.type(value)
                page.keyboard.press("Enter")
            wait_for_screen("Stap 1 van 7")
            page.screenshot(path=artefacts(tmp_path) / "serve-kiosk-step1.png")

            # The operator code works in the browser's wizard: the child got the hash.
            page.keyboard.press("F12")
            wait_for_screen("beheerderscode")
            page.keyboard.type(CODE)
            page.keyboard.press("Enter")
            page.wait_for_selector("body.-closed", timeout=10_000)
            assert "De wizard is gesloten" in page.inner_text("body")
        finally:
            context.close()

    store = Store.open(str(db))
    try:
        saved = list(store.iter_applications(store.get_project().id))
        assert [(a.naam, a.team, a.email, a.current_step) for a in saved] == [("Jan Jansen", "Burgerzaken", "jan@testdorp.nl", 1)]
    finally:
        store.close()
    assert foreign == [] and problems == []
    assert sockets and all(urlsplit(socket).netloc == here for socket in sockets)
