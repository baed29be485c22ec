"""The gemeente (project), its roadmap steps and the small remembered settings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from hr_wizard.errors import BusyError, ConflictError, StoreError
from hr_wizard.models import Project, Setting, StepProgress, utcnow
from hr_wizard.remembered import pick_project, project_setting
from hr_wizard.store.base import StoreBase
from hr_wizard.summaries import STEP_STATUSES
from hr_wizard.texts import text

PROJECT_FIELDS = frozenset({"gemeente", "projectleider_naam", "projectleider_email"})


class ProjectsStore(StoreBase):
    def get_project(self, project_id: int | None = None) -> Project | None:
        """One project (gemeente); without an id the first one, as in a single-gemeente file."""
        with self._read() as session:
            if project_id is not None:
                return session.get(Project, project_id)
            return session.exec(select(Project).order_by(col(Project.id))).first()

    def projects(self) -> list[Project]:
        """Every gemeente in this database, by name (a cooperation keeps several in one)."""
        with self._read() as session:
            return list(session.exec(select(Project).order_by(func.lower(Project.gemeente), col(Project.id))))

    def choose_project(self, gemeente: str = "") -> tuple[Project | None, list[Project]]:
        """The project to open: the one named, else this user's last one, else the only one.
        Returns (project or None, all projects) so a caller can ask when it cannot tell."""
        projects = self.projects()
        return pick_project(projects, gemeente, self.get_setting(self.project_setting())), projects

    def project_setting(self) -> str:
        return project_setting(self.actor)

    def remember_project(self, project_id: int) -> None:
        self.set_setting(self.project_setting(), str(project_id))

    def create_project(self, gemeente: str, naam: str, email: str) -> Project:
        project = Project(gemeente=gemeente, projectleider_naam=naam, projectleider_email=email)
        with self._write() as session:
            session.add(project)
            session.flush()
            self._audit(session, project.id, "project", project.id, "created")
        return project

    # --- roadmap steps ----------------------------------------------------

    def step_progress(self, project_id: int) -> dict[str, StepProgress]:
        with self._read() as session:
            rows = session.exec(select(StepProgress).where(StepProgress.project_id == project_id))
            return {row.step_key: row for row in rows}

    def _step_row(self, session: Session, project_id: int, step_key: str) -> StepProgress | None:
        return session.exec(
            select(StepProgress).where(StepProgress.project_id == project_id, StepProgress.step_key == step_key).with_for_update()
        ).first()

    def set_step_status(self, project_id: int, step_key: str, status: str) -> StepProgress:
        """Mark a step; the status is an absolute choice, so it never conflicts."""
        if status not in STEP_STATUSES:
            raise ValueError(status)
        try:
            return self._set_step_status(project_id, step_key, status)
        except IntegrityError:  # another desk made the row at the same moment: now it exists
            return self._set_step_status(project_id, step_key, status)

    def _set_step_status(self, project_id: int, step_key: str, status: str) -> StepProgress:
        with self._write() as session:
            return self._mark_step(session, project_id, step_key, status)

    def _mark_step(self, session: Session, project_id: int, step_key: str, status: str) -> StepProgress:
        """Set a step's status inside the caller's transaction, with its line in the audit trail."""
        row = self._step_row(session, project_id, step_key)
        if row is None:
            row = StepProgress(project_id=project_id, step_key=step_key, status=status, version=1)
        elif row.status == status:
            return row  # already so: no new version, no audit line
        else:
            row.status = status
            row.version += 1
            row.updated_at = utcnow()
        session.add(row)
        self._audit(session, project_id, "step", step_key, "changed", f"status: {status}")
        return row

    def set_step_note(self, project_id: int, step_key: str, note: str, expected_version: int) -> StepProgress:
        """Save a note if nobody else changed the step since `expected_version` (0: no row yet)."""
        try:
            return self._set_step_note(project_id, step_key, note, expected_version)
        except IntegrityError:  # another desk made the row first
            raise ConflictError(self.step_progress(project_id).get(step_key)) from None

    def _set_step_note(self, project_id: int, step_key: str, note: str, expected_version: int) -> StepProgress:
        with self._write() as session:
            row = self._step_row(session, project_id, step_key)
            current = row.version if row else 0
            if current != expected_version:
                if row is not None:
                    session.expunge(row)  # keep its loaded values; the rollback would expire them
                raise ConflictError(row)
            if row is None:
                row = StepProgress(project_id=project_id, step_key=step_key, note=note, version=1)
            else:
                row.note = note
                row.version += 1
                row.updated_at = utcnow()
            session.add(row)
            self._audit(session, project_id, "step", step_key, "changed", "note")
        return row

    # --- settings ---------------------------------------------------------

    def get_setting(self, key: str, default: str = "") -> str:
        with self._read() as session:
            row = session.get(Setting, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        if self.readonly or self.unanswered:
            return  # remembered choices are a convenience: a read-only file, or a server that does not answer, forgets them
        try:
            try:
                self._set_setting(key, value)
            except IntegrityError:  # made by another desk at the same moment: set it again
                self._set_setting(key, value)
        except BusyError:
            return  # another desk is writing: this choice is simply not remembered this time

    def _set_setting(self, key: str, value: str) -> None:
        with self._write() as session:
            row = session.get(Setting, key) or Setting(key=key, value=value)
            row.value = value
            session.add(row)

    def save_project(self, project_id: int, expected_version: int, **changes: Any) -> Project:
        """Correct the intake (the gemeente's name, its projectleider) if nobody else changed it."""
        return self._save_versioned(Project, "project", PROJECT_FIELDS, project_id, expected_version, "error_gone_project", changes)

    def set_project_debiteurnummer(self, project_id: int, nummer: str, expected_version: int | None = None) -> Project:
        """Save the gemeente's debiteurnummer if nobody changed the project since `expected_version`.
        (None skips the check: only for callers that have no version yet.)"""
        with self._write() as session:
            if expected_version is None:
                project = session.get(Project, project_id, with_for_update=True)
                if project is None:
                    raise StoreError(text("error_gone_project"))
            else:
                project = self._locked_row(session, Project, project_id, expected_version, "error_gone_project")
            self._apply(session, project, "project", frozenset({"debiteurnummer"}), project_id, {"debiteurnummer": nummer})
        return project
