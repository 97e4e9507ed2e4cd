"""Creating and editing projects.  Stage moves live in ``lifecycle``, hand-overs in ``circulation``."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from yunzhao.core import audit
from yunzhao.pipeline.indexing import index_project
from yunzhao.pipeline.lifecycle import ConcurrentEditError, start_history
from yunzhao.pipeline.models import Project

EDITABLE_FIELDS = (
    "title_zh_hans",
    "title_en",
    "title_ja",
    "title_ko",
    "enterprise",
    "industry",
    "planned_investment",
    "currency",
    "registered_capital",
    "expected_jobs",
    "expected_annual_output",
    "expected_annual_tax",
    "land_need_mu",
    "space_need_sqm",
    "is_key",
    "key_level",
    "source",
    "channel",
)


def create_project(*, by: Any, department: Any, owner: Any = None, **values: Any) -> Project:
    """A new project at its first stage (``lead`` unless given), with the start of its history."""
    with transaction.atomic():
        project = Project(department=department, owner=owner, stage_entered_at=timezone.now(), **values)
        project.full_clean()
        project.save()
        start_history(project=project, by=by)
        audit.record(
            actor=by,
            action="project.created",
            target=project,
            after=audit.snapshot(project, [*EDITABLE_FIELDS, "stage", "department", "owner"]),
        )
        index_project(project)
    return project


def update_project(*, project: Project, by: Any, expected_version: int, **changes: Any) -> Project:
    """Apply ``changes`` if nobody saved the project since ``expected_version``; else :class:`ConcurrentEditError`."""
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        if project.version != expected_version:
            raise ConcurrentEditError
        fields = [name for name in changes if name in EDITABLE_FIELDS]
        before = audit.snapshot(project, fields)
        for name in fields:
            setattr(project, name, changes[name])
        project.full_clean()
        after = audit.snapshot(project, fields)
        changed = {key for key in after if before[key] != after[key]}
        if changed:
            project.version += 1
            names = [name for name in fields if project._meta.get_field(name).attname in changed]  # type: ignore[union-attr]
            project.save(update_fields=[*names, "version", "updated_at"])
            audit.record(
                actor=by,
                action="project.updated",
                target=project,
                before={k: v for k, v in before.items() if k in changed},
                after={k: v for k, v in after.items() if k in changed},
            )
            index_project(project)
    return project
