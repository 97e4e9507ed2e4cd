"""Activities: record and change calls, meetings and visits; mark follow-ups done; an enterprise's full list."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm import activities
from yunzhao.crm.forms import ActivityForm
from yunzhao.crm.models import Activity, Enterprise
from yunzhao.crm.queries import activity_timeline
from yunzhao.crm.views.helpers import add_domain_errors, record_activity_url, staff_user
from yunzhao.pipeline.models import Project
from yunzhao.pipeline.queries import visible_projects


class ActivityCreateView(OfficeAccessMixin, FormView):
    """Record an activity with the enterprise (``?enterprise=<id>``) or the project (``?project=<id>``) given."""

    form_class = ActivityForm
    template_name = "crm/activity_form.html"
    permission_required = "crm.add_activity"

    @cached_property
    def project(self) -> Project | None:
        pk = self.request.GET.get("project")
        if not pk:
            return None
        if not pk.isdigit():
            raise Http404
        # Only a project the user may read: one handed to another department is no longer theirs to record on.
        return get_object_or_404(visible_projects(self.request.user).select_related("enterprise"), pk=pk)

    @cached_property
    def enterprise(self) -> Enterprise | None:
        if self.project is not None:
            return self.project.enterprise
        pk = self.request.GET.get("enterprise")
        if not pk:
            return None
        if not pk.isdigit():
            raise Http404
        return get_object_or_404(Enterprise, pk=pk)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.enterprise is None:
            messages.info(request, _("Open the enterprise the activity was with, then choose “Record activity”."))
            return redirect("office:enterprise-list")
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.enterprise is None:
            raise Http404
        return super().post(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        now = timezone.localtime().replace(second=0, microsecond=0)
        return {"occurred_at": now, "project": self.project, "participants": [self.request.user]}

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "enterprise": self.enterprise,
            "projects": visible_projects(self.request.user),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(enterprise=self.enterprise, **kwargs)

    def form_valid(self, form: ActivityForm) -> HttpResponse:
        assert self.enterprise is not None
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            activities.record_activity(enterprise=self.enterprise, by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The activity was recorded."))
        return redirect(reverse("office:enterprise-detail", args=[self.enterprise.pk]) + "#activities")


class ActivityUpdateView(OfficeAccessMixin, FormView):
    """Change an activity: its recorder, heads of departments over theirs, and administrators."""

    form_class = ActivityForm
    template_name = "crm/activity_form.html"
    permission_required = "crm.change_activity"

    @cached_property
    def activity(self) -> Activity:
        queryset = Activity.objects.select_related("enterprise", "project__department", "created_by__department")
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def has_permission(self) -> bool:
        user = self.request.user
        return user.has_perm("office.access") and user.has_perm(self.permission_required, self.activity)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": self.activity,
            "enterprise": self.activity.enterprise,
            "projects": visible_projects(self.request.user),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(enterprise=self.activity.enterprise, object=self.activity, **kwargs)

    def form_valid(self, form: ActivityForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        # The form validated its copy; the domain function applies the change under a row lock.
        fresh = Activity.objects.get(pk=self.activity.pk)
        try:
            activities.update_activity(activity=fresh, by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The activity was saved."))
        return redirect(reverse("office:enterprise-detail", args=[fresh.enterprise_id]) + "#activities")


class ActivityFollowUpDoneView(OfficeAccessMixin, View):
    """Mark an activity's follow-up done (POST), then go back to where the button was."""

    permission_required = "crm.complete_follow_up"
    http_method_names = ["post"]

    @cached_property
    def activity(self) -> Activity:
        queryset = Activity.objects.select_related("project__department", "created_by__department")
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def has_permission(self) -> bool:
        user = self.request.user
        return user.has_perm("office.access") and user.has_perm(self.permission_required, self.activity)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            activities.complete_follow_up(activity=self.activity, by=staff_user(request))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The follow-up is done."))
        fallback = reverse("office:enterprise-detail", args=[self.activity.enterprise_id]) + "#activities"
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = fallback
        return redirect(target or fallback)


class ActivityListView(OfficeAccessMixin, ListView):
    """Every activity with one enterprise, newest first."""

    paginate_by = 25
    template_name = "crm/activity_list.html"
    permission_required = "crm.view_activity"

    @cached_property
    def enterprise(self) -> Enterprise:
        return get_object_or_404(Enterprise, pk=self.kwargs["pk"])

    def get_queryset(self) -> QuerySet[Activity]:
        return activity_timeline(enterprise=self.enterprise)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        record_url = record_activity_url(enterprise=self.enterprise)
        return super().get_context_data(
            enterprise=self.enterprise, today=timezone.localdate(), record_url=record_url, **kwargs
        )
