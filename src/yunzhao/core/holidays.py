"""China's public holidays and make-up working days, loaded into :class:`~yunzhao.core.models.CalendarDay`.

The calendar ships in ``core/data/holidays_cn.txt`` (the State Council's notices, source named
in the file); ``manage.py load_holidays`` and the demo load it, ``--file`` loads a zone's own
calendar in the same format.  Loading twice changes nothing.  Staff change single days
afterwards in the Django admin (``core.CalendarDay``); the next load of the file sets the days
it lists back to the file's values and leaves every other day alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from yunzhao.core.models import CalendarDay

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "holidays_cn.txt"
KINDS = {"holiday": False, "workday": True}


class CalendarFileError(ValueError):
    """A line of a calendar file that cannot be read (its number and the reason)."""


@dataclass(frozen=True)
class Day:
    date: dt.date
    is_working_day: bool
    name: str


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int


def parse(text: str) -> list[Day]:
    """The days a calendar file lists, in file order (``FIRST[..LAST] holiday|workday name``)."""
    days: dict[dt.date, Day] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 2)
        if len(parts) < 2:
            raise CalendarFileError(f"line {number}: expected 'DATE[..DATE] holiday|workday name'")
        span, kind = parts[0], parts[1].lower()
        name = parts[2].strip() if len(parts) > 2 else ""
        if kind not in KINDS:
            raise CalendarFileError(f"line {number}: the kind must be 'holiday' or 'workday', not {kind!r}")
        first_text, _sep, last_text = span.partition("..")
        try:
            first = dt.date.fromisoformat(first_text)
            last = dt.date.fromisoformat(last_text) if last_text else first
        except ValueError as error:
            raise CalendarFileError(f"line {number}: {error}") from error
        if last < first or (last - first).days > 31:
            raise CalendarFileError(f"line {number}: a period runs forwards and at most a month")
        day = first
        while day <= last:
            days[day] = Day(date=day, is_working_day=KINDS[kind], name=name[:100])
            day += dt.timedelta(days=1)
    return list(days.values())


def load(path: Path | str | None = None) -> LoadResult:
    """Write the file's days into the calendar table: new days created, changed days updated."""
    days = parse(Path(path or DEFAULT_FILE).read_text(encoding="utf-8"))
    created = updated = unchanged = 0
    with transaction.atomic():
        existing = {row.date: row for row in CalendarDay.objects.filter(date__in=[d.date for d in days])}
        new_rows = []
        for day in days:
            row = existing.get(day.date)
            if row is None:
                new_rows.append(CalendarDay(date=day.date, is_working_day=day.is_working_day, name=day.name))
                created += 1
            elif row.is_working_day != day.is_working_day or row.name != day.name:
                row.is_working_day = day.is_working_day
                row.name = day.name
                row.save(update_fields=["is_working_day", "name"])
                updated += 1
            else:
                unchanged += 1
        CalendarDay.objects.bulk_create(new_rows)
    return LoadResult(created=created, updated=updated, unchanged=unchanged)
