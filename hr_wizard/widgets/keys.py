"""Typing ahead safely: keys that arrive in one burst (a paste, or lag over SSH)."""

from __future__ import annotations

import asyncio

from textual.widget import Widget


async def settle(widget: Widget | None) -> None:
    """Wait until `widget` has handled every key already sent to it.

    A priority binding (such as Enter = next field) runs while the app reads keys, which can
    be before the focused Input has applied the keys typed just before it. Waiting on a
    callback queued behind those keys makes the value complete. The app hands no further keys
    out meanwhile, so text typed after Enter lands in the next field.
    """
    if widget is None or not widget.is_mounted:
        return
    done = asyncio.Event()
    widget.call_later(done.set)
    await done.wait()
