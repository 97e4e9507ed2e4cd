"""The first-reply figures: median in working hours and the share answered within target, exactly."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.consulting.factories import QuestionFactory, TopicFactory
from yunzhao.consulting import clock
from yunzhao.consulting.models import Question

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=BEIJING)


def make(topic, asked: dt.datetime, replied: dt.datetime | None) -> Question:
    return QuestionFactory(topic=topic, asked_at=asked, due_at=clock.due_time(asked, 1), first_replied_at=replied)


@pytest.fixture
def constructed(calendar):
    first, second = TopicFactory(), TopicFactory()
    make(first, at("2025-11-03"), at("2025-11-03", 16))  # Monday: 6 h, in time
    make(first, at("2025-11-07", 18), at("2025-11-10", 9))  # Friday evening → Monday 9:00: 15 h, in time
    make(first, at("2025-11-04"), at("2025-11-06"))  # 48 h, late
    make(first, at("2025-11-05"), None)  # due 6 November, still unanswered: counts against
    make(first, at("2025-11-19"), None)  # due tomorrow: its clock has not ended
    make(second, at("2025-11-03"), at("2025-11-03", 12))  # 2 h, in time
    return first, second


def test_a_departments_median_and_share_within_target(constructed):
    first, _second = constructed
    figures = clock.figures(Question.objects.filter(department=first.department), label="A", now=at("2025-11-20", 9))
    assert (figures.asked, figures.answered, figures.median_hours) == (5, 3, 15.0)
    assert (figures.within_target, figures.overdue_unanswered, figures.share_within_target) == (2, 1, 0.5)


def test_the_overall_figures_take_every_department(constructed):
    figures = clock.figures(Question.objects.all(), label="all", now=at("2025-11-20", 9))
    assert figures.median_hours == 10.5  # of 2, 6, 15, 48
    assert figures.share_within_target == 0.6  # 3 of 5


def test_no_question_no_figures(calendar):
    figures = clock.figures(Question.objects.none(), label="none", now=at("2025-11-20"))
    assert (figures.median_hours, figures.share_within_target) == (None, None)
