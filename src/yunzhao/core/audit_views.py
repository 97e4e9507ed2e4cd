from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.core.forms import StyledFormMixin
from yunzhao.core.models import AuditEntry


class AuditFilterForm(StyledFormMixin, forms.Form):
    action = forms.CharField(label=_("Action starts with"), required=False)
    actor = forms.CharField(label=_("Who (e-mail)"), required=False)


class AuditLogView(OfficeAccessMixin, ListView):
    """The whole audit log, newest first, for administrators and leaders."""

    template_name = "core/audit_log.html"
    paginate_by = 50
    permission_required = "core.view_auditentry"

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False):
            return ["core/_audit_results.html"]
        return [self.template_name]

    def get_queryset(self) -> QuerySet[AuditEntry]:
        self.filter_form = AuditFilterForm(self.request.GET or None)
        queryset = AuditEntry.objects.select_related("actor")
        if self.filter_form.is_valid():
            if action := self.filter_form.cleaned_data["action"]:
                queryset = queryset.filter(action__startswith=action)
            if actor := self.filter_form.cleaned_data["actor"]:
                queryset = queryset.filter(actor_label__icontains=actor)
        return queryset

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        return context
