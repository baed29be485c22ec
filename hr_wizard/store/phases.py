"""Fase 1's preparation record and Fase 2's process inventory and terugmeldingen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from sqlalchemy import case, func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from hr_wizard import terugmelding as tm
from hr_wizard.errors import ConflictError, StoreError
from hr_wizard.models import Preparation, Process, Project, Terugmelding, TerugmeldingStatus, utcnow
from hr_wizard.rows import row_id
from hr_wizard.store.base import coerce_dates
from hr_wizard.store.projects import ProjectsStore
from hr_wizard.summaries import PREPARATION_STEP_FIELDS, preparation_step_statuses
from hr_wizard.texts import text

PREPARATION_FIELDS = frozenset({"website_consulted", "form_filled", "terugmelden", "sent_on", "contact_naam",
                                "contact_email", "existing_connection", "note"})
PROCESS_FIELDS = frozenset({"naam", "afdeling", "eigenaar", "hr_data", "source", "switch_on", "note"})
TERUGMELDING_FIELDS = frozenset({*tm.TEXT_FIELDS, "object", "not_registered", "nevenvestiging", "follow_up_on"})


class ExportedReport(NamedTuple):
    """A terugmelding with the dates its history gives: when it was reported, since when it has its status."""

    report: Terugmelding
    reported_on: dt.date | None
    status_since: dt.date | None


class TransitionError(StoreError):
    """A terugmelding status change that Digimelding does not advise."""



class PhasesStore(ProjectsStore):
    # --- Fase 1: the preparation record --------------------------------------

    def get_preparation(self, project_id: int) -> Preparation:
        """The project's Fase 1 record; a new, unsaved one (version 0) if nothing was saved yet."""
        with self._read() as session:
            return session.get(Preparation, project_id) or Preparation(project_id=project_id, version=0)

    def save_preparation(self, project_id: int, expected_version: int, **changes: Any) -> Preparation:
        """Save the Fase 1 record; a change to the part of it that a Fase 1 step follows marks
        that step too (done, in progress or todo), in the same transaction."""
        saved, _project = self.save_preparation_form(project_id, expected_version, changes)
        assert saved is not None  # there were changes, so there is a record
        return saved

    def save_preparation_form(self, project_id: int, expected_version: int, changes: dict[str, Any],
                              debiteurnummer: str | None = None,
                              project_version: int | None = None) -> tuple[Preparation | None, Project | None]:
        """What the Fase 1 screen saves, in one transaction: the record's changes (with the steps
        they mark) and the gemeente's debiteurnummer, each version-checked. Returns the saved
        record (None without changes) and the saved project (None without a new number). A
        ConflictError carries the record or the project, whichever another desk changed."""
        if changes and expected_version == 0:
            try:
                with self._write() as session:
                    if session.get(Preparation, project_id) is not None:
                        raise ConflictError(self.get_preparation(project_id))
                    session.add(Preparation(project_id=project_id, version=0))
            except IntegrityError:  # another desk made it at the same moment
                raise ConflictError(self.get_preparation(project_id)) from None
        row = project = None
        with self._write() as session:
            if debiteurnummer is not None:
                project = self._locked_row(session, Project, project_id,
                                           project_version if project_version is not None else -1, "error_gone_project")
                self._apply(session, project, "project", frozenset({"debiteurnummer"}), project_id,
                            {"debiteurnummer": debiteurnummer})
            if changes:
                row = self._locked_row(session, Preparation, project_id, expected_version, "error_gone_preparation")
                before = {name: getattr(row, name) for name in changes}
                self._apply(session, row, "preparation", PREPARATION_FIELDS, project_id, changes)
                moved = {name for name in changes if getattr(row, name) != before[name]}
                for step_key, status in preparation_step_statuses(row).items():
                    if not PREPARATION_STEP_FIELDS[step_key] & moved:
                        continue  # the user's own mark stays until the part of the record it follows changes
                    current = self._step_row(session, project_id, step_key)
                    if (current.status if current else "todo") != status:
                        self._mark_step(session, project_id, step_key, status)
        return row, project

    # --- Fase 2: process inventory -------------------------------------------

    def processes(self, project_id: int) -> list[Process]:
        with self._read() as session:
            query = select(Process).where(Process.project_id == project_id).order_by(func.lower(Process.naam), col(Process.id))
            return list(session.exec(query))

    def get_process(self, process_id: int) -> Process | None:
        with self._read() as session:
            return session.get(Process, process_id)

    def create_process(self, project_id: int, **fields: Any) -> Process:
        unknown = set(fields) - PROCESS_FIELDS
        if unknown:
            raise ValueError(f"unknown fields: {sorted(unknown)}")
        process = Process(project_id=project_id, **coerce_dates(Process, fields))
        with self._write() as session:
            session.add(process)
            session.flush()
            self._audit(session, project_id, "process", process.id, "created", f"source: {process.source}")
        return process

    def save_process(self, process_id: int, expected_version: int, **changes: Any) -> Process:
        return self._save_versioned(Process, "process", PROCESS_FIELDS, process_id, expected_version,
                                    "error_gone_process", changes)

    def delete_process(self, process_id: int) -> None:
        with self._write() as session:
            row = session.get(Process, process_id)
            if row is not None:
                session.delete(row)
                self._audit(session, row.project_id, "process", process_id, "deleted")

    def iter_processes(self, project_id: int, batch: int = 1000) -> Iterator[Process]:
        """Every process of the project, in order of number, a batch at a time (for the export)."""
        for rows in self._iter_records(Process, col(Process.project_id) == project_id, batch=batch):
            yield from rows

    def process_progress(self, project_id: int) -> tuple[int, int]:
        """(processes that use the HR as their source, all processes)."""
        from hr_wizard.inventory import SOURCE_DONE

        query = select(func.count(), func.coalesce(func.sum(case((col(Process.source) == SOURCE_DONE, 1), else_=0)), 0)).where(
            Process.project_id == project_id)
        with self._connect() as connection:
            total, done = connection.execute(query).one()
        return int(done), int(total)

    # --- Fase 2: terugmeldingen ----------------------------------------------

    def terugmeldingen(self, project_id: int, status: str | None = None, kvk: str = "") -> list[Terugmelding]:
        t = Terugmelding
        conditions: list[ColumnElement[bool]] = [col(t.project_id) == project_id]
        if status:
            conditions.append(col(t.status) == status)
        digits = "".join(ch for ch in kvk if ch.isdigit())
        if digits:
            conditions.append(col(t.kvk_nummer).startswith(digits))
        with self._read() as session:
            return list(session.exec(select(t).where(*conditions).order_by(col(t.id).desc())))

    def get_terugmelding(self, terugmelding_id: int) -> Terugmelding | None:
        with self._read() as session:
            return session.get(Terugmelding, terugmelding_id)

    def create_terugmelding(self, project_id: int, today: dt.date | None = None, **fields: Any) -> Terugmelding:
        """A new report, status draft (not sent yet)."""
        unknown = set(fields) - TERUGMELDING_FIELDS
        if unknown:
            raise ValueError(f"unknown fields: {sorted(unknown)}")
        report = Terugmelding(project_id=project_id, status="draft", **coerce_dates(Terugmelding, fields))
        with self._write() as session:
            session.add(report)
            session.flush()
            session.add(TerugmeldingStatus(terugmelding_id=row_id(report), status="draft", changed_on=today or dt.date.today()))
            self._audit(session, project_id, "terugmelding", report.id, "created", "status: draft")
        return report

    def save_terugmelding(self, terugmelding_id: int, expected_version: int, **changes: Any) -> Terugmelding:
        return self._save_versioned(Terugmelding, "terugmelding", TERUGMELDING_FIELDS, terugmelding_id, expected_version,
                                    "error_gone_terugmelding", changes)

    def move_terugmelding(self, terugmelding_id: int, expected_version: int, status: str, on: dt.date) -> Terugmelding:
        """Change the status, if Digimelding advises that transition; the history keeps the date."""
        with self._write() as session:
            row = self._locked_row(session, Terugmelding, terugmelding_id, expected_version, "error_gone_terugmelding")
            if not tm.can_move(row.status, status):
                raise TransitionError(text("error_transition", old=row.status, new=status))
            if status == "reported":
                missing = tm.missing_for_report(row.model_dump())
                if missing:
                    raise TransitionError(text("error_incomplete", fields=", ".join(sorted(missing))))
            row.status = status
            row.version += 1
            row.updated_at = utcnow()
            session.add(row)
            session.add(TerugmeldingStatus(terugmelding_id=row.id, status=status, changed_on=on))
            self._audit(session, row.project_id, "terugmelding", row.id, "changed", f"status: {status}")
        return row

    def iter_terugmeldingen(self, project_id: int, batch: int = 1000) -> Iterator[ExportedReport]:
        """Every terugmelding of the project in order of number, with the dates from its history,
        a batch at a time (for the export)."""
        s = TerugmeldingStatus
        for rows in self._iter_records(Terugmelding, col(Terugmelding.project_id) == project_id, batch=batch):
            reported: dict[int, dt.date] = {}
            latest: dict[int, dt.date] = {}
            with self._read() as session:
                for history in session.exec(select(s).where(col(s.terugmelding_id).in_([row.id for row in rows])).order_by(col(s.id))):
                    latest[history.terugmelding_id] = history.changed_on
                    if history.status == "reported":
                        reported.setdefault(history.terugmelding_id, history.changed_on)
            for row in rows:
                yield ExportedReport(row, reported.get(row.id), latest.get(row.id))

    def terugmelding_history(self, terugmelding_id: int) -> list[TerugmeldingStatus]:
        s = TerugmeldingStatus
        with self._read() as session:
            return list(session.exec(select(s).where(s.terugmelding_id == terugmelding_id).order_by(col(s.id))))

    def delete_terugmelding(self, terugmelding_id: int) -> None:
        """Only a draft can be deleted; a sent report is withdrawn instead."""
        with self._write() as session:
            row = session.get(Terugmelding, terugmelding_id)
            if row is None:
                return
            if row.status != "draft":
                raise TransitionError(text("error_delete_sent"))
            for history in session.exec(select(TerugmeldingStatus).where(TerugmeldingStatus.terugmelding_id == row.id)):
                session.delete(history)
            session.delete(row)
            self._audit(session, row.project_id, "terugmelding", terugmelding_id, "deleted")

    def terugmelding_counts(self, project_id: int) -> dict[str, int]:
        query = select(Terugmelding.status, func.count()).where(Terugmelding.project_id == project_id).group_by(Terugmelding.status)
        with self._connect() as connection:
            return {status: count for status, count in connection.execute(query)}
