import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import DepartmentFactory, ProjectFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.core import audit
from yunzhao.core.calendar import add_working_days
from yunzhao.core.models import CalendarDay
from yunzhao.pipeline import circulation
from yunzhao.pipeline.circulation import HandoverError
from yunzhao.pipeline.models import HandoverStatus
from yunzhao.pipeline.queries import pending_handovers_for, visible_projects

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def setting():
    bureau = DepartmentFactory(name="投资促进局")
    first = DepartmentFactory(name="招商一部", parent=bureau)
    district = DepartmentFactory(name="大兴区", kind="district")
    sender = UserFactory(role=Role.OFFICER, department=first)
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=district)
    receiver = UserFactory(role=Role.OFFICER, department=district)
    leader = UserFactory(role=Role.LEADER, department=None, email="leader@example.org")
    project = ProjectFactory(department=first, owner=sender)
    return {
        "first": first,
        "district": district,
        "sender": sender,
        "head": head,
        "receiver": receiver,
        "leader": leader,
        "project": project,
    }


def test_deadline_counts_working_days_and_calendar_exceptions():
    friday = dt.datetime(2026, 9, 25, 10, 0, tzinfo=SHANGHAI)
    assert add_working_days(friday, 3) == dt.datetime(2026, 9, 30, 10, 0, tzinfo=SHANGHAI)
    CalendarDay.objects.create(date=dt.date(2026, 9, 29), is_working_day=False, name="假日")
    CalendarDay.objects.create(date=dt.date(2026, 9, 27), is_working_day=True, name="调休")
    assert add_working_days(friday, 3) == dt.datetime(2026, 9, 30, 10, 0, tzinfo=SHANGHAI)
    assert add_working_days(friday, 4) == dt.datetime(2026, 10, 1, 10, 0, tzinfo=SHANGHAI)


def test_hand_over_then_accept_moves_the_project(setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"], note="落地大兴")
    s["project"].refresh_from_db()
    assert s["project"].department == s["first"]  # nothing moves before acceptance
    assert list(pending_handovers_for(s["head"])) == [handover]
    assert s["head"].has_perm("pipeline.view_project", s["project"])
    assert s["head"].has_perm("pipeline.answer_handover", handover)
    assert not s["receiver"].has_perm("pipeline.answer_handover", handover)

    circulation.accept_handover(handover=handover, by=s["head"], owner=s["receiver"])
    s["project"].refresh_from_db()
    assert (s["project"].department, s["project"].owner) == (s["district"], s["receiver"])
    handover.refresh_from_db()
    assert (handover.status, handover.decided_by) == (HandoverStatus.ACCEPTED, s["head"])
    assert not s["sender"].has_perm("pipeline.change_project", s["project"])
    assert s["receiver"].has_perm("pipeline.change_project", s["project"])
    assert list(visible_projects(s["sender"])) == []
    assert list(visible_projects(s["receiver"])) == [s["project"]]
    assert list(visible_projects(s["leader"])) == [s["project"]]
    assert [e.action for e in audit.history_for(s["project"])] == [
        "project.handover.accepted",
        "project.handover.requested",
    ]


def test_reject_needs_a_reason_and_leaves_the_project(setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])
    with pytest.raises(HandoverError, match="请说明退回该项目流转的理由"):
        circulation.reject_handover(handover=handover, by=s["head"], reason=" ")
    circulation.reject_handover(handover=handover, by=s["head"], reason="用地指标不足")
    s["project"].refresh_from_db()
    assert s["project"].department == s["first"]
    with pytest.raises(HandoverError, match="已答复"):
        circulation.accept_handover(handover=handover, by=s["head"])


def test_only_one_pending_handover_per_project(setting):
    s = setting
    circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])
    other = DepartmentFactory(name="平台公司", kind="platform")
    with pytest.raises(HandoverError, match="已有一项等待答复的流转"):
        circulation.hand_over(project=s["project"], to_department=other, by=s["sender"])


def test_hand_over_to_own_department_or_foreign_officer_is_refused(setting):
    s = setting
    with pytest.raises(HandoverError, match="该项目已在此部门"):
        circulation.hand_over(project=s["project"], to_department=s["first"], by=s["sender"])
    with pytest.raises(HandoverError, match="必须属于接收部门"):
        circulation.hand_over(project=s["project"], to_department=s["district"], to_owner=s["sender"], by=s["sender"])


def test_chain_of_handovers_stays_on_the_project(setting):
    s = setting
    first = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])
    circulation.reject_handover(handover=first, by=s["head"], reason="不符合产业定位")
    second = circulation.hand_over(
        project=s["project"], to_department=s["district"], by=s["sender"], note="补充材料后再次流转"
    )
    circulation.accept_handover(handover=second, by=s["head"])
    assert list(s["project"].handovers.values_list("status", flat=True)) == [
        HandoverStatus.REJECTED,
        HandoverStatus.ACCEPTED,
    ]


def test_overdue_handover_is_escalated_once_to_the_leaders(setting, django_capture_on_commit_callbacks):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])
    assert circulation.escalate_overdue_handovers(now=handover.deadline - dt.timedelta(minutes=1)) == []
    later = handover.deadline + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert circulation.escalate_overdue_handovers(now=later) == [handover]
    assert [m.to for m in mail.outbox] == [["leader@example.org"]]
    assert s["project"].title in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert circulation.escalate_overdue_handovers(now=later + dt.timedelta(days=1)) == []
    assert len(mail.outbox) == 1
    handover.refresh_from_db()
    assert handover.is_overdue(later)
    assert handover.escalated_at == later


def test_sender_can_withdraw(setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])
    assert s["sender"].has_perm("pipeline.cancel_handover", handover)
    circulation.cancel_handover(handover=handover, by=s["sender"])
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.CANCELLED
    assert timezone.now() >= handover.decided_at
