"""Typing stays as light as in a bare Input: a keystroke repaints the field, it does not lay
out the whole page, and a long value still scrolls within its field."""

from __future__ import annotations

from textual.widgets import Input

from hr_wizard.widgets.roster_table import RosterTable

from ..helpers import seeded_application
from .pilot import make_app, open_first_application, open_roster, type_filter


def count_layouts(screen) -> list[int]:
    """Count the screen's full layouts (Screen._refresh_layout) from now on."""
    layouts = [0]
    original = screen._refresh_layout

    def counting(*args, **kwargs):
        layouts[0] += 1
        return original(*args, **kwargs)

    screen._refresh_layout = counting
    return layouts


async def test_a_keystroke_in_a_field_lays_out_nothing(db_path):
    seeded_application(db_path, 2)
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first_application(pilot)
        field = screen.query_one("#kenmerk-whole Input", Input)
        screen.set_focus(field)
        await pilot.pause()
        layouts = count_layouts(screen)
        await pilot.press(*"Burgerzaken / Jan")
        assert field.value == "Burgerzaken / Jan"
        assert layouts[0] == 0


async def test_a_long_value_scrolls_within_its_field(db_path):
    seeded_application(db_path, 2)
    app = make_app(db_path)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_first_application(pilot)
        field = screen.query_one("#kenmerk-whole Input", Input)
        screen.set_focus(field)
        typed = "Afdeling Werk en Inkomen, team Handhaving / Jan de Werker"
        await pilot.press(*typed)
        assert field.value == typed
        shown = "".join(segment.text for segment in field.render_line(0))
        assert "de Werker" in shown and not shown.startswith("Afdeling")  # scrolled to the cursor


async def test_typing_in_the_roster_search_box_lays_out_nothing_while_the_rows_stay(db_path):
    seeded_application(db_path, 2)
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        search = roster.query_one("#roster-filter", Input)
        roster.set_focus(search)
        await app.workers.wait_for_complete()  # the roster settled: its first page and totals are in
        await pilot.pause()
        await roster.wait_for_refresh()
        await pilot.pause()
        layouts = count_layouts(roster)
        await type_filter(pilot, *"jan")
        assert search.value == "jan"
        assert layouts[0] == 0  # the same rows (one application): nothing moves
        await type_filter(pilot, "x")
        assert roster.query_one(RosterTable).total == 0


async def test_keys_typed_right_after_tab_land_in_the_next_field(db_path):
    """Over SSH a burst arrives at once: Tab, then letters. Tab must move on before the letters
    are handled (without a priority binding it took effect only after bubbling back up, and
    "Gemeente TestdorpPiet Proef" ended in one field)."""
    from textual import events

    from hr_wizard.screens.intake import IntakeScreen

    from .pilot import wait_for

    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, IntakeScreen)
        first = app.focused
        for key, character in (("G", "G"), ("tab", None), ("P", "P"), ("i", "i")):
            app.post_message(events.Key(key, character))  # all queued before any is handled
        await pilot.pause()
        fields = list(screen.query(Input))
        assert first is fields[0] and fields[0].value == "G" and fields[1].value == "Pi"


async def test_the_live_kenmerk_follows_the_value_in_the_same_frame(db_path):
    """The preview changes when the value does, not after Input.Changed has travelled up to the
    screen (a frame or two later: the letter and the preview were two repaints, 25 ms apart)."""
    seeded_application(db_path, 2)
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first_application(pilot)
        await pilot.pause()
        screen.query_one("#kenmerk-team Input", Input).value = "Burgerzaken"
        assert "Burgerzaken / Jan de Werker" in str(screen.query_one("#copy-text").render())  # no await in between
