from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import ActivityFactory, DepartmentFactory, ProjectFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.core.models import CalendarDay
from yunzhao.crm.digest import send_daily_digest
from yunzhao.pipeline.circulation import hand_over

pytestmark = pytest.mark.django_db

TUESDAY = dt.date(2026, 11, 24)
NATIONAL_DAY = dt.date(2026, 10, 1)


def _follow_up(owner, day, subject="电话回访", next_step="发送报价"):
    return ActivityFactory(
        created_by=owner, follow_up_owner=owner, follow_up_on=day, subject=subject, next_step=next_step
    )


def test_digest_lists_overdue_and_due_follow_ups_in_the_readers_language():
    officer = UserFactory(preferred_language="en", full_name="Lin Yue")
    late = _follow_up(officer, TUESDAY - dt.timedelta(days=2), next_step="Send the land offer")
    _follow_up(officer, TUESDAY, next_step="Call back Mr Yamada")
    _follow_up(officer, TUESDAY + dt.timedelta(days=3), next_step="Next week's visit")
    ActivityFactory(created_by=officer, follow_up_owner=officer, follow_up_on=TUESDAY, follow_up_done_at=timezone.now())

    assert send_daily_digest(user_pk=officer.pk, day=TUESDAY) is True

    [message] = mail.outbox
    assert message.to == [officer.email]
    assert message.subject == "Your day, Nov 24, 2026 — 1 overdue follow-up"
    assert "Good morning, Lin Yue." in message.body
    assert "Overdue follow-ups" in message.body
    assert "Send the land offer" in message.body
    assert "Call back Mr Yamada" in message.body
    assert "Next week's visit" not in message.body
    assert f"/office/enterprises/{late.enterprise_id}/#activities" in message.body


def test_digest_in_chinese_names_hand_overs_waiting_for_the_head():
    home = DepartmentFactory(name="招商一部")
    district = DepartmentFactory(name="大兴区")
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=district, preferred_language="zh-hans")
    sender = UserFactory(department=home, preferred_language="zh-hans")
    project = ProjectFactory(department=home, owner=sender, title_zh_hans="氢能装备项目")
    hand_over(project=project, to_department=district, by=sender, note="请区里承接")

    assert send_daily_digest(user_pk=head.pk, day=timezone.localdate()) is True
    assert send_daily_digest(user_pk=sender.pk, day=timezone.localdate()) is True
    to_head, to_sender = mail.outbox
    assert "等待您答复的项目流转" in to_head.body or "Hand-overs waiting for your answer" in to_head.body
    assert "氢能装备项目 (招商一部 → 大兴区)" in to_head.body
    assert "氢能装备项目 → 大兴区" in to_sender.body


def test_no_digest_twice_on_a_day_off_or_with_nothing_in_it():
    officer = UserFactory()
    _follow_up(officer, TUESDAY)
    assert send_daily_digest(user_pk=officer.pk, day=TUESDAY) is True
    assert send_daily_digest(user_pk=officer.pk, day=TUESDAY) is False
    CalendarDay.objects.create(date=NATIONAL_DAY, is_working_day=False, name="国庆节")
    _follow_up(officer, NATIONAL_DAY)
    assert send_daily_digest(user_pk=officer.pk, day=NATIONAL_DAY) is False
    idle = UserFactory()
    assert send_daily_digest(user_pk=idle.pk, day=TUESDAY) is False
    investor = UserFactory(role=Role.INVESTOR, department=None)
    assert send_daily_digest(user_pk=investor.pk, day=TUESDAY) is False
    assert len(mail.outbox) == 1


def test_enqueue_daily_tasks_queues_escalation_and_one_digest_per_staff_member(settings):
    from django_tasks_db.models import DBTaskResult

    officers = [UserFactory(), UserFactory()]
    UserFactory(role=Role.INVESTOR, department=None)
    output = StringIO()
    call_command("enqueue_daily_tasks", "--day", "2026-11-24", stdout=output)
    queued = list(DBTaskResult.objects.order_by("enqueued_at", "id").values_list("task_path", "args_kwargs"))
    assert queued[0][0] == "yunzhao.pipeline.tasks.escalate_overdue_handovers"
    assert [(path, args["args"]) for path, args in queued[1:]] == [
        ("yunzhao.crm.tasks.send_daily_digest", [user.pk, "2026-11-24"]) for user in officers
    ]
    assert "2 digests" in output.getvalue()
