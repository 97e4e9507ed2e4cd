from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from yunzhao.accounts import registration
from yunzhao.accounts.forms import EmailAuthenticationForm, InvestorRegistrationForm
from yunzhao.accounts.models import Department, User
from yunzhao.core import audit
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.core.public_forms import RateLimitedFormMixin


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


def after_login(request: HttpRequest) -> HttpResponse:
    """Staff go to the back office; investors and exhibitors to their portal account."""
    user = request.user
    if getattr(user, "is_internal", False):
        return redirect("office:home")
    return redirect("portal:home")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class InvestorRegistrationView(RateLimitedFormMixin, FormView):
    template_name = "accounts/register.html"
    form_class = InvestorRegistrationForm
    rate_scope = "investor-registration"

    def form_valid(self, form: InvestorRegistrationForm) -> HttpResponse:
        data = form.cleaned_data
        registration.register_investor(
            email=data["email"],
            full_name=data["full_name"],
            password=data["password"],
            organisation=data["organisation"],
            country=data["country"],
            language=get_language() or "zh-hans",
        )
        return render(self.request, "accounts/register_done.html", {"email": data["email"]})


class ConfirmEmailView(View):
    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            registration.confirm_email(token=token)
        except registration.ConfirmationError:
            return render(request, "accounts/confirm_failed.html", status=400)
        messages.success(request, _("Your e-mail address is confirmed. You can sign in now."))
        return redirect("accounts:login")


class DepartmentListView(OfficeAccessMixin, ListView):
    """The organisation tree with the people in each department."""

    template_name = "accounts/department_list.html"
    context_object_name = "departments"

    def get_queryset(self) -> QuerySet[Department]:
        members = Prefetch("members", queryset=User.objects.filter(is_active=True).order_by("full_name"))
        return Department.objects.filter(is_active=True).prefetch_related(members).order_by("path")


class DepartmentDetailView(OfficeAccessMixin, DetailView):
    model = Department
    template_name = "accounts/department_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["ancestors"] = self.object.ancestors()
        context["children"] = self.object.children.filter(is_active=True)
        context["members"] = self.object.members.filter(is_active=True).order_by("full_name")
        context["history"] = audit.history_for(self.object)[:50]
        return context
