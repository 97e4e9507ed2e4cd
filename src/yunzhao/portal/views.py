from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from yunzhao.portal import queries


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["figures"] = queries.zone_figures()
        return context
