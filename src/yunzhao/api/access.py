"""What every API operation shares: who asks, whether they may, the objects named by id, pages."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from yunzhao.accounts.models import User
from yunzhao.api.errors import FORBIDDEN, INVALID, NOT_FOUND, ApiError
from yunzhao.api.schemas import PageParams

M = TypeVar("M", bound=Model)

NO_SUCH_CHOICE = gettext_lazy("Select a valid choice. That choice is not one of the available choices.")


def staff(request: HttpRequest) -> User:
    """The token's owner (the authentication let only staff this far)."""
    user = request.user
    assert isinstance(user, User)
    return user


def require(user: User, permission: str, obj: Any = None) -> None:
    """403 unless ``user`` has ``permission`` (on ``obj``): the same ``rules`` the pages check."""
    if not user.has_perm(permission, obj):
        raise ApiError(403, "forbidden", FORBIDDEN)


def get_or_404(queryset: QuerySet[M], pk: int) -> M:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise ApiError(404, "not_found", NOT_FOUND)
    return found


def resolve(queryset: QuerySet[M], pk: int | None, field: str) -> M | None:
    """The object ``pk`` names among ``queryset`` (``None`` for ``None``); else 422 on ``field``."""
    if pk is None:
        return None
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise ApiError(422, "validation_error", INVALID, {field: [str(NO_SUCH_CHOICE)]})
    return found


def resolve_many(queryset: QuerySet[M], pks: list[int], field: str) -> list[M]:
    wanted = list(dict.fromkeys(pks))
    found = {obj.pk: obj for obj in queryset.filter(pk__in=wanted)}
    if len(found) != len(wanted):
        raise ApiError(422, "validation_error", INVALID, {field: [str(NO_SUCH_CHOICE)]})
    return [found[pk] for pk in wanted]


def page_of(queryset: QuerySet[M], page: PageParams) -> dict[str, Any]:
    """``{"count": total, "items": [...]}``: one count and one query for the items."""
    return {"count": queryset.count(), "items": list(queryset[page.offset : page.offset + page.limit])}
