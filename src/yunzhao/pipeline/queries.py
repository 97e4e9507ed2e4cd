"""Reads several pages share: which projects a user sees, with what the pages show joined."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from yunzhao.accounts.models import Department, Role
from yunzhao.pipeline.models import Handover, HandoverStatus, Project


def visible_projects(user: Any) -> QuerySet[Project]:
    """The projects ``user`` may read — the queryset twin of the ``pipeline.view_project`` rule."""
    projects = Project.objects.all()
    if not getattr(user, "is_internal", False):
        return projects.none()
    if user.is_superuser or user.role in {Role.ADMINISTRATOR, Role.LEADER}:
        return projects
    departments: QuerySet[Department] | list[int]
    if user.department is None:
        departments = []
    elif user.role == Role.DEPARTMENT_HEAD:
        departments = user.department.subtree()
    else:
        departments = [user.department_id]
    pending = Handover.objects.filter(project=OuterRef("pk"), status=HandoverStatus.PENDING).filter(
        Q(to_department__in=departments) | Q(to_owner=user)
    )
    return projects.filter(Q(department__in=departments) | Q(owner=user) | Exists(pending))


def project_list(user: Any) -> QuerySet[Project]:
    """Visible projects with everything a list row or a board card shows."""
    return visible_projects(user).select_related("enterprise", "industry", "department", "owner", "channel")


def pending_handovers_for(user: Any) -> QuerySet[Handover]:
    """Hand-overs waiting for ``user``'s answer: to their department (heads: below it too) or to them."""
    handovers = Handover.objects.filter(status=HandoverStatus.PENDING).select_related(
        "project", "from_department", "to_department", "requested_by", "to_owner"
    )
    if user.department is None:
        return handovers.filter(to_owner=user)
    if user.role == Role.DEPARTMENT_HEAD:
        return handovers.filter(Q(to_department__in=user.department.subtree()) | Q(to_owner=user))
    return handovers.filter(to_owner=user)
