"""Support staff look into agreements here; changes go through the back office, which audits them."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from yunzhao.signing.models import Agreement, OneTimeCode, Party, Signatory, SigningEvent


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class SignatoryInline(ReadOnlyInline):
    model = Signatory
    fields = ("order", "party", "name", "title", "email", "language", "invited_at", "signed_at", "signed_ip")
    readonly_fields = fields


class EventInline(ReadOnlyInline):
    model = SigningEvent
    fields = ("at", "kind", "signatory", "actor_label", "ip_address", "user_agent")
    readonly_fields = fields


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin[Agreement]):
    """Read-only: the signing trail and the stored hashes must stay what they were."""

    list_display = ("title", "status", "signing_order", "created_at", "completed_at", "final_sha256")
    list_filter = ("status", "signing_order")
    search_fields = ("title", "final_sha256", "document_sha256", "signatories__email")
    list_select_related = ("created_by",)
    inlines = [SignatoryInline, EventInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Agreement._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin[Party]):
    list_display = ("name", "agreement", "enterprise", "position")
    list_select_related = ("agreement", "enterprise")
    search_fields = ("name",)
    readonly_fields = ("agreement", "name", "enterprise", "position")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(OneTimeCode)
class OneTimeCodeAdmin(admin.ModelAdmin[OneTimeCode]):
    """When a signatory says their code did not work: was it used, expired, or spent by wrong tries?"""

    list_display = ("signatory", "created_at", "expires_at", "attempts", "used_at", "spent_at")
    list_select_related = ("signatory",)
    search_fields = ("signatory__email",)
    exclude = ("code_hash",)
    readonly_fields = ("signatory", "created_at", "expires_at", "attempts", "used_at", "spent_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
