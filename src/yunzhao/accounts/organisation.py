"""Domain functions for the organisation tree and staff accounts."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from yunzhao.accounts.models import Department, Role, User
from yunzhao.core import audit


def _set_path(department: Department) -> None:
    parent = department.parent
    department.path = f"{parent.path if parent else ''}{department.pk}/"
    department.depth = parent.depth + 1 if parent else 0


def create_department(
    *, name: str, code: str, kind: str, parent: Department | None = None, short_name: str = "", by: Any = None
) -> Department:
    with transaction.atomic():
        department = Department.objects.create(name=name, code=code, kind=kind, parent=parent, short_name=short_name)
        _set_path(department)
        department.save(update_fields=["path", "depth"])
        audit.record(actor=by, action="department.created", target=department, after=audit.snapshot(department))
    return department


def create_staff_user(
    *,
    email: str,
    full_name: str,
    role: Role,
    password: str | None,
    department: Department | None = None,
    by: Any = None,
    **fields: Any,
) -> User:
    with transaction.atomic():
        user = User.objects.create_user(
            email=email, password=password, full_name=full_name, role=role, department=department, **fields
        )
        if role == Role.ADMINISTRATOR:
            user.is_staff = True
            user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
        audit.record(
            actor=by,
            action="user.created",
            target=user,
            after=audit.snapshot(user, ["email", "full_name", "role", "department", "is_active"]),
        )
    return user
