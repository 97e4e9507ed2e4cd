"""A question on the response clock: asked, acknowledged in the asker's language, routed, answered,
written back to, closed and rated — or escalated when the clock runs out."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from tests.consulting.factories import QuestionFactory, TopicFactory
from tests.factories import DepartmentFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.consulting import questions
from yunzhao.consulting.models import Author, QuestionStatus
from yunzhao.core.models import AuditEntry

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=BEIJING)


def asker(language: str = "ja") -> questions.Asker:
    return questions.Asker(
        name="佐藤 健一", email="sato@example.jp", language=language, organisation="ミライ", country="jp"
    )


def test_a_question_on_the_eve_of_national_day_is_due_the_first_working_day_after_it(calendar, run_tasks):
    topic = TopicFactory()
    question = run_tasks(
        questions.ask_question,
        topic=topic,
        asker=asker(),
        subject="工場用地",
        text="用地を探しています。",
        now=at("2025-09-30", 16),
    )
    assert question.due_at == at("2025-10-09", 16)
    assert question.department == topic.department
    assert question.country == "JP"
    assert question.reference.startswith("Q-20250930-")
    assert len(question.reference) == 15
    assert len(question.token) >= 40
    assert [(m.author_kind, m.body) for m in question.messages.all()] == [(Author.ASKER, "用地を探しています。")]
    assert AuditEntry.objects.filter(action="consulting.question.asked", target_id=str(question.pk)).count() == 1


def test_the_acknowledgement_goes_at_once_in_japanese_with_reference_due_time_and_private_link(
    calendar, run_tasks, settings
):
    question = run_tasks(
        questions.ask_question,
        topic=TopicFactory(),
        asker=asker(),
        subject="工場用地",
        text="?",
        now=at("2025-09-30", 16),
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sato@example.jp"]
    assert question.reference in message.subject
    assert question.reference in message.body
    assert "2025年10月9日16:00" in message.body  # the Japanese date format
    assert f"{settings.SITE_URL.rstrip('/')}/ja/consulting/q/{question.token}/" in message.body


def test_a_topics_own_target_and_the_zone_default_set_the_clock(calendar, settings):
    settings.YUNZHAO = {**settings.YUNZHAO, "FIRST_REPLY_WORKING_DAYS": 3}
    default = questions.ask_question(topic=TopicFactory(), asker=asker(), subject="s", text="t", now=at("2025-09-30"))
    own = questions.ask_question(
        topic=TopicFactory(reply_days=1), asker=asker(), subject="s", text="t", now=at("2025-09-30")
    )
    assert (default.target_days, default.due_at) == (3, at("2025-10-11"))  # 9, 10, then Saturday 11 worked
    assert (own.target_days, own.due_at) == (1, at("2025-10-09"))


def test_an_investor_accounts_question_is_theirs_and_a_staff_member_is_not_the_asker(investor, officer):
    by_investor = questions.ask_question(topic=TopicFactory(), asker=asker(), subject="s", text="t", user=investor)
    by_officer = questions.ask_question(topic=TopicFactory(), asker=asker(), subject="s", text="t", user=officer)
    assert by_investor.asker == investor
    assert by_officer.asker is None


def test_the_first_reply_stops_the_clock_and_each_reply_is_e_mailed_with_the_link(calendar, run_tasks):
    question = QuestionFactory(language="en", asked_at=at("2025-09-30", 16), due_at=at("2025-10-09", 16))
    officer = UserFactory(role=Role.OFFICER, department=question.department)
    run_tasks(
        questions.reply_to_question,
        question=question,
        by=officer,
        text="Here is the land list.",
        now=at("2025-10-09", 11),
    )
    run_tasks(
        questions.reply_to_question, question=question, by=officer, text="And the prices.", now=at("2025-10-10", 11)
    )
    question.refresh_from_db()
    assert question.first_replied_at == at("2025-10-09", 11)
    assert question.answered_in_time is True
    assert question.status == QuestionStatus.ANSWERED
    assert [m.subject for m in mail.outbox] == [f"Reply to your question {question.reference}"] * 2
    assert "And the prices." in mail.outbox[1].body
    assert f"/en/consulting/q/{question.token}/" in mail.outbox[1].body


def test_the_asker_writes_back_then_closes_with_a_rating():
    question = QuestionFactory(status=QuestionStatus.ANSWERED)
    questions.add_asker_message(question=question, text="Thanks — one more thing?")
    question.refresh_from_db()
    assert question.status == QuestionStatus.OPEN
    questions.close_question(question=question, rating=4, comment="Quick and clear.")
    question.refresh_from_db()
    assert (question.status, question.rating, question.rating_comment) == (QuestionStatus.CLOSED, 4, "Quick and clear.")
    with pytest.raises(questions.QuestionClosedError):
        questions.add_asker_message(question=question, text="again")
    with pytest.raises(ValueError, match="rating must be 1 to 5"):
        questions.close_question(question=QuestionFactory(), rating=6)


def test_overdue_questions_are_escalated_once_to_the_heads_and_leaders_in_their_language(calendar, run_tasks):
    bureau = DepartmentFactory()
    department = DepartmentFactory(parent=bureau)
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=department, preferred_language="en")
    bureau_head = UserFactory(role=Role.DEPARTMENT_HEAD, department=bureau, preferred_language="zh-hans")
    leader = UserFactory(role=Role.LEADER, department=None, preferred_language="ja")
    UserFactory(role=Role.DEPARTMENT_HEAD, department=DepartmentFactory())  # another department's head
    UserFactory(role=Role.OFFICER, department=department)
    topic = TopicFactory(department=department)
    late = QuestionFactory(topic=topic, asked_at=at("2025-09-30"), due_at=at("2025-10-09"))
    QuestionFactory(topic=topic, asked_at=at("2025-09-30"), due_at=at("2025-10-09"), first_replied_at=at("2025-10-08"))
    QuestionFactory(topic=topic, asked_at=at("2025-10-09"), due_at=at("2025-10-10", 12))

    escalated = run_tasks(questions.escalate_overdue_questions, now=at("2025-10-10", 9))
    again = run_tasks(questions.escalate_overdue_questions, now=at("2025-10-10", 10))

    assert escalated == [late]
    assert again == []
    late.refresh_from_db()
    assert late.escalated_at == at("2025-10-10", 9)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([head.email, bureau_head.email, leader.email])
    to_head = next(m for m in mail.outbox if m.to == [head.email])
    assert to_head.subject == f"Overdue: question {late.reference} has no reply"
    assert f"/office/consulting/{late.pk}/" in to_head.body
    to_leader = next(m for m in mail.outbox if m.to == [leader.email])
    assert "2025年10月9日10:00" in to_leader.body


def test_the_escalation_command_runs_it_and_can_hand_it_to_the_workers(calendar):
    from io import StringIO

    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    QuestionFactory(asked_at=at("2025-09-30"), due_at=at("2025-10-09"))
    out = StringIO()
    call_command("escalate_questions", stdout=out)
    assert out.getvalue().strip() == "1 questions escalated."
    call_command("escalate_questions", "--enqueue", stdout=out)
    assert DBTaskResult.objects.filter(task_path="yunzhao.consulting.tasks.escalate_overdue_questions").count() == 1


def test_reassigning_moves_the_question_and_keeps_the_clock(officer):
    question = QuestionFactory()
    due = question.due_at
    other = DepartmentFactory()
    questions.reassign_question(question=question, department=other, by=officer)
    question.refresh_from_db()
    assert (question.department, question.due_at) == (other, due)
    entry = AuditEntry.objects.get(action="consulting.question.reassigned")
    assert entry.before == {"department_id": question.topic.department_id}
    assert entry.after == {"department_id": other.pk}
