"""Who sees and works which project (issue: officers work their department's projects and those
handed to them; department heads manage their department; leaders read everything)."""

from typing import Any

import rules

from yunzhao.accounts.models import Role
from yunzhao.accounts.rules import (
    can_read_everything,
    heads_department_of,
    in_same_department,
    is_administrator,
    is_internal,
    is_leader,
    owns,
)


@rules.predicate
def receives_pending_handover(user: Any, project: Any) -> bool:
    """The project waits for an answer from the user's department (or one the user heads above it)."""
    if project is None or getattr(user, "department", None) is None:
        return False
    from yunzhao.pipeline.models import HandoverStatus

    for handover in project.handovers.filter(status=HandoverStatus.PENDING).select_related("to_department"):
        if handover.to_department_id == user.department_id or handover.to_owner_id == user.pk:
            return True
        if user.role == Role.DEPARTMENT_HEAD and handover.to_department.is_within(user.department):
            return True
    return False


@rules.predicate
def may_answer_handover(user: Any, handover: Any) -> bool:
    if handover is None or getattr(user, "department", None) is None:
        return handover is not None and handover.to_owner_id == getattr(user, "pk", None)
    if handover.to_owner_id == user.pk:
        return True
    return user.role == Role.DEPARTMENT_HEAD and handover.to_department.is_within(user.department)


@rules.predicate
def sent_handover(user: Any, handover: Any) -> bool:
    return handover is not None and (
        handover.requested_by_id == user.pk
        or (
            user.role == Role.DEPARTMENT_HEAD
            and user.department is not None
            and handover.from_department.is_within(user.department)
        )
    )


can_work_project = is_internal & (is_administrator | heads_department_of | in_same_department | owns)

rules.add_perm(
    "pipeline.view_project",
    is_internal & (can_read_everything | heads_department_of | in_same_department | owns | receives_pending_handover),
)
rules.add_perm("pipeline.add_project", is_internal & ~is_leader)
rules.add_perm("pipeline.change_project", can_work_project)
rules.add_perm("pipeline.move_project", can_work_project)
rules.add_perm("pipeline.hand_over_project", can_work_project)
rules.add_perm("pipeline.answer_handover", is_internal & (is_administrator | may_answer_handover))
rules.add_perm("pipeline.cancel_handover", is_internal & (is_administrator | sent_handover))
