"""China's holiday calendar: the State Council's dates, loading it twice, a zone's own file, working time."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from yunzhao.core import holidays
from yunzhao.core.calendar import add_working_days, is_working_day, working_hours_between
from yunzhao.core.models import CalendarDay

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")
D = dt.date


@pytest.fixture
def calendar():
    holidays.load()


def at(day: str, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=BEIJING)


def test_the_bundled_calendar_has_the_official_2025_days_including_the_two_new_ones(calendar):
    days = dict(CalendarDay.objects.filter(date__year=2025).values_list("date", "is_working_day"))
    # Spring Festival: 28 January (New Year's Eve, new statutory day) to 4 February; 26 Jan and 8 Feb worked.
    assert [day for day in sorted(days) if D(2025, 1, 20) <= day <= D(2025, 2, 10) and not days[day]] == [
        D(2025, 1, 28) + dt.timedelta(days=n) for n in range(8)
    ]
    assert days[D(2025, 1, 26)] is True
    assert days[D(2025, 2, 8)] is True
    # Labour Day: 1–5 May with 2 May now statutory; only 27 April worked.
    assert all(days[D(2025, 5, n)] is False for n in range(1, 6))
    assert days[D(2025, 4, 27)] is True
    assert D(2025, 5, 10) not in days
    # National Day and Mid-Autumn: 1–8 October; 28 September and 11 October worked.
    assert all(days[D(2025, 10, n)] is False for n in range(1, 9))
    assert days[D(2025, 9, 28)] is True
    assert days[D(2025, 10, 11)] is True


def test_the_2024_and_2026_days_match_the_notices(calendar):
    assert not is_working_day(D(2024, 2, 16))
    assert is_working_day(D(2024, 2, 18))  # a Sunday worked
    assert is_working_day(D(2024, 10, 12))
    assert not is_working_day(D(2026, 2, 23))  # a Monday off: Spring Festival 15–23 February 2026
    assert is_working_day(D(2026, 2, 14))
    assert is_working_day(D(2026, 2, 28))
    assert is_working_day(D(2026, 1, 4))
    assert not is_working_day(D(2026, 5, 5))
    assert is_working_day(D(2026, 5, 9))
    assert is_working_day(D(2026, 9, 20))
    assert is_working_day(D(2026, 10, 10))
    assert CalendarDay.objects.get(date=D(2026, 10, 1)).name == "国庆节"


def test_loading_twice_changes_nothing_and_the_command_says_so():
    out = StringIO()
    call_command("load_holidays", stdout=out)
    count = CalendarDay.objects.count()
    call_command("load_holidays", stdout=out)
    assert CalendarDay.objects.count() == count == 110
    assert out.getvalue().splitlines()[-1] == "Calendar loaded: 0 days added, 0 changed, 110 unchanged."


def test_a_zone_loads_its_own_calendar_from_a_file_and_an_edited_day_is_set_back(tmp_path):
    holidays.load()
    CalendarDay.objects.filter(date=D(2025, 10, 8)).update(is_working_day=True)
    own = tmp_path / "zone.txt"
    own.write_text("# our zone\n2025-10-08  holiday  国庆节\n2025-12-31  holiday  园区年终休息日\n", encoding="utf-8")
    out = StringIO()
    call_command("load_holidays", "--file", str(own), stdout=out)
    assert out.getvalue().strip() == "Calendar loaded: 1 days added, 1 changed, 0 unchanged."
    assert not is_working_day(D(2025, 12, 31))
    assert not is_working_day(D(2025, 10, 8))


def test_a_broken_file_is_refused_with_its_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("2025-10-08 vacation x\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 1: the kind must be 'holiday' or 'workday'"):
        call_command("load_holidays", "--file", str(bad))


def test_working_days_skip_the_national_day_holiday_and_count_make_up_days(calendar):
    assert add_working_days(at("2025-09-30", 16), 1) == at("2025-10-09", 16)
    assert add_working_days(at("2025-09-30", 16), 2) == at("2025-10-10", 16)
    assert add_working_days(at("2025-10-09", 16), 2) == at("2025-10-11", 16)  # Saturday 11 October is worked
    assert add_working_days(at("2025-01-24", 20), 1) == at("2025-01-26", 20)  # Friday evening → Sunday worked


def test_working_hours_count_only_hours_on_working_days(calendar):
    assert working_hours_between(at("2025-09-30", 16), at("2025-10-09", 16)) == 24
    assert working_hours_between(at("2025-09-30", 16), at("2025-10-09", 10)) == 18
    assert working_hours_between(at("2025-10-03", 9), at("2025-10-05", 9)) == 0  # all holiday
    assert working_hours_between(at("2025-10-09", 16), at("2025-09-30", 16)) == -24
    assert working_hours_between(at("2025-11-07", 18), at("2025-11-10", 9)) == 15  # Friday 18:00 → Monday 09:00
