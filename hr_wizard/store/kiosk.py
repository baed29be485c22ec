"""The kiosk's part of the database: a visitor's resume code (only its hash) and the wrong codes
typed per e-mail address. The rules themselves (the code, its hash, the limits) are in
hr_wizard.kiosk; here they meet the rows, each resume attempt in one transaction."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import delete, func, update
from sqlmodel import col, select

from hr_wizard.kiosk import RESUME_FAILURE_LIMIT, RESUME_LOCK, email_key, verify_resume_code
from hr_wizard.models import Application, KioskResumeAttempt
from hr_wizard.store.base import StoreBase

# What a resume attempt comes to: "open" (the application), "wrong" (no such e-mail address,
# a wrong or expired code: the visitor is not told which), "locked" (too many wrong codes for
# this address; `locked_until` in UTC), "finished" (right code, but the toegangscode is in: the
# kiosk does not reopen it).
RESUME_OUTCOMES = ("open", "wrong", "locked", "finished")


class Resume(NamedTuple):
    outcome: str
    application: Application | None = None
    locked_until: dt.datetime | None = None


def _utc(now: dt.datetime | None) -> dt.datetime:
    """Moments in the attempts table are UTC."""
    now = now or dt.datetime.now(dt.UTC)
    return now.astimezone(dt.UTC) if now.tzinfo else now.replace(tzinfo=dt.UTC)


class KioskStore(StoreBase):
    def set_resume_code(self, application_id: int, code_hash: str, expires: dt.date | None) -> None:
        """Keep a new resume code's hash (the old one stops working); "" and None forget it.
        Not a change of the application itself: its version stays, so no desk sees a conflict."""
        with self._write() as session:
            session.execute(update(Application).where(col(Application.id) == application_id)
                            .values(resume_code_hash=code_hash, resume_code_expires=expires))

    def resume_application(self, project_id: int, email: str, code: str, *, now: dt.datetime | None = None,
                           today: dt.date | None = None) -> Resume:
        """A kiosk visitor's own application, by their work e-mail address and resume code.

        Nothing else opens it at the kiosk. Each wrong code counts against the address (kept only
        as a hash, see kiosk.email_key); at RESUME_FAILURE_LIMIT wrong codes within RESUME_LOCK of
        each other the address is locked for RESUME_LOCK. An address without an application
        counts the same, so the answer never tells whether someone has one."""
        moment = _utc(now)
        today = today or dt.date.today()
        key = email_key(project_id, email)
        with self._write() as session:
            session.execute(delete(KioskResumeAttempt).where(col(KioskResumeAttempt.locked_until) < moment))
            attempt = session.get(KioskResumeAttempt, key, with_for_update=True)
            if attempt is not None and attempt.failures >= RESUME_FAILURE_LIMIT:
                return Resume("locked", locked_until=attempt.locked_until)
            rows = session.exec(select(Application).where(Application.project_id == project_id,
                                                          func.lower(Application.email) == email.strip().lower()))
            for row in rows:
                if not row.resume_code_hash or not verify_resume_code(code, row.resume_code_hash):
                    continue
                if row.resume_code_expires is not None and row.resume_code_expires < today:
                    continue
                if attempt is not None:
                    session.delete(attempt)
                if row.letter_received is not None:
                    row.resume_code_hash, row.resume_code_expires = "", None
                    session.add(row)
                    return Resume("finished")
                return Resume("open", row)
            # A wrong code. While under the limit, `locked_until` is when the count lapses;
            # at the limit it is the end of the lock.
            if attempt is None:
                attempt = KioskResumeAttempt(email_key=key, failures=0)
            attempt.failures += 1
            attempt.locked_until = moment + RESUME_LOCK
            session.add(attempt)
            if attempt.failures >= RESUME_FAILURE_LIMIT:
                return Resume("locked", locked_until=attempt.locked_until)
            return Resume("wrong")
