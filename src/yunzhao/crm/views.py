from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from yunzhao.core import audit, search
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm import enterprises
from yunzhao.crm.forms import EnterpriseFilterForm, EnterpriseForm
from yunzhao.crm.models import Enterprise


class EnterpriseListView(OfficeAccessMixin, ListView):
    model = Enterprise
    paginate_by = 25
    template_name = "crm/enterprise_list.html"

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:  # type: ignore[attr-defined]
            return ["crm/_enterprise_results.html"]
        return [self.template_name]

    def get_queryset(self) -> QuerySet[Enterprise]:
        self.filter_form = EnterpriseFilterForm(self.request.GET or None)
        queryset: QuerySet[Enterprise] = Enterprise.objects.select_related("industry", "owner").order_by("name", "pk")
        if self.filter_form.is_valid():
            data = self.filter_form.cleaned_data
            if data["q"]:
                queryset = search.filter_queryset(queryset, data["q"])
            if data["country"]:
                queryset = queryset.filter(country=data["country"].upper())
            if data["ownership"]:
                queryset = queryset.filter(ownership=data["ownership"])
        return queryset

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
        context["history"] = audit.history_for(self.object)[:50]
        return context


class EnterpriseCreateView(OfficeAccessMixin, FormView):
    form_class = EnterpriseForm
    template_name = "crm/enterprise_form.html"
    permission_required = "crm.add_enterprise"

    def form_valid(self, form: EnterpriseForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        enterprise = enterprises.create_enterprise(by=self.request.user, owner=self.request.user, **values)
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
        enterprises.update_enterprise(enterprise=fresh, by=self.request.user, **values)
        messages.success(self.request, _("The enterprise was saved."))
        return redirect("office:enterprise-detail", pk=self.enterprise.pk)
