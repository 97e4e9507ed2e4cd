"""The demo's day-to-day work: contacts, activities with follow-ups and hand-overs make sense together."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from yunzhao.accounts.models import User
from yunzhao.crm.models import Activity, Contact
from yunzhao.crm.queries import follow_ups_for
from yunzhao.pipeline.models import Handover, HandoverStatus, Project, Stage
from yunzhao.pipeline.queries import pending_handovers_for

OPEN_WORKED = [s for s in Stage if s not in {Stage.PRODUCTION, Stage.ON_HOLD, Stage.LOST}]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.usefixtures("demo")


@pytest.mark.django_db
def test_every_project_being_worked_has_one_open_follow_up_with_its_owner():
    open_projects = Project.objects.filter(stage__in=OPEN_WORKED)
    follow_ups = Activity.objects.filter(follow_up_on__isnull=False, follow_up_done_at__isnull=True)
    per_project = dict(follow_ups.values("project").annotate(n=Count("id")).values_list("project", "n"))
    assert {pk: per_project.get(pk) for pk in open_projects.values_list("pk", flat=True)} == dict.fromkeys(
        open_projects.values_list("pk", flat=True), 1
    )
    assert not follow_ups.exclude(project__stage__in=OPEN_WORKED).exists()


@pytest.mark.django_db
def test_activities_are_valid_and_never_in_the_future():
    now = timezone.now()
    assert not Activity.objects.filter(occurred_at__gt=now).exists()
    for activity in Activity.objects.select_related("project").order_by("?")[:200]:
        activity.full_clean()
        assert activity.project.enterprise_id == activity.enterprise_id


@pytest.mark.django_db
def test_enterprises_with_projects_have_contacts_in_their_own_script():
    with_projects = set(Project.objects.values_list("enterprise_id", flat=True))
    with_contacts = set(Contact.objects.values_list("enterprise_id", flat=True))
    assert with_projects == with_contacts
    japanese = Contact.objects.filter(enterprise__country="JP").first()
    assert japanese is not None
    assert japanese.latin_name
    assert japanese.name != japanese.latin_name
    assert "ja" in japanese.languages
    for contact in Contact.objects.order_by("?")[:100]:
        contact.full_clean()


@pytest.mark.django_db
def test_hand_over_chains_end_where_the_project_is():
    for project in Project.objects.prefetch_related("handovers"):
        chain = list(project.handovers.all())
        accepted = [h for h in chain if h.status == HandoverStatus.ACCEPTED]
        pending = [h for h in chain if h.status == HandoverStatus.PENDING]
        assert len(pending) <= 1
        if pending:
            assert pending[0].from_department_id == project.department_id
        elif accepted:
            assert accepted[-1].to_department_id == project.department_id
        for handover in chain:
            assert handover.requested_at < timezone.now()
            assert handover.deadline > handover.requested_at


@pytest.mark.django_db
def test_the_demo_accounts_have_a_day_of_work():
    today = timezone.localdate()
    officer = User.objects.get(email="officer@yunzhao.example")
    head = User.objects.get(email="head@yunzhao.example")
    buckets = follow_ups_for(officer, today=today)
    assert (buckets.overdue.exists(), buckets.due_today.exists(), buckets.upcoming.exists()) == (True, True, True)
    assert pending_handovers_for(head).exists()
    overdue = Handover.objects.filter(status=HandoverStatus.PENDING, deadline__lt=timezone.now())
    assert overdue.exists()
    assert not overdue.filter(escalated_at__isnull=True).exists()
