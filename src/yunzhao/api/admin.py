from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from yunzhao.api.models import ApiToken
from yunzhao.api.tokens import revoke_token


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """Read-only: tokens are made by ``manage.py create_api_token`` (the secret is shown once) and revoked here."""

    list_display = ("name", "owner", "prefix", "created_at", "last_used_at", "expires_at", "revoked_at")
    list_select_related = ("owner",)
    search_fields = ("name", "owner__email", "prefix")
    readonly_fields = ("owner", "name", "prefix", "created_at", "last_used_at", "expires_at", "revoked_at")
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Revoke the selected API tokens"), permissions=["view"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            revoke_token(token=token, by=request.user)
