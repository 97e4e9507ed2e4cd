"""My day, the back office's home: the signed-in officer's follow-ups, hand-overs and key projects."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import ActivityFactory, DepartmentFactory, ProjectFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.pipeline import circulation
from yunzhao.pipeline.models import Handover, HandoverStatus, Stage

pytestmark = pytest.mark.django_db


def follow_up(officer, days: int, subject: str, **extra):
    return ActivityFactory(
        subject=subject, follow_up_owner=officer, follow_up_on=timezone.localdate() + dt.timedelta(days=days), **extra
    )


def test_my_day_sorts_follow_ups_into_overdue_today_and_upcoming(officer_client, officer):
    follow_up(officer, -2, "逾期回访")
    follow_up(officer, 0, "今日回访")
    follow_up(officer, 3, "下周回访")
    follow_up(officer, 30, "下月回访")
    follow_up(officer, -1, "已办", follow_up_done_at=timezone.now())
    follow_up(UserFactory(), 0, "别人的回访")
    response = officer_client.get("/en/office/")
    subjects = {
        key: [a.subject for a in response.context[key]]
        for key in ("overdue_follow_ups", "today_follow_ups", "upcoming_follow_ups")
    }
    assert subjects == {
        "overdue_follow_ups": ["逾期回访"],
        "today_follow_ups": ["今日回访"],
        "upcoming_follow_ups": ["下周回访"],
    }
    body = response.content.decode()
    assert "/follow-up/done/" in body
    assert 'name="next" value="/en/office/"' in body


def test_done_button_marks_the_follow_up_done_and_comes_back(officer_client, officer):
    activity = follow_up(officer, 0, "今日回访")
    response = officer_client.post(f"/en/office/activities/{activity.pk}/follow-up/done/", {"next": "/en/office/"})
    assert response["Location"] == "/en/office/"
    activity.refresh_from_db()
    assert activity.follow_up_done_at is not None
    assert officer_client.get("/en/office/").context["today_follow_ups"] == []


def test_my_day_lists_hand_overs_to_answer_and_those_sent(client):
    sender_department = DepartmentFactory()
    district = DepartmentFactory(name="大兴区")
    sender = UserFactory(role=Role.OFFICER, department=sender_department)
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=district)
    project = ProjectFactory(title_zh_hans="待接收项目", department=sender_department, owner=sender)
    handover = circulation.hand_over(project=project, to_department=district, by=sender, note="请接收")

    client.force_login(head)
    response = client.get("/en/office/")
    assert response.context["handovers_to_answer"] == [handover]
    body = response.content.decode()
    assert f"/en/office/projects/hand-overs/{handover.pk}/accept/" in body
    assert "请接收" in body
    response = client.post(f"/en/office/projects/hand-overs/{handover.pk}/accept/")
    assert Handover.objects.get().status == HandoverStatus.ACCEPTED
    assert client.get("/en/office/").context["handovers_to_answer"] == []

    other = ProjectFactory(department=sender_department, owner=sender)
    sent = circulation.hand_over(project=other, to_department=district, by=sender)
    client.force_login(sender)
    response = client.get("/en/office/")
    assert (response.context["handovers_sent"], response.context["handovers_to_answer"]) == ([sent], [])


def test_my_day_lists_the_officers_open_key_projects(officer_client, officer):
    ProjectFactory(title_zh_hans="重点甲", department=officer.department, owner=officer, is_key=True)
    ProjectFactory(title_zh_hans="非重点", department=officer.department, owner=officer)
    ProjectFactory(
        title_zh_hans="流失重点", department=officer.department, owner=officer, is_key=True, stage=Stage.LOST
    )
    ProjectFactory(title_zh_hans="同事重点", department=officer.department, is_key=True)
    response = officer_client.get("/en/office/")
    assert [p.title for p in response.context["key_projects"]] == ["重点甲"]
    assert response.context["department_counts"] is None


def test_heads_see_their_departments_counts(client):
    bureau = DepartmentFactory()
    unit = DepartmentFactory(parent=bureau)
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=bureau)
    officer = UserFactory(role=Role.OFFICER, department=unit)
    ProjectFactory(department=unit, is_key=True)
    ProjectFactory(department=bureau)
    ProjectFactory(department=unit, stage=Stage.LOST)
    ProjectFactory()  # another department
    late = circulation.hand_over(project=ProjectFactory(), to_department=unit, by=UserFactory())
    Handover.objects.filter(pk=late.pk).update(deadline=timezone.now() - dt.timedelta(days=1))
    follow_up(officer, -3, "逾期")
    client.force_login(head)
    counts = client.get("/en/office/").context["department_counts"]
    assert (
        counts.open_projects,
        counts.key_projects,
        counts.handovers_waiting,
        counts.handovers_overdue,
        counts.follow_ups_overdue,
    ) == (2, 1, 1, 1, 1)


def test_leaders_see_the_zone_counts(client, leader):
    ProjectFactory.create_batch(2)
    client.force_login(leader)
    assert client.get("/en/office/").context["department_counts"].open_projects == 2


@pytest.mark.parametrize("count", [1, 3])
def test_my_day_query_count_does_not_grow(officer_client, officer, count_queries, count):
    for index in range(count):
        project = ProjectFactory(department=officer.department, owner=officer, is_key=True)
        follow_up(officer, index - 1, f"回访{index}", project=project, enterprise=project.enterprise)
        circulation.hand_over(project=project, to_department=DepartmentFactory(), by=officer)
    with count_queries() as counted:
        response = officer_client.get("/en/office/")
    assert response.status_code == 200
    assert len(response.context["handovers_sent"]) == count
    assert counted.count == 14, counted.statements
