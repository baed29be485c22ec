"""Seeding helpers shared by the tests: real databases with known rows, and the command line
as a subprocess. No Textual here (tests/app/pilot.py drives the app)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hr_wizard.store import Store

SCRIPT = shutil.which("hr-wizard", path=str(Path(sys.executable).parent))


NO_PSYCOPG = "psycopg is not installed; install the postgres extra (pip install -c constraints.txt -e '.[postgres]')"


def psycopg_installed() -> bool:
    """Whether the PostgreSQL driver can be imported (the postgres extra)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return True


def seeded(db_path, debiteurnummer: str = "") -> Store:
    """An open store with one project (Gemeente Testdorp); the caller closes it."""
    store = Store.open(str(db_path))
    project = store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    if debiteurnummer:
        store.set_project_debiteurnummer(project.id, debiteurnummer)
    return store


def seeded_project(db_path) -> tuple[Store, object]:
    """Gemeente Testdorp with a step done and noted, one late letter (Jan de Werker), a process
    that uses the HR as its source and a concept terugmelding; the caller closes the store."""
    store = seeded(db_path)
    project = store.get_project()
    store.set_step_status(project.id, "fase1.website", "done")
    store.set_step_note(project.id, "fase1.website", "Gelezen <samen> met Jan", expected_version=1)
    late = store.create_application(project.id, "Jan de Werker", "Burgerzaken", "jan@testdorp.nl")
    store.save_application(late.id, late.version, applied_on=dt.date(2026, 1, 5), letter_due=dt.date(2026, 1, 7))
    store.create_process(project.id, naam="Subsidie", source="handelsregister")
    store.create_terugmelding(project.id, kvk_nummer="69599084")
    return store, project


def seeded_for_quickread(db_path, today: dt.date) -> Store:
    """Two gemeenten, Testdorp remembered with its last step, and three letters around `today`."""
    from hr_wizard.remembered import last_step_setting

    store = Store.open(str(db_path))
    store.create_project("Gemeente Eerst", "Piet Puk", "piet@eerst.nl")
    project = store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    store.remember_project(project.id)
    store.set_step_status(project.id, "fase1.website", "done")
    store.set_step_note(project.id, "fase1.website", "Gelezen", expected_version=1)
    store.set_step_status(project.id, "fase2.processen", "in_progress")
    store.set_setting(last_step_setting(project.id), "fase2.processen")
    for naam, due, received in (("Laat", dt.date(2026, 11, 27), None), ("Vandaag", today, None),
                                ("Binnen", dt.date(2026, 1, 7), dt.date(2026, 1, 6))):
        application = store.create_application(project.id, naam, "Team", f"{naam.lower()}@testdorp.nl")
        store.save_application(application.id, application.version, applied_on=due - dt.timedelta(days=3),
                               letter_due=due, letter_received=received)
    return store


def count_applications(path: Path) -> int:
    """Rows in the application table of a SQLite file, read without the store."""
    import sqlite3

    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM application").fetchone()[0]


def seeded_steps(db_path) -> None:
    """Gemeente Testdorp with a few steps marked and one note, as the main screen's snapshots show."""
    store = seeded(db_path)
    project = store.get_project()
    store.set_step_status(project.id, "doorlooptijd.startpunt", "done")
    store.set_step_status(project.id, "fase1.website", "done")
    store.set_step_status(project.id, "fase1.aanvraagformulier", "in_progress")
    store.set_step_note(project.id, "fase1.aanvraagformulier", "Formulier ligt bij de teamleider.", expected_version=1)
    store.set_step_status(project.id, "fase1.terugmelden", "skipped")
    store.close()


def seeded_application(db_path, step: int) -> None:
    """Gemeente Testdorp with Jan de Werker's application at `step`."""
    store = seeded(db_path)
    application = store.create_application(store.get_project().id, "Jan de Werker", "Afd. Werk en Inkomen", "jan@testdorp.nl")
    store.save_application(application.id, application.version, current_step=step)
    store.close()


def seeded_page(db_path, page: int) -> None:
    """Jan de Werker's application at `page`, with fixed dates: a snapshot must not change with the day."""
    store = seeded(db_path)
    project = store.get_project()
    application = store.create_application(project.id, "Jan de Werker", "Afd. Werk en Inkomen", "jan@testdorp.nl")
    changes = {"current_step": page}
    if page >= 3:  # page 3 asks the date of the application: without one it shows today's
        changes |= {"kenmerk": "Afd. Werk en Inkomen / Jan de Werker", "applied_on": dt.date(2026, 1, 5)}
    store.save_application(application.id, application.version, **changes)
    store.close()


def seeded_roster(db_path) -> None:
    """Two applications: one with a late letter, one not applied for yet."""
    store = seeded(db_path)
    project = store.get_project()
    for naam, team, applied in [("Jan de Werker", "Afd. Werk en Inkomen", dt.date(2026, 1, 5)), ("Özlem Yılmaz", "Burgerzaken", None)]:
        application = store.create_application(project.id, naam, team, f"{naam.split()[0].lower()}@testdorp.nl")
        if applied:
            store.save_application(application.id, application.version, current_step=4, kenmerk=f"{team} / {naam}",
                                   applied_on=applied, letter_due=dt.date(2026, 1, 7))
    store.close()


def _command(args: tuple[str, ...]) -> list[str]:
    return [SCRIPT, *args] if SCRIPT else [sys.executable, "-m", "hr_wizard", *args]


def run(*args: str, env: dict | None = None, cwd: Path | None = None, text: bool = True) -> subprocess.CompletedProcess:
    """The installed command line, as a user runs it."""
    return subprocess.run(_command(args), capture_output=True, text=text, env={**os.environ, **(env or {})}, timeout=60,
                          stdin=subprocess.DEVNULL, cwd=cwd)


def run_into_closed_pipe(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command line writing into a pipe whose reader has already gone, as in
    `hr-wizard status | head -c 10` when head has finished first."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return subprocess.run(_command(args), stdout=writer, stderr=subprocess.PIPE, text=True, timeout=60,
                              stdin=subprocess.DEVNULL, cwd=cwd)
    finally:
        os.close(writer)


def damage_a_page(db_path: Path) -> None:
    """Overwrite the middle of the file (a page of the application table) with garbage, clean
    shut down first so no WAL holds a good copy."""
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    size = db_path.stat().st_size
    with open(db_path, "r+b") as handle:
        handle.seek(size - 4096 * 2)
        handle.write(b"\xa5" * 4096)


HOSTILE = "Jan\x1b]0;PWNED\x07\x1b[2JDoe\x9b31m"


def seeded_hostile(db_path) -> None:
    store = seeded(db_path)
    project = store.get_project()
    with store._write() as session:  # as another tool or an old version could have stored it
        from hr_wizard.models import Project
        row = session.get(Project, project.id)
        row.gemeente = "Gemeente " + HOSTILE
    store.set_step_note(project.id, "doorlooptijd.startpunt", "Notitie " + HOSTILE, expected_version=0)
    application = store.create_application(project.id, HOSTILE, "Team " + HOSTILE, "jan@testdorp.nl")
    store.save_application(application.id, application.version, applied_on=dt.date(2026, 1, 5),
                           letter_due=dt.date(2026, 1, 7), current_step=4)
    store.close()


# --- exports, reminders and the report -------------------------------------------------


def seeded_registers(db_path) -> None:
    """Two processes, two terugmeldingen, one application, a step with a note: a logboek with personal data
    in the records (never in the trail)."""
    store = seeded(db_path)
    project = store.get_project()
    store.create_process(project.id, naam="=Vergunning horeca", afdeling="Vergunningen", eigenaar="Piet Puk",
                         hr_data="KvK-nummer, naam", source="both", switch_on="2027-03-01", note="Eerst de koppeling")
    store.create_process(project.id, naam="Subsidie", source="handelsregister")
    report = store.create_terugmelding(project.id, today=dt.date(2026, 11, 2), kvk_nummer="69599084", object="establishment",
                                       nevenvestiging=True, vestigingsnummer="000038509504", attribute="bezoekadres",
                                       betwijfelde_waarde="Stationsstraat 1", voorgestelde_waarde="+31 Postbus 100",
                                       peilmoment="2026-10-30", toelichting="Bij ons bezoek stond het pand leeg; zie foto.",
                                       referentie="TM-2026-001", melder_naam="Piet Puk", melder_email="piet@testdorp.nl",
                                       adres_straat="Stationsstraat 1", adres_postcode="3511 AB", adres_plaats="Utrecht")
    store.move_terugmelding(report.id, report.version, "reported", dt.date(2026, 11, 3))
    store.create_terugmelding(project.id, today=dt.date(2026, 11, 20), kvk_nummer="12345678")
    application = store.create_application(project.id, "Jan de Werker", "Afd. Werk en Inkomen", "jan@testdorp.nl",
                                           telefoon="06 12345678")
    store.save_application(application.id, application.version, current_step=4, kenmerk="Afd. Werk en Inkomen / Jan de Werker",
                           applied_on=dt.date(2026, 1, 5), letter_due=dt.date(2026, 1, 7))
    store.set_step_status(project.id, "fase1.website", "done")
    store.set_step_note(project.id, "fase1.website", "Geheime notitie", expected_version=1)
    store.close()


def seeded_reminders(db_path, today: dt.date) -> dict[str, int]:
    """One record for every kind of reminder (dates around `today`), and one beside it that is
    finished or closed; returns the records' numbers by name."""
    store = seeded(db_path)
    project_id = store.get_project().id
    ids = {}

    def application(key: str, naam: str, **changes) -> None:
        row = store.create_application(project_id, naam, "Burgerzaken", f"{key}@testdorp.nl", telefoon="06 12345678")
        store.save_application(row.id, row.version, kenmerk=f"Afd. Werk en Inkomen / {naam}", **changes)
        ids[key] = row.id

    from hr_wizard.applications import months_before

    year_ago = months_before(today, 12)
    application("waiting", "Jan de Werker", applied_on=today - dt.timedelta(days=1), letter_due=today + dt.timedelta(days=4))
    application("late", "Özlem Yılmaz", applied_on=today - dt.timedelta(days=20), letter_due=today - dt.timedelta(days=15))
    application("received", "Kees Jansen", applied_on=today - dt.timedelta(days=9), letter_due=today - dt.timedelta(days=4),
                letter_received=today - dt.timedelta(days=5))
    application("review", "Anouk Visser", applied_on=year_ago - dt.timedelta(days=30), letter_due=year_ago - dt.timedelta(days=26),
                letter_received=year_ago - dt.timedelta(days=27), first_search_done=True, finished_on=year_ago - dt.timedelta(days=20))
    application("recent", "Daan Bakker", applied_on=today - dt.timedelta(days=30), letter_due=today - dt.timedelta(days=26),
                letter_received=today - dt.timedelta(days=27), first_search_done=True, finished_on=today - dt.timedelta(days=20),
                access_reviewed_on=today - dt.timedelta(days=10))
    application("gone", "Sanne de Vries", applied_on=today - dt.timedelta(days=9), letter_due=today - dt.timedelta(days=4),
                offboarded_on=today - dt.timedelta(days=1))
    for key, source, switch in (("switch", "own_register", today + dt.timedelta(days=40)), ("switched", "handelsregister", today),
                                ("unplanned", "both", None)):
        ids[key] = store.create_process(project_id, naam=f"Proces {key}", eigenaar="Piet Puk", source=source,
                                        switch_on=switch.isoformat() if switch else "").id
    for key, final in (("follow_up", None), ("closed", "withdrawn")):
        report = store.create_terugmelding(project_id, kvk_nummer="69599084", referentie=f"TM-{key[:6]}", object="enterprise",
                                           attribute="naam", betwijfelde_waarde="Bakkerij Oud", peilmoment=today.isoformat(),
                                           toelichting="Bij ons bezoek stond het pand leeg; zie foto.", melder_naam="Piet Puk",
                                           melder_email="piet@testdorp.nl")
        report = store.move_terugmelding(report.id, report.version, "reported", today)
        if final:
            store.move_terugmelding(report.id, report.version, final, today)
        ids[key] = report.id
    from sqlalchemy import text as sql

    with store.engine.begin() as connection:  # no form sets the follow-up date yet
        connection.execute(sql("UPDATE terugmelding SET follow_up_on = :day"), {"day": today + dt.timedelta(days=14)})
    store.close()
    return ids


def seeded_report(db_path, day: dt.date) -> None:
    """Steps in every state, applications in every status, letters due over the weeks after `day`."""
    store = seeded(db_path)
    project = store.get_project()
    for key, status in (("doorlooptijd.startpunt", "done"), ("fase1.website", "done"), ("fase1.aanvraagformulier", "in_progress"),
                        ("fase1.terugmelden", "skipped")):
        store.set_step_status(project.id, key, status)
    due_in = {"Jan de Werker": 1, "Mila Jansen": 4, "Kees Bakker": 5, "Anouk Visser": 12, "Daan de Vries": 40,
              "Sanne Smit": 70, "Özlem Yılmaz": -3}
    for number, (naam, days) in enumerate(due_in.items()):
        application = store.create_application(project.id, naam, "Burgerzaken", f"m{number}@testdorp.nl")
        store.save_application(application.id, application.version, applied_on=day - dt.timedelta(days=7),
                               letter_due=day + dt.timedelta(days=days))
    for number, extra in enumerate(({"letter_received": day - dt.timedelta(days=1)},
                                    {"letter_received": day - dt.timedelta(days=2), "first_search_done": True,
                                     "finished_on": day - dt.timedelta(days=1)},
                                    {"offboarded_on": day - dt.timedelta(days=1)})):
        application = store.create_application(project.id, f"Collega {number}", "Burgerzaken", f"c{number}@testdorp.nl")
        store.save_application(application.id, application.version, applied_on=day - dt.timedelta(days=9),
                               letter_due=day + dt.timedelta(days=3), **extra)
    store.create_application(project.id, "Nog Niet", "Burgerzaken", "nog@testdorp.nl")
    store.create_process(project.id, naam="Subsidie", source="handelsregister")
    store.create_process(project.id, naam="Vergunning horeca", source="both", switch_on="2027-03-01")
    store.create_terugmelding(project.id, kvk_nummer="69599084")
    store.close()


# --- the browser tests: the distribution's Chromium (scripts/with-chromium.sh) ---------------

CHROMIUM_FLAGS = [  # the network here is closed: without these Chromium waits for it and hangs
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium() -> str:
    """Chromium from scripts/with-chromium.sh (or on the PATH); without it skip, but never on CI."""

    found = os.environ.get("HR_WIZARD_TEST_CHROMIUM") or shutil.which("chromium") or ""
    if found and Path(found).is_file():
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true: the browser test must run. Start it with: bash scripts/with-chromium.sh make test")
    pytest.skip("no Chromium; run `bash scripts/with-chromium.sh make test` to include the browser test")


def artefacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("HR_WIZARD_TEST_ARTEFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def seeded_at(db_path):
    """Gemeente Testdorp with Jan de Werker's application, applied for today; returns (store, its id)."""
    store = seeded(db_path)
    application = store.create_application(store.get_project().id, "Jan de Werker", "Afd. Werk en Inkomen",
                                           "jan@testdorp.nl")
    store.save_application(application.id, application.version, applied_on=dt.date.today())
    return store, application.id


def seeded_with_applications(db_path, count: int) -> Store:
    """Gemeente Testdorp with `count` applications: Naam i, Team, ni@testdorp.nl; the caller closes it."""
    store = seeded(db_path)
    store.import_applications(store.get_project().id, [{"naam": f"Naam {i}", "team": "Team", "email": f"n{i}@testdorp.nl"}
                                                       for i in range(count)])
    return store


def write_import_csv(path: Path, rows: int, first: int = 0) -> Path:
    """A CSV for `hr-wizard import accounts` with `rows` people, with ni@testdorp.nl from i = `first`
    (names are letters: a name has no digits)."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write("Naam;Afdeling;E-mailadres;Telefoon;Kenmerk\r\n")
        for i in range(first, first + rows):
            naam = "Nieuw " + "".join("abcdefghij"[int(digit)] for digit in str(i)).capitalize()
            handle.write(f"{naam};Burgerzaken;n{i}@testdorp.nl;06 1234 5678;Burgerzaken / {naam}\r\n")
    return path


def account(name: str):
    """The operating-system account `name` (pwd entry), or None where there is none (or no pwd)."""
    try:
        import pwd

        return pwd.getpwnam(name)
    except (ImportError, KeyError):
        return None


def _fork() -> int:
    """os.fork, without Python 3.12's warning about threads: the child only drops its rights
    and runs code that is already imported, then ends with os._exit."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def as_user(user, function, *args) -> dict:
    """Run function(*args) in a forked child with `user`'s user and group ids and no other
    groups, as root can: file modes then count, which root ignores. Returns {"result": the
    function's JSON-able result} or {"error": the exception's class name, "message": its text}.

    No new interpreter starts: the Python may live where `user` cannot read (root's home), so
    everything the function needs must be imported before (a store opened once does that)."""
    import json
    import traceback

    reader, writer = os.pipe()
    pid = _fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(reader)
        try:
            os.setgroups([])
            os.setgid(user.pw_gid)
            os.setuid(user.pw_uid)
            outcome = {"result": function(*args)}
        except BaseException as exc:  # noqa: BLE001  (reported to the parent, whatever it is)
            outcome = {"error": type(exc).__name__, "message": str(exc), "traceback": traceback.format_exc()}
        with os.fdopen(writer, "w", encoding="utf-8") as pipe:
            pipe.write(json.dumps(outcome, default=str))
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, encoding="utf-8") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(data)


@contextlib.contextmanager
def held_as_user(user, opener, *args):
    """opener(*args) in a forked child as `user` (see as_user), kept open until the block ends,
    then closed: another desk that has the database open meanwhile."""
    ready_r, ready_w = os.pipe()
    stop_r, stop_w = os.pipe()
    pid = _fork()
    if pid == 0:
        os.close(ready_r)
        os.close(stop_w)
        try:
            os.setgroups([])
            os.setgid(user.pw_gid)
            os.setuid(user.pw_uid)
            held = opener(*args)
            os.write(ready_w, b"1")
            os.read(stop_r, 1)  # until the parent closes its end
            held.close()
        finally:
            os._exit(0)
    os.close(ready_w)
    os.close(stop_r)
    try:
        assert os.read(ready_r, 1) == b"1", "the other desk could not open the database"
        yield
    finally:
        os.close(stop_w)
        os.close(ready_r)
        os.waitpid(pid, 0)


class StoppableServer:
    """A PostgreSQL server of the tests' own (initdb and pg_ctl on a free port, as the postgres
    user when the tests run as root), that can stop answering: SIGSTOP to every one of its
    processes, as a hung machine or a frozen VM; the kernel still accepts the connection."""

    def __init__(self) -> None:
        import glob
        import socket
        import tempfile

        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(path.split("/")[-2]))
        if not bins:
            raise FileNotFoundError("no /usr/lib/postgresql/*/bin (scripts/with-postgres.sh installs it)")
        self.bin = Path(bins[-1])
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.folder = Path(tempfile.mkdtemp(prefix="hr-wizard-stoppable-pg-"))
        self.as_owner: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.folder, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self.data = self.folder / "data"
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-o",
                  f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off", "start")
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self.stopped: list[int] = []

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self.as_owner, str(self.bin / program), *args], check=True, capture_output=True, timeout=120,
                       stdin=subprocess.DEVNULL)

    def new_database(self) -> str:
        """The URL of a new, empty database on this server."""
        import uuid

        import psycopg

        name = f"hrw_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url.rsplit("/", 1)[0] + "/" + name

    def _processes(self) -> list[int]:
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == postmaster:
                children.append(int(stat.parent.name))
        return [postmaster, *children]

    def stop_answering(self) -> None:
        import signal

        self.stopped = self._processes()
        for pid in self.stopped:
            os.kill(pid, signal.SIGSTOP)

    def answer_again(self) -> None:
        import signal

        for pid in self.stopped:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        self.stopped = []

    def close(self) -> None:
        self.answer_again()
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


# A PostgreSQL address with a password, in every form it reaches hr-wizard: in the user part
# (with the characters that end a naive parse: ?, #, @), in the query (any case), malformed
# (a port that is no number, one slash, no slashes). The password's pieces must never show.
PASSWORD_PIECES = ("Xq7", "Vw9")
ADDRESSES_WITH_A_PASSWORD = (
    "postgresql+psycopg://helpdesk:Xq7Vw9@db.example/hr",
    "postgresql+psycopg://helpdesk:Xq7?Vw9@db.example/hr",
    "postgresql+psycopg://helpdesk:Xq7#Vw9@db.example/hr",
    "postgresql+psycopg://helpdesk:Xq7@Vw9@db.example/hr",
    "postgresql+psycopg://helpdesk@db.example/hr?password=Xq7Vw9",
    "postgresql+psycopg://db.example/hr?sslmode=require&user=helpdesk&PassWord=Xq7Vw9",
    "postgresql+psycopg://helpdesk:Xq7Vw9@db.example:54x2/hr",
    "postgresql+psycopg:/helpdesk:Xq7Vw9@db.example/hr",
    "postgres:helpdesk:Xq7Vw9@db.example/hr",
)


def shows_a_password_piece(text: str) -> bool:
    return any(piece in text for piece in PASSWORD_PIECES)


def seeded_backup_and_later(db_path) -> tuple[Store, Path]:
    """Gemeente Testdorp with Jan de Werker, a backup of that (`db_path` + .kopie), and after the
    backup: Kees Later's application and fase1.website done. Returns the open store and the backup."""
    store = seeded(db_path)
    project = store.get_project()
    store.create_application(project.id, "Jan de Werker", "Burgerzaken", "jan@testdorp.nl")
    backup = store.backup_to(db_path.with_name(db_path.name + ".kopie"))
    store.create_application(project.id, "Kees Later", "Burgerzaken", "kees@testdorp.nl")
    store.set_step_status(project.id, "fase1.website", "done")
    return store, backup


# Actions that end, suspend or leave the kiosk, show another screen, another theme, or copy
# and paste between visitors: none may be on the allow-list, under any holder.
FORBIDDEN = {"quit", "help_quit", "suspend_process", "command_palette", "screenshot", "change_theme", "toggle_dark",
             "toggle_contrast", "choose_project", "new_project", "pop_screen", "push_screen", "switch_screen",
             "switch_mode", "back", "simulate_key", "copy_text", "copy", "cut", "paste", "maximize", "focus"}
