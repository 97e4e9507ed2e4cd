"""Who may do what.  Predicates take the user and, where it matters, the object.

Other apps import these predicates to build their own object permissions, e.g.
``rules.add_perm("pipeline.view_project", can_read_everything | in_owning_department)``.
"""

from __future__ import annotations

from typing import Any

import rules

from yunzhao.accounts.models import Role


@rules.predicate
def is_internal(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_internal)


@rules.predicate
def is_administrator(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.role == Role.ADMINISTRATOR or user.is_superuser)
    )


@rules.predicate
def is_leader(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role == Role.LEADER)


@rules.predicate
def is_department_head(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role == Role.DEPARTMENT_HEAD)


@rules.predicate
def is_officer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role == Role.OFFICER)


@rules.predicate
def is_investor(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role == Role.INVESTOR)


@rules.predicate
def is_exhibitor(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role == Role.EXHIBITOR)


can_read_everything = is_administrator | is_leader


@rules.predicate
def heads_department_of(user: Any, obj: Any) -> bool:
    """The user heads a department that contains ``obj``'s department."""
    department = getattr(obj, "department", None)
    if department is None or user.department is None or user.role != Role.DEPARTMENT_HEAD:
        return False
    return bool(department.is_within(user.department))


@rules.predicate
def in_same_department(user: Any, obj: Any) -> bool:
    department_id = getattr(obj, "department_id", None)
    return department_id is not None and department_id == getattr(user, "department_id", None)


@rules.predicate
def owns(user: Any, obj: Any) -> bool:
    return getattr(obj, "owner_id", None) == getattr(user, "pk", None) is not None


rules.add_perm("office.access", is_internal)
rules.add_perm("accounts.manage_users", is_administrator)
rules.add_perm("accounts.manage_departments", is_administrator)
rules.add_perm("core.view_auditentry", is_administrator | is_leader | is_department_head)
