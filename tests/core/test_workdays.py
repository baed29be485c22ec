import datetime as dt

import pytest

from hr_wizard.workdays import add_working_days, holiday_name, is_working_day

D = dt.date


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (D(2026, 4, 24), 2, D(2026, 4, 29)),  # Friday; Monday 27 April is Koningsdag
        (D(2026, 12, 24), 2, D(2026, 12, 29)),  # Thursday; 25 and 26 December
        (D(2026, 11, 26), 2, D(2026, 11, 30)),  # Thursday, over a weekend
        (D(2026, 11, 23), 2, D(2026, 11, 25)),  # Monday, no weekend
        (D(2026, 11, 28), 1, D(2026, 11, 30)),  # applied on a Saturday
        (D(2026, 5, 13), 2, D(2026, 5, 18)),  # Wednesday; Thursday 14 May is Hemelvaartsdag
        (D(2026, 5, 13), 0, D(2026, 5, 13)),
    ],
)
def test_add_working_days(start, days, due):
    assert add_working_days(start, days) == due


def test_holidays_are_named_in_dutch():
    assert holiday_name(D(2026, 4, 27)) == "Koningsdag"
    assert not is_working_day(D(2026, 5, 14))
    assert is_working_day(D(2026, 5, 15))
