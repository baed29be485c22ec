"""A labelled text field that checks its value with a pure validator and says what is wrong."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from hr_wizard.texts import text
from hr_wizard.validation import Check

CheckFunction = Callable[[str], Check]


class CheckValidator(Validator):
    """Adapts a pure `str -> Check` rule (hr_wizard.validation) to Textual's Validator."""

    def __init__(self, check: CheckFunction) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        result = self.check(value)
        return self.success() if result.ok else self.failure(result.message)


# What a Field accepts at most unless it says otherwise: room for the longest rule (a
# toelichting, 2,000 characters) and its "too long" message, nothing near a 100 KB paste.
DEFAULT_MAX_LENGTH = 2_200


def room_for(limit: int) -> int:
    """A field's cap for a rule's limit: a little more, so a value that is too long stays in
    sight with its "too long" message instead of being cut off unnoticed."""
    return limit + 20


def pasteable(text: str) -> str:
    """What a paste puts in a one-line field: its first line (as Textual's Input takes it), a tab
    as a space, and no control characters (C0, DEL, C1): they never reach the widget."""
    lines = text.splitlines()
    line = lines[0] if lines else ""
    return "".join(" " if ch == "\t" else ch for ch in line if ch == "\t" or unicodedata.category(ch) != "Cc")


class QuietInput(Input):
    """An Input without a blinking cursor (a blink costs bandwidth and lag over SSH) that takes
    from a paste only what fits: no control characters, no more than `max_length`.

    It also keeps a keystroke from laying out the whole screen: Textual's Input sets its
    `virtual_size` (a layout reactive) on every change, which reflows every widget on the
    screen although a one-line field's own size never changes. The field scrolls within
    itself, so the new width is stored without asking for a layout."""

    _last_bell = 0.0

    def on_mount(self) -> None:
        self.cursor_blink = False

    def _watch_value(self, value: str) -> None:
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # instead of Input's own, which takes the paste whole
        event.stop()
        text = pasteable(event.text)
        start, end = sorted(self.selection)
        if self.max_length:
            text = text[:max(0, self.max_length - (len(self.value) - (end - start)))]
        if not text:
            if event.text:
                self.restricted()
            return
        self.replace(text, start, end)

    def restricted(self) -> None:
        """One bell for a burst of refused keys, not one per key (a paste typed as keys)."""
        now = time.monotonic()
        if now - self._last_bell > 0.5:
            self._last_bell = now
            self.app.bell()


class Field(Vertical):
    """Label, input and a message line. The message appears once the user leaves the field
    (or submits), then follows every keystroke until the value is right."""

    DEFAULT_CSS = """
    Field { height: auto; }
    Field > Label { width: 1fr; }  /* a long label wraps on a narrow screen instead of being cut */
    Field > .field--message { color: $text-error; height: auto; padding: 0 1; }
    Field > .field--message.-empty { display: none; }
    """

    def __init__(self, label: str, check: CheckFunction, *, value: str = "", placeholder: str = "", id: str | None = None,
                 compact: bool = True, max_length: int = DEFAULT_MAX_LENGTH) -> None:
        super().__init__(id=id)
        self.compact = compact
        self.max_length = max_length
        self.label = label
        self.check = check
        self._value = value
        # An example, never mistaken for a value that is filled in: "(bijv. 24-04-2026)", also without colour.
        self._placeholder = text("field_example", example=placeholder) if placeholder else ""
        self.touched = False

    def compose(self) -> ComposeResult:
        yield Label(self.label, markup=False)
        yield QuietInput(
            value=self._value,
            placeholder=self._placeholder,
            validators=[CheckValidator(self.check)],
            validate_on={"changed", "blur", "submitted"},
            compact=self.compact,
            max_length=self.max_length,
        )
        yield Static("", classes="field--message -empty", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    def result(self) -> Check:
        return self.check(self.input.value)

    def show(self, force: bool = False) -> Check:
        """Check the value; show its message if the user has left the field before (or `force`)."""
        result = self.result()
        self.touched = self.touched or force
        self._say("" if result.ok or not self.touched else result.message)
        return result

    def set_error(self, message: str) -> None:
        """Show a message from a rule beyond this field's own (one that compares fields, say);
        the next change checks the field's own rule again."""
        self.touched = True
        self._say(message)

    def _say(self, message: str) -> None:
        widget = self.query_one(".field--message", Static)
        text = f"! {message}" if message else ""
        if text != str(widget.render()):  # unchanged: no repaint, no new layout
            widget.update(text)
            widget.set_class(not text, "-empty")
            if text:  # a message below the fold would go unseen: bring the field and it into view
                self.call_after_refresh(self.scroll_visible, animate=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.touched:
            self.show()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if self.input.value:
            self.show(force=True)
