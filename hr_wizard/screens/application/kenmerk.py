"""Page 2: the Kenmerk, built from team and contactpersoon with a live preview, or typed whole."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from hr_wizard import validation
from hr_wizard.screens.application.page import ApplicationPage
from hr_wizard.widgets.field import Field, room_for
from hr_wizard.widgets.live import set_live_text


def _optional_kenmerk(value: str) -> validation.Check:
    return validation.kenmerk(value) if value.strip() else validation.Check(True, "")


class KenmerkPage(ApplicationPage):
    def compose(self) -> ComposeResult:
        a = self.application
        assert a is not None
        team, person = (a.kenmerk.split(" / ") + [""])[:2] if a.kenmerk else (a.team, a.naam)
        name_room = room_for(validation.NAME_MAX)
        yield Field(self.t("kenmerk_team"), validation.team_name, value=team, id="kenmerk-team", max_length=name_room)
        yield Field(self.t("kenmerk_person"), validation.person_name, value=person, id="kenmerk-person", max_length=name_room)
        yield Field(self.t("kenmerk_whole"), _optional_kenmerk, id="kenmerk-whole", max_length=room_for(validation.KENMERK_MAX))
        yield Static("", id="copy-text", markup=False)
        yield Static("", id="kenmerk-message", markup=False)

    def check(self) -> validation.Check:
        """One rule checks the Kenmerk, typed whole or built from its two parts."""
        whole = self.query_one("#kenmerk-whole", Field).value
        if whole.strip():
            return validation.kenmerk(whole)
        team = self.query_one("#kenmerk-team", Field).value
        person = self.query_one("#kenmerk-person", Field).value
        return validation.kenmerk(validation.compose_kenmerk(team, person))

    def values(self) -> dict[str, Any] | None:
        for field in self.query(Field):
            field.show(force=True)
        check = self.check()
        self.refresh_live(show_errors=True)
        return {"kenmerk": check.value} if check.ok else None

    def refresh_live(self, show_errors: bool = False) -> None:
        check = self.check()
        preview = check.value if check.ok else validation.normalise_kenmerk(check.value)
        set_live_text(self.query_one("#copy-text", Static), f"{self.t('kenmerk_preview')}: {preview}")
        message = self.query_one("#kenmerk-message", Static)
        keep_showing = bool(str(message.render()))  # once shown, the message follows every key
        typed_whole = bool(self.query_one("#kenmerk-whole", Field).value.strip())  # its own field says what is wrong
        quiet = check.ok or typed_whole or not (show_errors or keep_showing)
        set_live_text(message, "" if quiet else f"! {check.message}")

    def copy_text(self) -> str | None:
        check = self.check()
        return check.value if check.ok else None
