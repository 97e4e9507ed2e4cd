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


# --- Office hours ---------------------------------------------------------------------------
#
# Deadlines such as "answer within 4 working hours" count only office hours (9:00 to 18:00 by
# default) on working days, in the zone's own time zone (``settings.TIME_ZONE``) whoever reads
# them.  An enquiry sent on Friday at 16:00 with 4 hours to answer is due on Monday at 11:00,
# or on the next working day after a public holiday.


def _zone_time(moment: dt.datetime) -> dt.datetime:
    zone = timezone.get_default_timezone()
    return timezone.localtime(moment, zone) if timezone.is_aware(moment) else moment.replace(tzinfo=zone)


def _office_day(
    day: dt.date, tzinfo: dt.tzinfo | None, day_starts: int, day_ends: int
) -> tuple[dt.datetime, dt.datetime]:
    return (
        dt.datetime.combine(day, dt.time(day_starts), tzinfo=tzinfo),
        dt.datetime.combine(day, dt.time(0), tzinfo=tzinfo) + dt.timedelta(hours=day_ends),
    )


def _check_office_day(day_starts: int, day_ends: int) -> None:
    if not 0 <= day_starts < day_ends <= 24:
        raise ValueError("office hours must satisfy 0 <= day_starts < day_ends <= 24")


def add_working_hours(start: dt.datetime, hours: float, *, day_starts: int = 9, day_ends: int = 18) -> dt.datetime:
    """The moment ``hours`` office hours after ``start``: only the hours from ``day_starts`` to
    ``day_ends`` o'clock on working days count (weekends and public holidays do not, make-up
    working days do — the :class:`~yunzhao.core.models.CalendarDay` table).  A start outside
    office hours counts from the next opening.  The result is in the zone's time zone."""
    _check_office_day(day_starts, day_ends)
    if hours < 0:
        raise ValueError("hours must not be negative")
    cursor = _zone_time(start)
    if hours == 0:
        return cursor
    per_day = day_ends - day_starts
    horizon = int(hours // per_day + 1) * 3 + 30
    exceptions = _exceptions(cursor.date(), cursor.date() + dt.timedelta(days=horizon))
    remaining = dt.timedelta(hours=hours)
    day = cursor.date()
    while True:
        if is_working_day(day, exceptions):
            opens, closes = _office_day(day, cursor.tzinfo, day_starts, day_ends)
            begin = max(cursor, opens)
            if begin < closes:
                if begin + remaining <= closes:
                    return begin + remaining
                remaining -= closes - begin
        day += dt.timedelta(days=1)
        if day > cursor.date() + dt.timedelta(days=horizon):
            exceptions.update(_exceptions(day, day + dt.timedelta(days=horizon)))
            horizon *= 2


def office_hours_between(
    start: dt.datetime,
    end: dt.datetime,
    *,
    day_starts: int = 9,
    day_ends: int = 18,
    exceptions: dict[dt.date, bool] | None = None,
) -> float:
    """Office hours (see :func:`add_working_hours`) from ``start`` to ``end``; negative when
    ``end`` is before ``start``.  ``exceptions`` (from :func:`exceptions_between`) saves the
    query when measuring many intervals."""
    _check_office_day(day_starts, day_ends)
    if end < start:
        return -office_hours_between(end, start, day_starts=day_starts, day_ends=day_ends, exceptions=exceptions)
    first, last = _zone_time(start), _zone_time(end)
    if exceptions is None:
        exceptions = _exceptions(first.date(), last.date())
    total = 0.0
    day = first.date()
    while day <= last.date():
        if is_working_day(day, exceptions):
            opens, closes = _office_day(day, first.tzinfo, day_starts, day_ends)
            overlap = min(last, closes) - max(first, opens)
            total += max(overlap.total_seconds(), 0) / 3600
        day += dt.timedelta(days=1)
    return total
