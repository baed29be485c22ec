"""Working days: Monday to Friday minus Dutch public holidays (the `holidays` package)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase


@lru_cache(maxsize=1)
def _dutch_holidays() -> HolidayBase:
    import holidays  # deferred: a few hundred ms on first use, never on the start-up path

    return holidays.country_holidays("NL", language="nl")  # an NL, as holidays.NL(language="nl") is, but typed


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _dutch_holidays()


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The date `count` working days after `start` (the start day itself never counts)."""
    day = start
    remaining = count
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def holiday_name(day: dt.date) -> str | None:
    name: str | None = _dutch_holidays().get(day)  # holidays types it str | Any (the default's type)
    return name
