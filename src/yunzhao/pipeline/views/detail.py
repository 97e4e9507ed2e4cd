"""A project's page: its figures, time in each stage, one timeline, and the actions the reader may take."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm.views.helpers import record_activity_url
from yunzhao.pipeline.filters import with_list_figures
from yunzhao.pipeline.forms import CancelHandoverForm, HandoverForm, MoveForm, RejectHandoverForm
from yunzhao.pipeline.lifecycle import time_in_stages
from yunzhao.pipeline.models import MAIN_LINE, Handover, HandoverStatus, Project, Stage
from yunzhao.pipeline.queries import project_list, project_timeline


def visible_project(request: HttpRequest, pk: int) -> Project:
    """The project if the user may see it (404 otherwise), with the list's figures (its amount in yuan)."""
    return get_object_or_404(with_list_figures(project_list(request.user)), pk=pk)


def pending_handover_of(project: Project) -> Handover | None:
    return (
        project.handovers.filter(status=HandoverStatus.PENDING)
        .select_related("from_department", "to_department", "requested_by", "to_owner")
        .first()
    )


def project_page_context(request: HttpRequest, project: Project, **forms: Any) -> dict[str, Any]:
    """Everything the project page shows; ``forms`` replaces a blank action form with a bound one."""
    user = request.user
    pending = pending_handover_of(project)
    spent = time_in_stages(project)
    stages = [stage for stage in [*MAIN_LINE, Stage.ON_HOLD, Stage.LOST] if stage.value in spent]
    context: dict[str, Any] = {
        "object": project,
        "project": project,
        "pending_handover": pending,
        "time_in_stages": [(stage, spent[stage.value]) for stage in stages],
        "timeline": project_timeline(project),
        "record_url": record_activity_url(project=project),
        "now": timezone.now(),
        "can_change": user.has_perm("pipeline.change_project", project),
        "can_move": user.has_perm("pipeline.move_project", project),
        "can_hand_over": pending is None and user.has_perm("pipeline.hand_over_project", project),
        "can_answer": pending is not None and user.has_perm("pipeline.answer_handover", pending),
        "can_cancel": pending is not None and user.has_perm("pipeline.cancel_handover", pending),
    }
    context["move_form"] = forms.get("move_form") or MoveForm(project=project, initial={"version": project.version})
    context["handover_form"] = forms.get("handover_form") or HandoverForm(project=project)
    context["reject_form"] = forms.get("reject_form") or RejectHandoverForm()
    context["cancel_form"] = forms.get("cancel_form") or CancelHandoverForm()
    return context


class ProjectDetailView(OfficeAccessMixin, DetailView):
    template_name = "pipeline/project_detail.html"

    def get_queryset(self) -> QuerySet[Project]:
        return with_list_figures(project_list(self.request.user))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(project_page_context(self.request, self.object))
        return context
