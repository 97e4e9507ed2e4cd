"""Factories of the consulting service's models."""

from __future__ import annotations

import datetime as dt
import secrets

import factory
from django.utils import timezone

from tests.factories import DepartmentFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.consulting.models import Booking, FaqEntry, MeetingSlot, Question, Topic
from yunzhao.core.content import Publication


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name_zh_hans = factory.Sequence(lambda n: f"主题 {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_ja = factory.Sequence(lambda n: f"トピック {n}")
    department = factory.SubFactory(DepartmentFactory)
    status = Publication.PUBLISHED


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqEntry

    topic = factory.SubFactory(TopicFactory)
    question_zh_hans = factory.Sequence(lambda n: f"问题 {n}")
    answer_zh_hans = "回答。"
    question_en = factory.Sequence(lambda n: f"Question {n}")
    answer_en = "Answer."
    status = Publication.PUBLISHED


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    reference = factory.Sequence(lambda n: f"Q-TEST-{n:05d}")
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    topic = factory.SubFactory(TopicFactory)
    department = factory.LazyAttribute(lambda o: o.topic.department)
    language = "en"
    name = "Ann Asker"
    email = factory.Sequence(lambda n: f"asker{n}@example.com")
    subject = "A question"
    consented_at = factory.LazyFunction(timezone.now)
    asked_at = factory.LazyFunction(timezone.now)
    target_days = 1
    due_at = factory.LazyAttribute(lambda o: o.asked_at + dt.timedelta(days=1))


class MeetingSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSlot

    officer = factory.SubFactory(UserFactory, role=Role.OFFICER)
    department = factory.LazyAttribute(lambda o: o.officer.department or DepartmentFactory())
    starts_at = factory.LazyFunction(lambda: (timezone.now() + dt.timedelta(days=3)).replace(second=0, microsecond=0))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(minutes=45))
    languages = factory.LazyFunction(lambda: ["en", "ja"])


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    slot = factory.SubFactory(MeetingSlotFactory)
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    name = "Ben Booker"
    email = "ben@example.com"
    agenda = "Land"
    language = "en"
    video_url = "https://meet.jit.si/x"
    booked_at = factory.LazyFunction(timezone.now)
