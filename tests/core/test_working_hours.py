"""Office hours on working days: deadlines such as "answer within 4 working hours" and the
time an answer took, across weekends, public holidays and make-up working days."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from yunzhao.core import holidays
from yunzhao.core.calendar import add_working_hours, exceptions_between, office_hours_between
from yunzhao.core.models import CalendarDay

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")


def at(day: str, hour: int = 10, minute: int = 0, tz: dt.tzinfo = BEIJING) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=tz)


def test_hours_within_one_working_day():
    assert add_working_hours(at("2026-09-21", 10), 4) == at("2026-09-21", 14)  # a Monday


def test_a_friday_afternoon_enquiry_is_due_on_monday_morning():
    assert add_working_hours(at("2026-09-25", 16), 4) == at("2026-09-28", 11)


def test_a_public_holiday_does_not_count():
    CalendarDay.objects.create(date=dt.date(2026, 9, 28), is_working_day=False, name="假日")
    assert add_working_hours(at("2026-09-25", 16), 4) == at("2026-09-29", 11)


def test_a_make_up_working_day_on_a_sunday_counts():
    CalendarDay.objects.create(date=dt.date(2026, 9, 27), is_working_day=True, name="调休")
    assert add_working_hours(at("2026-09-25", 16), 4) == at("2026-09-27", 11)


def test_national_day_week_from_the_bundled_calendar():
    holidays.load()
    # 2025: 1–8 October off; Sunday 28 September and Saturday 11 October worked.
    assert add_working_hours(at("2025-09-30", 16), 4) == at("2025-10-09", 11)
    assert add_working_hours(at("2025-09-27", 12), 1) == at("2025-09-28", 10)
    assert office_hours_between(at("2025-09-30", 16), at("2025-10-09", 11)) == pytest.approx(4)


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        (at("2026-09-21", 7, 30), 2, at("2026-09-21", 11)),  # before opening: counts from 9:00
        (at("2026-09-21", 20), 1, at("2026-09-22", 10)),  # after closing: from the next morning
        (at("2026-09-21", 9), 9, at("2026-09-21", 18)),  # exactly one office day
        (at("2026-09-21", 9), 20, at("2026-09-23", 11)),  # several days
        (at("2026-09-21", 10), 0.5, at("2026-09-21", 10, 30)),
    ],
)
def test_office_hours_edges(start, hours, due):
    assert add_working_hours(start, hours) == due


def test_other_office_hours_and_time_zones():
    assert add_working_hours(at("2026-09-21", 17), 2, day_starts=8, day_ends=18) == at("2026-09-22", 9)
    # 08:00 UTC is 16:00 in Beijing: the zone's office hours apply, whoever asks.
    utc = at("2026-09-25", 8, tz=dt.UTC)
    due = add_working_hours(utc, 4)
    assert due == at("2026-09-28", 11)
    assert due.utcoffset() == dt.timedelta(hours=8)


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="negative"):
        add_working_hours(at("2026-09-21"), -1)
    with pytest.raises(ValueError, match="office hours"):
        add_working_hours(at("2026-09-21"), 1, day_starts=18, day_ends=9)


def test_time_between_counts_only_office_hours():
    CalendarDay.objects.create(date=dt.date(2026, 9, 28), is_working_day=False, name="假日")
    assert office_hours_between(at("2026-09-25", 16), at("2026-09-29", 11)) == pytest.approx(4)
    assert office_hours_between(at("2026-09-26", 10), at("2026-09-26", 15)) == 0  # a Saturday
    assert office_hours_between(at("2026-09-29", 11), at("2026-09-25", 16)) == pytest.approx(-4)
    assert office_hours_between(at("2026-09-21", 19), at("2026-09-22", 8)) == 0  # overnight


def test_adding_then_measuring_gives_back_the_hours():
    CalendarDay.objects.create(date=dt.date(2026, 9, 28), is_working_day=False, name="假日")
    exceptions = exceptions_between(dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    for day in range(14, 28):
        for hour in (0, 8, 9, 13, 17, 18, 23):
            start = at(f"2026-09-{day:02d}", hour)
            for hours in (0.25, 1, 4, 9, 13, 40):
                due = add_working_hours(start, hours)
                assert office_hours_between(start, due, exceptions=exceptions) == pytest.approx(hours)
