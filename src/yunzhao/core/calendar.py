"""Working days: Monday to Friday, corrected by the :class:`~yunzhao.core.models.CalendarDay` table."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yunzhao.core.models import CalendarDay


def _exceptions(start: dt.date, end: dt.date) -> dict[dt.date, bool]:
    return dict(CalendarDay.objects.filter(date__range=(start, end)).values_list("date", "is_working_day"))


def is_working_day(day: dt.date, exceptions: dict[dt.date, bool] | None = None) -> bool:
    if exceptions is None:
        exceptions = _exceptions(day, day)
    return exceptions.get(day, day.weekday() < 5)


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """The same local time ``days`` working days after ``start`` (``start``'s own day does not count)."""
    local = timezone.localtime(start) if timezone.is_aware(start) else start
    exceptions = _exceptions(local.date(), local.date() + dt.timedelta(days=days * 3 + 30))
    day = local.date()
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, exceptions):
            remaining -= 1
    return local.replace(year=day.year, month=day.month, day=day.day)


def working_hours_between(start: dt.datetime, end: dt.datetime, exceptions: dict[dt.date, bool] | None = None) -> float:
    """Hours from ``start`` to ``end`` that fall on working days (whole local days, no office hours).

    Negative when ``end`` is before ``start``.  A question asked on a working day and answered
    on the next working day at the same hour took 24 working hours, however many weekend or
    holiday days lay between.
    """
    if end < start:
        return -working_hours_between(end, start, exceptions)
    first = timezone.localtime(start) if timezone.is_aware(start) else start
    last = timezone.localtime(end) if timezone.is_aware(end) else end
    if exceptions is None:
        exceptions = _exceptions(first.date(), last.date())
    total = 0.0
    day = first.date()
    while day <= last.date():
        if is_working_day(day, exceptions):
            day_start = dt.datetime.combine(day, dt.time.min, tzinfo=first.tzinfo)
            day_end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=first.tzinfo)
            overlap = min(last, day_end) - max(first, day_start)
            total += max(overlap.total_seconds(), 0) / 3600
        day += dt.timedelta(days=1)
    return total


def exceptions_between(start: dt.date, end: dt.date) -> dict[dt.date, bool]:
    """The calendar's exceptions from ``start`` to ``end``, read once for many calculations."""
    return _exceptions(min(start, end), max(start, end))
