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
