from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.views.generic import TemplateView

from yunzhao.accounts.models import User
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm.queries import follow_ups_for
from yunzhao.pipeline.models import Stage
from yunzhao.pipeline.queries import department_counts, pending_handovers_for, sent_pending_handovers, visible_projects
from yunzhao.portal.queries import zone_figures

#: How many of the officer's key projects My day lists; the rest are in the filtered project list.
KEY_PROJECTS_SHOWN = 10


class DashboardView(OfficeAccessMixin, TemplateView):
    """My day: the signed-in officer's follow-ups, the hand-overs waiting on them or sent by them,
    their key projects, and for leaders and heads what is open and late in their department."""

    template_name = "office/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        assert isinstance(user, User)
        today = timezone.localdate()
        follow_ups = follow_ups_for(user, today=today)
        key_projects = list(
            visible_projects(user)
            .filter(owner=user, is_key=True)
            .exclude(stage__in=[Stage.LOST, Stage.PRODUCTION])
            .select_related("enterprise")
            .order_by("-updated_at", "-pk")[: KEY_PROJECTS_SHOWN + 1]
        )
        context.update(
            today=today,
            now=timezone.now(),
            overdue_follow_ups=list(follow_ups.overdue),
            today_follow_ups=list(follow_ups.due_today),
            upcoming_follow_ups=list(follow_ups.upcoming),
            handovers_to_answer=list(pending_handovers_for(user).order_by("deadline", "pk")),
            handovers_sent=list(sent_pending_handovers(user)),
            key_projects=key_projects[:KEY_PROJECTS_SHOWN],
            more_key_projects=len(key_projects) > KEY_PROJECTS_SHOWN,
            department_counts=department_counts(user, today=today),
            figures=zone_figures(),
        )
        return context
