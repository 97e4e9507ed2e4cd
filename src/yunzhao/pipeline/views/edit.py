"""Creating and editing a project, with no lost update: the form carries the version it was
loaded at, and a save over someone else's newer one is refused with their change shown."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from yunzhao.core import audit
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm.views.helpers import add_domain_errors, staff_user
from yunzhao.pipeline import projects
from yunzhao.pipeline.forms import ProjectForm
from yunzhao.pipeline.lifecycle import ConcurrentEditError
from yunzhao.pipeline.models import Project
from yunzhao.pipeline.queries import visible_projects


def latest_entry_id(project: Project) -> int | None:
    return audit.history_for(project).values_list("pk", flat=True).first()


def shown(field: models.Field[Any, Any], value: Any) -> str:
    """A value as the form's reader knows it: a choice's label, a related object's name, yes or no."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


class ProjectCreateView(OfficeAccessMixin, FormView):
    form_class = ProjectForm
    template_name = "pipeline/project_form.html"
    permission_required = "pipeline.add_project"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "with_department": staff_user(self.request).department_id is None}

    def get_initial(self) -> dict[str, Any]:
        initial: dict[str, Any] = {"currency": "CNY"}
        enterprise = self.request.GET.get("enterprise", "")
        if enterprise.isdigit():
            initial["enterprise"] = int(enterprise)
        return initial

    def form_valid(self, form: ProjectForm) -> HttpResponse:
        user = staff_user(self.request)
        department = form.cleaned_data.get("department") or user.department
        try:
            project = projects.create_project(by=user, department=department, owner=user, **form.values())
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The project was saved."))
        return redirect("office:project-detail", pk=project.pk)


class ProjectUpdateView(OfficeAccessMixin, FormView):
    form_class = ProjectForm
    template_name = "pipeline/project_form.html"
    permission_required = "pipeline.change_project"

    @cached_property
    def project(self) -> Project:
        from django.shortcuts import get_object_or_404

        return get_object_or_404(visible_projects(self.request.user).select_related("department"), pk=self.kwargs["pk"])

    def has_permission(self) -> bool:
        user = self.request.user
        return user.has_perm("office.access") and user.has_perm(self.permission_required, self.project)

    def get_form(self, form_class: Any = None) -> ProjectForm:
        form = ProjectForm(**self.get_form_kwargs())
        form.fields["version"].required = True
        return form

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        # The form validates a copy; the domain function applies the change under a row lock.
        kwargs["instance"] = Project.objects.get(pk=self.project.pk)
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {"version": self.project.version, "loaded_entry": latest_entry_id(self.project)}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(object=self.project, **kwargs)

    def form_valid(self, form: ProjectForm) -> HttpResponse:
        fresh = Project.objects.get(pk=self.project.pk)
        try:
            projects.update_project(
                project=fresh,
                by=staff_user(self.request),
                expected_version=form.cleaned_data["version"],
                **form.values(),
            )
        except ConcurrentEditError:
            return self.refuse_lost_update(form)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The project was saved."))
        return redirect("office:project-detail", pk=fresh.pk)

    def refuse_lost_update(self, form: ProjectForm) -> HttpResponse:
        """Someone saved since the form was loaded: show who changed what, theirs beside the user's
        values, and a form that keeps the user's input and now carries the current version."""
        current = Project.objects.select_related("enterprise", "industry", "channel").get(pk=self.project.pk)
        since = list(
            audit.history_for(current)
            .filter(pk__gt=form.cleaned_data.get("loaded_entry") or 0)
            .order_by("created_at", "pk")
        )
        by_attname = {f.attname: f.name for f in Project._meta.concrete_fields}
        touched: list[str] = []
        for entry in since:
            for key in [*(entry.before or {}), *(entry.after or {})]:
                name = by_attname.get(key, key)
                if name in form.fields and name not in touched:
                    touched.append(name)
        comparison = []
        for name in touched:
            field = Project._meta.get_field(name)
            assert isinstance(field, models.Field)
            theirs = getattr(current, name)
            yours = form.cleaned_data.get(name)
            comparison.append(
                (form.fields[name].label or field.verbose_name, shown(field, theirs), shown(field, yours))
            )
        data = self.request.POST.copy()
        data["version"] = str(current.version)
        data["loaded_entry"] = str(since[-1].pk if since else latest_entry_id(current) or "")
        retry = ProjectForm(data, instance=Project.objects.get(pk=current.pk))
        retry.fields["version"].required = True
        context = self.get_context_data(
            form=retry, conflict_entries=list(reversed(since)), conflict_comparison=comparison
        )
        return self.render_to_response(context, status=409)
