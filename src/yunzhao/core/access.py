"""Who gets into the back office: staff of the agency only, never outside accounts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin


class OfficeAccessMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Signed-in staff only; investors and exhibitors get 403, visitors the login page."""

    permission_required: Any = "office.access"
    raise_exception = False

    def handle_no_permission(self) -> Any:
        if self.request.user.is_authenticated:  # type: ignore[attr-defined]
            self.raise_exception = True
        return super().handle_no_permission()


class ObjectPermissionMixin:
    """Check ``permission_required`` against the object the page is about (``get_permission_object``),
    after office access; put it before :class:`OfficeAccessMixin` in the bases."""

    request: Any
    permission_required: Any

    def get_permission_object(self) -> Any:
        raise NotImplementedError

    def has_permission(self) -> bool:
        user = self.request.user
        return bool(
            user.has_perm("office.access") and user.has_perm(self.permission_required, self.get_permission_object())
        )
