"""Moving a project through its lifecycle (DESIGN.md): the only way a project's stage changes.

Forward along the main line is always allowed (a stage may be skipped); moving back, putting
on hold, marking lost and reopening a lost project ask for a reason; a move may be dated in
the past with a reason, but never before the project's previous move nor in the future.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yunzhao.core import audit
from yunzhao.pipeline.models import MAIN_LINE, Project, Stage, StageChange

#: A move dated more than this before the moment it is recorded counts as back-dated.
BACKDATE_TOLERANCE = dt.timedelta(minutes=5)


class TransitionError(ValueError):
    """The move is not allowed, or lacks what it needs; the message says why in the user's language."""


class ConcurrentEditError(RuntimeError):
    """Someone else changed the project since the user loaded it."""


def needs_reason(project: Project, to_stage: str) -> bool:
    """Whether moving ``project`` to ``to_stage`` asks for a reason (without checking it is allowed)."""
    if to_stage in {Stage.ON_HOLD, Stage.LOST}:
        return True
    if project.stage == Stage.LOST:
        return True
    if project.stage == Stage.ON_HOLD:
        if not project.stage_before_hold:
            return False  # put on hold before the stage was kept (imported): any resumption is forward
        current = Stage(project.stage_before_hold)
    else:
        current = Stage(project.stage)
    return (
        to_stage in MAIN_LINE and current in MAIN_LINE and MAIN_LINE.index(Stage(to_stage)) < MAIN_LINE.index(current)
    )


def allowed_stages(project: Project) -> list[Stage]:
    """Every stage ``project`` may move to from where it is."""
    current = Stage(project.stage)
    if current == Stage.PRODUCTION:
        return [s for s in MAIN_LINE if s != current]  # only corrections back, with a reason
    targets = [s for s in MAIN_LINE if s != current]
    if current != Stage.ON_HOLD:
        targets.append(Stage.ON_HOLD)
    if current != Stage.LOST:
        targets.append(Stage.LOST)
    return targets


def move_project(
    *,
    project: Project,
    to_stage: str,
    by: Any,
    reason: str = "",
    effective_at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Project:
    """Move ``project`` to ``to_stage``, recording who, when and why.  Raises :class:`TransitionError`."""
    now = timezone.now()
    effective_at = effective_at or now
    reason = reason.strip()
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        if expected_version is not None and project.version != expected_version:
            raise ConcurrentEditError
        try:
            target = Stage(to_stage)
        except ValueError as error:
            raise TransitionError(_("There is no such stage.")) from error
        if target == project.stage:
            raise TransitionError(_("The project is already at this stage."))
        if target not in allowed_stages(project):
            raise TransitionError(
                _("A project at “%(current)s” cannot move to “%(target)s”.")
                % {"current": project.get_stage_display(), "target": target.label}
            )
        if needs_reason(project, target) and not reason:
            raise TransitionError(_("Say why: this move needs a reason."))
        if effective_at > now + BACKDATE_TOLERANCE:
            raise TransitionError(_("A move cannot take effect in the future."))
        if effective_at < project.stage_entered_at:
            raise TransitionError(
                _("A move cannot take effect before the project's previous move (%(date)s).")
                % {"date": timezone.localtime(project.stage_entered_at).strftime("%Y-%m-%d %H:%M")}
            )
        if now - effective_at > BACKDATE_TOLERANCE and not reason:
            raise TransitionError(_("Say why the move is dated in the past."))

        fields = ["stage", "stage_entered_at", "stage_before_hold", "closing_reason", "version", "updated_at"]
        before = audit.snapshot(project, fields[:4])
        from_stage = project.stage
        if target == Stage.ON_HOLD:
            project.stage_before_hold = from_stage
        elif from_stage == Stage.ON_HOLD:
            project.stage_before_hold = ""
        project.closing_reason = reason if target in {Stage.ON_HOLD, Stage.LOST} else ""
        project.stage = target
        project.stage_entered_at = effective_at
        project.version += 1
        project.save(update_fields=fields)
        change = StageChange.objects.create(
            project=project,
            from_stage=from_stage,
            to_stage=target,
            effective_at=effective_at,
            recorded_at=now,
            by=by,
            reason=reason,
        )
        audit.record(
            actor=by,
            action="project.stage.changed",
            target=project,
            before=before,
            after=audit.snapshot(project, fields[:4]),
            data={"stage_change": change.pk, "effective_at": effective_at, "reason": reason},
        )
    return project


def time_in_stages(project: Project, *, now: dt.datetime | None = None) -> dict[str, dt.timedelta]:
    """How long ``project`` has spent in each stage it has been in, from its stage history."""
    now = now or timezone.now()
    changes = list(project.stage_changes.order_by("effective_at", "id"))
    if not changes:  # no history kept (e.g. loaded in bulk): what its own columns say
        return {project.stage: max(now - project.stage_entered_at, dt.timedelta(0))}
    spent: dict[str, dt.timedelta] = defaultdict(dt.timedelta)
    for change, following in zip(changes, [*changes[1:], None], strict=True):
        end = following.effective_at if following else now
        spent[change.to_stage] += max(end - change.effective_at, dt.timedelta(0))
    return dict(spent)


def start_history(*, project: Project, by: Any, effective_at: dt.datetime | None = None) -> StageChange:
    """The first entry of a new project's stage history (its creation at its first stage)."""
    moment = effective_at or project.stage_entered_at
    return StageChange.objects.create(
        project=project, from_stage="", to_stage=project.stage, effective_at=moment, recorded_at=timezone.now(), by=by
    )
