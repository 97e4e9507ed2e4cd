"""The response clock: when a first reply is due, how much working time is left, and the figures.

The rule: a question asked at moment *t* with a target of *n* working days is due at the same
local time of day on the *n*-th working day after *t*'s day (``add_working_days(t, n)``; the
day it is asked on does not count, weekends and the public holidays of the calendar are
skipped, make-up working days count).  Asked on Tuesday 2025-09-30 at 16:00 with the default
target of one day: due Thursday 2025-10-09 at 16:00 (1–8 October are the National Day and
Mid-Autumn holiday).  No office hours: a working day counts from midnight to midnight.

Working time between two moments is the number of hours that fall on working days
(``yunzhao.core.calendar.working_hours_between``); the back office shows it in working days
(24 working hours each) and the metrics give the median first-reply time in working hours.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from yunzhao.core.calendar import add_working_days, exceptions_between, working_hours_between


def due_time(asked_at: dt.datetime, target_days: int) -> dt.datetime:
    return add_working_days(asked_at, target_days)


def working_days_left(due_at: dt.datetime, now: dt.datetime, exceptions: dict[dt.date, bool] | None = None) -> float:
    """Working days until ``due_at`` (negative: overdue by that many), to one decimal."""
    return round(working_hours_between(now, due_at, exceptions) / 24, 1)


def calendar_for(moments: list[dt.datetime], now: dt.datetime) -> dict[dt.date, bool]:
    """The calendar exceptions covering ``now`` and every moment: one query for a whole page."""
    from django.utils import timezone

    days = [timezone.localtime(moment).date() for moment in [*moments, now]]
    return exceptions_between(min(days), max(days))


@dataclass(frozen=True)
class Figures:
    """First-reply figures of a set of questions."""

    label: str
    asked: int
    answered: int
    median_hours: float | None
    within_target: int
    overdue_unanswered: int

    @property
    def share_within_target(self) -> float | None:
        """Questions answered in time among those whose clock has ended (answered, or unanswered and past due)."""
        ended = self.answered + self.overdue_unanswered
        return None if ended == 0 else self.within_target / ended


def figures(questions: QuerySet[Any], *, label: str, now: dt.datetime) -> Figures:
    rows = list(questions.values_list("asked_at", "due_at", "first_replied_at"))
    answered = [(asked, replied) for asked, _due, replied in rows if replied is not None]
    exceptions = calendar_for([moment for pair in answered for moment in pair], now) if answered else {}
    hours = [working_hours_between(asked, replied, exceptions) for asked, replied in answered]
    return Figures(
        label=label,
        asked=len(rows),
        answered=len(hours),
        median_hours=round(statistics.median(hours), 1) if hours else None,
        within_target=sum(1 for _asked, due, replied in rows if replied is not None and replied <= due),
        overdue_unanswered=sum(1 for _asked, due, replied in rows if replied is None and due < now),
    )
