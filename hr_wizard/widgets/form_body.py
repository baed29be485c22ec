"""The scrolling body of a form. Its fields take the focus, never the body itself: Tab must
not land on something that shows no cursor. PageUp and PageDown still scroll it, from a field."""

from __future__ import annotations

from textual.containers import VerticalScroll


class FormBody(VerticalScroll, can_focus=False):
    pass
