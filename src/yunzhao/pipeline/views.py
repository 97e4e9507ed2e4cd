from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.views.generic import DetailView

from yunzhao.core import audit
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.pipeline.models import Project
from yunzhao.pipeline.queries import project_list


class ProjectDetailView(OfficeAccessMixin, DetailView):
    template_name = "pipeline/project_detail.html"
    permission_required = "pipeline.view_project"

    def get_queryset(self) -> QuerySet[Project]:
        return project_list(self.request.user)

    def get_permission_object(self) -> Any:
        return None

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["history"] = audit.history_for(self.object)[:50]
        return context
