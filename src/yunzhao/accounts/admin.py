from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from yunzhao.accounts.models import Department, User


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code"]
    readonly_fields = ["path", "depth"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "department", "is_active"]
    list_filter = ["role", "is_active", "department"]
    search_fields = ["email", "full_name", "latin_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Person"),
            {"fields": ("full_name", "latin_name", "title", "phone", "organisation", "country", "preferred_language")},
        ),
        (_("Role"), {"fields": ("role", "department", "is_active", "is_staff", "is_superuser")}),
        (_("Dates"), {"fields": ("last_login", "date_joined", "email_confirmed_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "role", "password1", "password2")}),
    )
