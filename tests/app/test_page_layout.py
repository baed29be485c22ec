"""The explanation is where the alarm is: at 80x24 every application page shows its
instruction, its fields with their messages and live parts, and the panel that explains the
page's notice, without scrolling. What does not fit is announced ("↓ meer: PageDown")."""

from __future__ import annotations

import pytest

from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.widgets.explanation import ExplanationPanel
from hr_wizard.widgets.more_below import MoreBelow

from ..helpers import seeded_at
from .pilot import make_app, open_roster, wait_for


def in_view(widget, body) -> bool:
    view = body.content_region
    return widget.region.y >= view.y and widget.region.bottom <= view.bottom


@pytest.mark.parametrize("page", range(8))
async def test_at_80x24_a_page_shows_what_to_do_and_what_it_means_without_scrolling(db_path, page):
    store, application_id = seeded_at(db_path)
    application = store.get_application(application_id)
    store.save_application(application_id, application.version, current_step=page)
    store.close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("enter")
        screen = await wait_for(pilot, ApplicationScreen)
        await pilot.pause()
        body = screen.query_one("#application")
        assert body.scroll_y == 0
        essentials = [screen.page_widget, *body.query(".instruction"), *list(body.query(ExplanationPanel))[:1],
                      *body.query(".warning")]
        hidden = [type(widget).__name__ for widget in essentials if not in_view(widget, body)]
        assert hidden == []
        more = screen.query_one(MoreBelow)
        assert more.showing is (body.max_scroll_y > 0)  # what is below is announced


async def test_at_60x20_scrolling_is_announced_and_a_message_is_brought_into_view(db_path):
    store, application_id = seeded_at(db_path)
    application = store.get_application(application_id)
    store.save_application(application_id, application.version, current_step=5)
    store.close()
    app = make_app(db_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_roster(pilot)
        await pilot.press("enter")
        screen = await wait_for(pilot, ApplicationScreen)
        await pilot.pause()
        more = screen.query_one(MoreBelow)
        assert more.showing and "PageDown" in str(more.render())
        body = screen.query_one("#application")
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert not more.showing and str(more.render()) == ""  # at the foot of the page: nothing more
        screen.set_focus(screen.query_one("#letter-received Input"))
        await pilot.press(*"31-31-2026", "enter")  # a date that does not exist
        await pilot.pause()
        message = screen.query_one("#letter-received .field--message")
        assert "bestaat niet" in str(message.render()) and in_view(message, body)
