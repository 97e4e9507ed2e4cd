"""Enterprise pages: the searchable list, the page with everything about one, its forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm import enterprises
from yunzhao.crm.forms import EnterpriseForm
from yunzhao.crm.merge import enterprise_history
from yunzhao.crm.models import Enterprise
from yunzhao.crm.queries import activity_timeline, contacts_of, filtered_enterprises
from yunzhao.crm.views.helpers import add_domain_errors, record_activity_url

#: How many of an enterprise's newest activities its page shows; the rest are one link away.
TIMELINE_SIZE = 10
#: Two saves with one credit code at the same moment: the database refuses the second.
CREDIT_CODE_TAKEN = gettext_lazy(
    "Another enterprise has just been saved with this unified social credit code: one code belongs to one enterprise."
)


class EnterpriseListView(OfficeAccessMixin, ListView):
    model = Enterprise
    paginate_by = 25
    template_name = "crm/enterprise_list.html"

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:  # type: ignore[attr-defined]
            return ["crm/_enterprise_results.html"]
        return [self.template_name]

    def get_queryset(self) -> QuerySet[Enterprise]:
        self.filter_form, queryset = filtered_enterprises(self.request.GET)
        return queryset.select_related("industry", "owner")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["is_filtered"] = any(self.request.GET.get(key) for key in ("q", "country", "ownership"))
        return context


class EnterpriseDetailView(OfficeAccessMixin, DetailView):
    model = Enterprise
    template_name = "crm/enterprise_detail.html"
    permission_required = "crm.view_enterprise"

    def get_queryset(self) -> QuerySet[Enterprise]:
        return Enterprise.objects.select_related("industry__parent", "owner", "department")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["projects"] = self.object.projects.select_related("department", "owner").order_by("-updated_at")
        context["history"] = enterprise_history(self.object)[:50]
        context["merges"] = self.object.merges.select_related("merged_by").order_by("-merged_at", "-pk")
        context["contacts"] = contacts_of(self.object)
        timeline = list(activity_timeline(enterprise=self.object)[: TIMELINE_SIZE + 1])
        context["activities"] = timeline[:TIMELINE_SIZE]
        context["more_activities"] = len(timeline) > TIMELINE_SIZE
        context["today"] = timezone.localdate()
        context["record_url"] = record_activity_url(enterprise=self.object)
        return context


class EnterpriseCreateView(OfficeAccessMixin, FormView):
    form_class = EnterpriseForm
    template_name = "crm/enterprise_form.html"
    permission_required = "crm.add_enterprise"

    def form_valid(self, form: EnterpriseForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            enterprise = enterprises.create_enterprise(by=self.request.user, owner=self.request.user, **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        except IntegrityError:
            form.add_error("credit_code", CREDIT_CODE_TAKEN)
            return self.form_invalid(form)
        messages.success(self.request, _("The enterprise was saved."))
        return redirect("office:enterprise-detail", pk=enterprise.pk)


class EnterpriseUpdateView(OfficeAccessMixin, FormView):
    form_class = EnterpriseForm
    template_name = "crm/enterprise_form.html"
    permission_required = "crm.change_enterprise"

    enterprise: Enterprise

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.enterprise = get_object_or_404(Enterprise, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.enterprise
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["object"] = self.enterprise
        return context

    def form_valid(self, form: EnterpriseForm) -> HttpResponse:
        # The form validated a copy; the domain function applies the change under a row lock.
        fresh = Enterprise.objects.get(pk=self.enterprise.pk)
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            enterprises.update_enterprise(enterprise=fresh, by=self.request.user, **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        except IntegrityError:
            form.add_error("credit_code", CREDIT_CODE_TAKEN)
            return self.form_invalid(form)
        messages.success(self.request, _("The enterprise was saved."))
        return redirect("office:enterprise-detail", pk=self.enterprise.pk)
