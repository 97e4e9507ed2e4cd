"""Background work of the project platform: each task calls one domain function."""

from __future__ import annotations

from django_tasks import task

from yunzhao.pipeline import circulation


@task()
def escalate_overdue_handovers() -> int:
    return len(circulation.escalate_overdue_handovers())
