"""What is done to a project from its page, the board or My day: move it, hand it over, answer a hand-over.

Each view parses a form and calls one domain function; a refusal (``TransitionError``,
``HandoverError``, ``ConcurrentEditError``) becomes a message on the form, never an error page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm.views.helpers import staff_user
from yunzhao.pipeline import circulation, lifecycle
from yunzhao.pipeline.circulation import HandoverError
from yunzhao.pipeline.forms import CancelHandoverForm, HandoverForm, MoveForm, RejectHandoverForm
from yunzhao.pipeline.lifecycle import ConcurrentEditError, TransitionError
from yunzhao.pipeline.models import Handover, Project
from yunzhao.pipeline.views.detail import visible_project

CHANGED_MEANWHILE = gettext_lazy(
    "Someone else changed this project since you opened it. Look at its current state, then try again."
)


def safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


class ActionView(OfficeAccessMixin, View):
    """A form on a page of its own (GET) that does one thing to a project (POST)."""

    template_name = "pipeline/project_action.html"
    http_method_names = ["get", "post"]
    title: Any = ""
    submit_label: Any = ""

    @cached_property
    def project(self) -> Project:
        return visible_project(self.request, self.kwargs["pk"])

    def permission_object(self) -> Any:
        return self.project

    def has_permission(self) -> bool:
        user = self.request.user
        if not user.has_perm("office.access"):
            return False
        self.project  # noqa: B018 -- loaded (or 404) before anything is done to it
        return user.has_perm(self.permission_required, self.permission_object())

    def make_form(self, data: Any = None) -> forms.Form:
        raise NotImplementedError

    def act(self, form: forms.Form) -> str:
        """Do the thing; return the success message.  Raises a domain error to refuse."""
        raise NotImplementedError

    def done_url(self) -> str:
        return safe_next(self.request, self.project_url())

    def project_url(self) -> str:
        from django.urls import reverse

        return reverse("office:project-detail", args=[self.project.pk])

    def render_form(self, form: forms.Form, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "project": self.project,
            "title": self.title,
            "submit_label": self.submit_label,
            "cancel_url": safe_next(self.request, self.project_url()),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_form(self.make_form())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST)
        if not form.is_valid():
            return self.render_form(form)
        try:
            message = self.act(form)
        except (TransitionError, HandoverError) as error:
            form.add_error(None, str(error))
            return self.render_form(form)
        except ConcurrentEditError:
            form.add_error(None, str(CHANGED_MEANWHILE))
            return self.render_form(form, status=409)
        messages.success(request, message)
        return redirect(self.done_url())


class ProjectMoveView(ActionView):
    permission_required = "pipeline.move_project"
    title = gettext_lazy("Move to another stage")
    submit_label = gettext_lazy("Move")

    def make_form(self, data: Any = None) -> forms.Form:
        initial = {"version": self.project.version, "next": self.request.GET.get("next", "")}
        if self.request.GET.get("to_stage"):
            initial["to_stage"] = self.request.GET["to_stage"]
        return MoveForm(data, project=self.project, initial=initial)

    def act(self, form: forms.Form) -> str:
        data = form.cleaned_data
        project = lifecycle.move_project(
            project=self.project,
            to_stage=data["to_stage"],
            by=staff_user(self.request),
            reason=data["reason"],
            effective_at=data["effective_at"],
            expected_version=data["version"],
        )
        return _("“%(title)s” is now at “%(stage)s”.") % {"title": project.title, "stage": project.get_stage_display()}


class ProjectHandOverView(ActionView):
    permission_required = "pipeline.hand_over_project"
    title = gettext_lazy("Hand over to another department")
    submit_label = gettext_lazy("Hand over")

    def make_form(self, data: Any = None) -> forms.Form:
        return HandoverForm(data, project=self.project)

    def act(self, form: forms.Form) -> str:
        handover = circulation.hand_over(
            project=self.project,
            to_department=form.cleaned_data["to_department"],
            by=staff_user(self.request),
            note=form.cleaned_data["note"],
        )
        return _("The project waits for %(department)s to accept it.") % {"department": handover.to_department}


class HandoverActionView(ActionView):
    """An answer to a pending hand-over; the project is the hand-over's."""

    @cached_property
    def handover(self) -> Handover:
        queryset = Handover.objects.select_related("project", "from_department", "to_department")
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    @cached_property
    def project(self) -> Project:
        return visible_project(self.request, self.handover.project_id)

    def permission_object(self) -> Any:
        return self.handover


class HandoverAcceptView(HandoverActionView):
    permission_required = "pipeline.answer_handover"
    http_method_names = ["post"]

    def make_form(self, data: Any = None) -> forms.Form:
        return forms.Form(data)

    def act(self, form: forms.Form) -> str:
        circulation.accept_handover(handover=self.handover, by=staff_user(self.request))
        return _("You accepted “%(title)s”: it is now your department's.") % {"title": self.project.title}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            message = self.act(forms.Form())
        except HandoverError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, message)
        return redirect(self.done_url())


class HandoverRejectView(HandoverActionView):
    permission_required = "pipeline.answer_handover"
    title = gettext_lazy("Reject the hand-over")
    submit_label = gettext_lazy("Reject")

    def make_form(self, data: Any = None) -> forms.Form:
        return RejectHandoverForm(data, initial={"next": self.request.GET.get("next", "")})

    def act(self, form: forms.Form) -> str:
        circulation.reject_handover(
            handover=self.handover, by=staff_user(self.request), reason=form.cleaned_data["reason"]
        )
        return _("You rejected the hand-over of “%(title)s”.") % {"title": self.project.title}

    def done_url(self) -> str:
        from django.urls import reverse

        # After a rejection the project is out of the receiver's sight: back to where they came from.
        return safe_next(self.request, reverse("office:home"))


class HandoverCancelView(HandoverActionView):
    permission_required = "pipeline.cancel_handover"
    title = gettext_lazy("Withdraw the hand-over")
    submit_label = gettext_lazy("Withdraw")

    def make_form(self, data: Any = None) -> forms.Form:
        return CancelHandoverForm(data, initial={"next": self.request.GET.get("next", "")})

    def act(self, form: forms.Form) -> str:
        circulation.cancel_handover(
            handover=self.handover, by=staff_user(self.request), reason=form.cleaned_data["reason"]
        )
        return _("The hand-over of “%(title)s” was withdrawn.") % {"title": self.project.title}
