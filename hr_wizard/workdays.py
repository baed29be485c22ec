"""Working days: Monday to Friday minus Dutch public holidays (the `holidays` package)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=1)
def _dutch_holidays():
    import holidays  # deferred: a few hundred ms on first use, never on the start-up path

    return holidays.NL(language="nl")


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
    return _dutch_holidays().get(day)
