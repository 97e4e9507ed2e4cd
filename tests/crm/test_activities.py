from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ActivityFactory,
    ContactFactory,
    DepartmentFactory,
    EnterpriseFactory,
    ProjectFactory,
    UserFactory,
)
from yunzhao.accounts.models import Role
from yunzhao.core.models import AuditEntry
from yunzhao.crm.activities import complete_follow_up, record_activity, update_activity
from yunzhao.crm.models import Activity
from yunzhao.crm.queries import follow_ups_for

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 24)
NOON = timezone.make_aware(dt.datetime(2026, 11, 24, 12, 0))


def test_record_activity_with_participants_and_follow_up(officer):
    enterprise = EnterpriseFactory()
    project = ProjectFactory(enterprise=enterprise)
    contact = ContactFactory(enterprise=enterprise)
    colleague = UserFactory()
    activity = record_activity(
        by=officer,
        enterprise=enterprise,
        project=project,
        kind="visit",
        occurred_at=NOON,
        subject="考察新能源产业园",
        participants=[officer, colleague],
        contacts=[contact],
        next_step="发送用地方案",
        follow_up_on=TODAY + dt.timedelta(days=3),
    )
    assert activity.follow_up_owner == officer
    assert set(activity.participants.all()) == {officer, colleague}
    assert list(activity.contacts.all()) == [contact]
    entry = AuditEntry.objects.get(action="activity.recorded")
    assert entry.after["participants"] == sorted([officer.pk, colleague.pk])
    assert entry.after["subject"] == "考察新能源产业园"


def test_record_activity_refuses_what_does_not_belong_and_saves_nothing(officer, investor):
    enterprise = EnterpriseFactory()
    someone_elses_project = ProjectFactory()
    stranger = ContactFactory()
    with pytest.raises(ValidationError) as caught:
        record_activity(
            by=officer,
            enterprise=enterprise,
            project=someone_elses_project,
            kind="call",
            occurred_at=NOON,
            subject="电话",
            participants=[investor],
            contacts=[stranger],
            follow_up_on=TODAY - dt.timedelta(days=1),
        )
    assert set(caught.value.message_dict) == {"project", "contacts", "participants", "follow_up_on"}
    assert Activity.objects.count() == 0
    assert AuditEntry.objects.filter(action="activity.recorded").count() == 0


def test_moving_a_follow_up_reopens_it_and_removing_it_clears_the_owner(officer):
    activity = record_activity(
        by=officer,
        enterprise=EnterpriseFactory(),
        kind="call",
        occurred_at=NOON,
        subject="电话",
        follow_up_on=TODAY,
    )
    complete_follow_up(activity=activity, by=officer)
    activity.refresh_from_db()
    assert activity.follow_up_done_at is not None

    update_activity(activity=activity, by=officer, follow_up_on=TODAY + dt.timedelta(days=2))
    activity.refresh_from_db()
    assert activity.follow_up_done_at is None

    update_activity(activity=activity, by=officer, follow_up_on=None)
    activity.refresh_from_db()
    assert (activity.follow_up_on, activity.follow_up_owner) == (None, None)
    changes = [entry.after for entry in AuditEntry.objects.filter(action="activity.updated").order_by("pk")]
    assert set(changes[0]) == {"follow_up_on", "follow_up_done_at"}
    assert set(changes[1]) == {"follow_up_on", "follow_up_owner_id"}


def test_a_follow_up_cannot_be_done_twice(officer):
    activity = ActivityFactory(follow_up_on=TODAY, follow_up_owner=officer, created_by=officer)
    complete_follow_up(activity=activity, by=officer)
    with pytest.raises(ValidationError):
        complete_follow_up(activity=activity, by=officer)


def test_follow_ups_for_sorts_into_overdue_today_and_upcoming(officer):
    def follow_up(days: int, **extra):
        return ActivityFactory(
            follow_up_on=TODAY + dt.timedelta(days=days), follow_up_owner=officer, created_by=officer, **extra
        )

    late, today, soon = follow_up(-2), follow_up(0), follow_up(3)
    follow_up(9)  # beyond the week
    follow_up(-1, follow_up_done_at=NOON)  # done
    ActivityFactory(follow_up_on=TODAY, follow_up_owner=UserFactory())  # someone else's
    buckets = follow_ups_for(officer, today=TODAY)
    assert (list(buckets.overdue), list(buckets.due_today), list(buckets.upcoming)) == ([late], [today], [soon])


def test_activity_permissions_recorder_head_and_administrator():
    home = DepartmentFactory()
    recorder = UserFactory(department=home)
    colleague = UserFactory(department=home)
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=home)
    other_head = UserFactory(role=Role.DEPARTMENT_HEAD)
    administrator = UserFactory(role=Role.ADMINISTRATOR, department=None)
    activity = ActivityFactory(created_by=recorder, follow_up_on=TODAY, follow_up_owner=colleague)
    may_change = {
        user: user.has_perm("crm.change_activity", activity)
        for user in (recorder, colleague, head, other_head, administrator)
    }
    assert may_change == {recorder: True, colleague: False, head: True, other_head: False, administrator: True}
    assert colleague.has_perm("crm.complete_follow_up", activity)


def test_record_activity_page_from_a_project(officer_client, officer):
    project = ProjectFactory(department=officer.department)
    contact = ContactFactory(enterprise=project.enterprise)
    url = reverse("office:activity-create") + f"?project={project.pk}"
    form = officer_client.get(url)
    assert form.status_code == 200
    assert contact.name in form.content.decode()
    response = officer_client.post(
        url,
        {
            "kind": "negotiation",
            "occurred_at": "2026-11-24T10:30",
            "project": project.pk,
            "subject": "第二轮谈判",
            "notes": "对方希望降低租金",
            "participants": [officer.pk],
            "contacts": [contact.pk],
            "next_step": "报价",
            "follow_up_on": "2026-11-27",
            "follow_up_owner": "",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.project, activity.follow_up_owner, activity.created_by) == (project, officer, officer)
    page = officer_client.get(reverse("office:enterprise-detail", args=[project.enterprise_id]))
    assert "第二轮谈判" in page.content.decode()


def test_a_project_the_officer_may_not_read_is_not_offered_nor_accepted(officer_client, officer):
    enterprise = EnterpriseFactory()
    own = ProjectFactory(enterprise=enterprise, department=officer.department, title_zh_hans="本部门项目")
    theirs = ProjectFactory(enterprise=enterprise, department=DepartmentFactory(), title_zh_hans="已流转到区里的项目")

    assert officer_client.get(reverse("office:activity-create") + f"?project={theirs.pk}").status_code == 404
    url = reverse("office:activity-create") + f"?enterprise={enterprise.pk}"
    page = officer_client.get(url).content.decode()
    assert own.title_zh_hans in page
    assert theirs.title_zh_hans not in page
    response = officer_client.post(
        url,
        {
            "kind": "call",
            "occurred_at": "2026-11-24T10:30",
            "project": theirs.pk,
            "subject": "电话",
            "participants": [],
        },
    )
    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_activity_form_errors_keep_the_input(officer_client, officer):
    enterprise = EnterpriseFactory()
    url = reverse("office:activity-create") + f"?enterprise={enterprise.pk}"
    response = officer_client.post(
        url, {"kind": "call", "occurred_at": "2026-11-24T10:30", "subject": "回访", "follow_up_on": "2026-11-20"}
    )
    assert response.status_code == 200
    assert 'value="回访"' in response.content.decode()
    assert Activity.objects.count() == 0


def test_someone_else_cannot_edit_an_activity(client, officer):
    activity = ActivityFactory()
    client.force_login(officer)
    assert client.get(reverse("office:activity-update", args=[activity.pk])).status_code == 403


def test_follow_up_done_button_redirects_only_to_this_site(officer_client, officer):
    activity = ActivityFactory(follow_up_on=TODAY, follow_up_owner=officer, created_by=officer)
    url = reverse("office:activity-follow-up-done", args=[activity.pk])
    response = officer_client.post(url, {"next": "https://evil.example/"})
    assert response.url == reverse("office:enterprise-detail", args=[activity.enterprise_id]) + "#activities"
    activity.refresh_from_db()
    assert activity.follow_up_done_at is not None


def test_activity_list_query_count_does_not_grow(officer_client, count_queries):
    enterprise = EnterpriseFactory()
    url = reverse("office:activity-list", args=[enterprise.pk])

    def count_with(n: int) -> int:
        Activity.objects.all().delete()
        for _ in range(n):
            ActivityFactory(
                enterprise=enterprise, participants=[UserFactory()], contacts=[ContactFactory(enterprise=enterprise)]
            )
        with count_queries() as counted:
            response = officer_client.get(url)
        assert response.status_code == 200
        assert len(response.context["object_list"]) == n
        return counted.count

    assert count_with(1) == count_with(3)
