from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.core.models import AuditEntry
from yunzhao.portal.queries import zone_figures


class DashboardView(OfficeAccessMixin, TemplateView):
    template_name = "office/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["figures"] = zone_figures()
        context["recent_entries"] = AuditEntry.objects.select_related("actor")[:10]
        return context
