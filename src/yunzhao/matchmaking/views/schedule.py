"""The organiser's meeting schedule of a fair: run the scheduler, read its result, publish, print the table plan."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.matchmaking import access, agenda, planning
from yunzhao.matchmaking.models import Fair
from yunzhao.matchmaking.views.agenda import optional_url


class OrganiserMixin(OfficeAccessMixin):
    """Staff who organise the fair at ``pk``; other staff get 403."""

    request: HttpRequest
    kwargs: dict[str, Any]

    @cached_property
    def fair(self) -> Fair:
        return get_object_or_404(Fair, pk=self.kwargs["pk"])

    def has_permission(self) -> bool:
        if not super().has_permission():
            return False
        if not access.is_organiser(self.request.user, self.fair):
            raise PermissionDenied
        return True

    def fair_context(self) -> dict[str, Any]:
        return {
            "fair": self.fair,
            "fair_list_url": optional_url("office:fair-list"),
            "fair_url": optional_url("office:fair-detail", self.fair.pk),
            "fair_edit_url": optional_url("office:fair-edit", self.fair.pk),
            "zone": settings.TIME_ZONE,
        }


class FairScheduleView(OrganiserMixin, TemplateView):
    template_name = "matchmaking/schedule/schedule.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        fair = self.fair
        run = planning.latest_run(fair)
        context = {
            **self.fair_context(),
            "counts": planning.schedule_counts(fair),
            "run": run,
            "time_limit": planning.time_limit(),
        }
        if run is not None:
            context["ratio"] = 100 * run.weight / run.upper_bound if run.upper_bound else 100
            context["unscheduled"] = planning.unscheduled_rows(run)
            context["oversubscribed"] = planning.oversubscribed(run)
        return super().get_context_data(**context, **kwargs)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            run = planning.run_schedule(fair=self.fair, by=request.user)
        except planning.PlanningError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "The scheduler placed %(placed)d of %(requests)d accepted request.",
                    "The scheduler placed %(placed)d of %(requests)d accepted requests.",
                    run.requests,
                )
                % {"placed": run.placed, "requests": run.requests},
            )
        return redirect("office:fair-schedule", pk=pk)


class FairSchedulePublishView(OrganiserMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        published = planning.publish_schedule(fair=self.fair, by=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)d meeting published; everyone who meets got their agenda by e-mail.",
                "%(count)d meetings published; everyone who meets got their agenda by e-mail.",
                published,
            )
            % {"count": published},
        )
        return redirect("office:fair-schedule", pk=pk)


class FairTablePlanView(OrganiserMixin, TemplateView):
    template_name = "matchmaking/schedule/table_plan.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        published_only = self.request.GET.get("show") == "published"
        return super().get_context_data(
            **self.fair_context(),
            plan=agenda.table_plan(self.fair, published_only=published_only),
            published_only=published_only,
            title=_("Table plan"),
            **kwargs,
        )
