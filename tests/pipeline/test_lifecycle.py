import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import ProjectFactory
from yunzhao.core import audit
from yunzhao.pipeline import lifecycle
from yunzhao.pipeline.lifecycle import ConcurrentEditError, TransitionError, move_project
from yunzhao.pipeline.models import Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(officer):
    return ProjectFactory(
        department=officer.department, owner=officer, stage_entered_at=timezone.now() - dt.timedelta(days=30)
    )


def test_forward_move_records_history_and_audit(project, officer):
    moved = move_project(project=project, to_stage=Stage.CONTACTED, by=officer)
    assert (moved.stage, moved.version) == (Stage.CONTACTED, 2)
    change = moved.stage_changes.get()
    assert (change.from_stage, change.to_stage, change.by, change.reason) == (Stage.LEAD, Stage.CONTACTED, officer, "")
    entry = audit.history_for(project).get()
    assert entry.action == "project.stage.changed"
    assert entry.changed_fields() == [
        ("stage", "lead", "contacted"),
        ("stage_entered_at", entry.before["stage_entered_at"], entry.after["stage_entered_at"]),
    ]


def test_skipping_forward_is_allowed(project, officer):
    assert move_project(project=project, to_stage=Stage.NEGOTIATING, by=officer).stage == Stage.NEGOTIATING


@pytest.mark.parametrize("to_stage", [Stage.ON_HOLD, Stage.LOST])
def test_side_exits_need_a_reason(project, officer, to_stage):
    with pytest.raises(TransitionError, match="需要填写理由"):
        move_project(project=project, to_stage=to_stage, by=officer)
    project.refresh_from_db()
    assert project.stage == Stage.LEAD
    moved = move_project(project=project, to_stage=to_stage, by=officer, reason="投资方战略调整")
    assert (moved.stage, moved.closing_reason) == (to_stage, "投资方战略调整")


def test_moving_back_needs_a_reason(project, officer):
    move_project(project=project, to_stage=Stage.NEGOTIATING, by=officer)
    with pytest.raises(TransitionError, match="需要填写理由"):
        move_project(project=project, to_stage=Stage.SITE_VISIT, by=officer)
    assert (
        move_project(project=project, to_stage=Stage.SITE_VISIT, by=officer, reason="再次考察").stage
        == Stage.SITE_VISIT
    )


def test_hold_remembers_the_stage_and_resuming_there_needs_no_reason(project, officer):
    move_project(project=project, to_stage=Stage.NEGOTIATING, by=officer)
    held = move_project(project=project, to_stage=Stage.ON_HOLD, by=officer, reason="等待董事会")
    assert held.stage_before_hold == Stage.NEGOTIATING
    resumed = move_project(project=project, to_stage=Stage.NEGOTIATING, by=officer)
    assert (resumed.stage, resumed.stage_before_hold, resumed.closing_reason) == (Stage.NEGOTIATING, "", "")


def test_reopening_a_lost_project_needs_a_reason(project, officer):
    move_project(project=project, to_stage=Stage.LOST, by=officer, reason="选址他处")
    with pytest.raises(TransitionError):
        move_project(project=project, to_stage=Stage.CONTACTED, by=officer)
    assert (
        move_project(project=project, to_stage=Stage.CONTACTED, by=officer, reason="重新接洽").stage == Stage.CONTACTED
    )


def test_same_stage_and_unknown_stage_are_refused(project, officer):
    with pytest.raises(TransitionError, match="已处于此阶段"):
        move_project(project=project, to_stage=Stage.LEAD, by=officer)
    with pytest.raises(TransitionError, match="没有该阶段"):
        move_project(project=project, to_stage="bogus", by=officer)


def test_backdated_move_needs_a_reason_and_cannot_precede_the_last_move(project, officer):
    ten_days_ago = timezone.now() - dt.timedelta(days=10)
    with pytest.raises(TransitionError, match="补记过去日期"):
        move_project(project=project, to_stage=Stage.CONTACTED, by=officer, effective_at=ten_days_ago)
    moved = move_project(
        project=project, to_stage=Stage.CONTACTED, by=officer, effective_at=ten_days_ago, reason="补录"
    )
    assert moved.stage_entered_at == ten_days_ago
    assert moved.stage_changes.get().is_backdated
    with pytest.raises(TransitionError, match="不能早于该项目上一次变更"):
        move_project(
            project=project,
            to_stage=Stage.SITE_VISIT,
            by=officer,
            effective_at=ten_days_ago - dt.timedelta(days=1),
            reason="补录",
        )
    with pytest.raises(TransitionError, match="不能晚于当前时间"):
        move_project(
            project=project, to_stage=Stage.SITE_VISIT, by=officer, effective_at=timezone.now() + dt.timedelta(days=1)
        )


def test_time_in_each_stage_comes_from_the_history(officer):
    start = timezone.now() - dt.timedelta(days=20)
    project = ProjectFactory(department=officer.department, stage_entered_at=start)
    lifecycle.start_history(project=project, by=officer)
    move_project(
        project=project, to_stage=Stage.CONTACTED, by=officer, effective_at=start + dt.timedelta(days=5), reason="补录"
    )
    move_project(
        project=project, to_stage=Stage.LEAD, by=officer, effective_at=start + dt.timedelta(days=8), reason="退回"
    )
    spent = lifecycle.time_in_stages(project, now=start + dt.timedelta(days=20))
    assert spent == {Stage.LEAD: dt.timedelta(days=17), Stage.CONTACTED: dt.timedelta(days=3)}


def test_stale_version_is_refused(project, officer):
    move_project(project=project, to_stage=Stage.CONTACTED, by=officer)
    with pytest.raises(ConcurrentEditError):
        move_project(project=project, to_stage=Stage.SITE_VISIT, by=officer, expected_version=1)


def test_needs_reason_and_allowed_stages(project):
    assert not lifecycle.needs_reason(project, Stage.CONTACTED)
    assert lifecycle.needs_reason(project, Stage.LOST)
    assert Stage.LEAD not in lifecycle.allowed_stages(project)
    assert lifecycle.allowed_stages(project)[-2:] == [Stage.ON_HOLD, Stage.LOST]


def test_time_in_stages_of_a_project_without_history_counts_its_current_stage():
    project = ProjectFactory(stage=Stage.NEGOTIATING)
    now = project.stage_entered_at + dt.timedelta(days=3)
    assert lifecycle.time_in_stages(project, now=now) == {"negotiating": dt.timedelta(days=3)}


def test_an_imported_project_on_hold_resumes_without_a_reason(officer):
    project = ProjectFactory(department=officer.department, stage=Stage.ON_HOLD, stage_before_hold="")
    assert not lifecycle.needs_reason(project, Stage.NEGOTIATING)
    move_project(project=project, to_stage=Stage.NEGOTIATING, by=officer)
    project.refresh_from_db()
    assert project.stage == Stage.NEGOTIATING


def test_saving_the_same_amount_typed_differently_changes_nothing(officer):
    from decimal import Decimal

    from yunzhao.core.models import AuditEntry
    from yunzhao.pipeline.projects import update_project

    project = ProjectFactory(department=officer.department, owner=officer)
    project.refresh_from_db()
    entries = AuditEntry.objects.count()
    saved = update_project(
        project=project, by=officer, expected_version=project.version, planned_investment=Decimal("10000000")
    )
    assert saved.version == project.version
    assert AuditEntry.objects.count() == entries
