"""Back-office pages of imports (upload → mapping → preview → review → run) and exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView

from yunzhao.accounts.models import Role
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm.models import Contact
from yunzhao.crm.queries import filtered_enterprises
from yunzhao.pipeline.filters import ProjectFilterForm, apply_filters, apply_sort, with_list_figures
from yunzhao.pipeline.queries import project_list
from yunzhao.workbooks import exports, importing
from yunzhao.workbooks.columns import columns_for
from yunzhao.workbooks.duplicates import reason_label
from yunzhao.workbooks.forms import MappingForm, ReviewForm, SheetForm, UploadForm
from yunzhao.workbooks.messages import failure_message, shown_errors
from yunzhao.workbooks.models import DuplicateChoice, ImportJob, ImportKind, ImportStatus
from yunzhao.workbooks.reading import NotAWorkbookError

#: Duplicates and errors a page lists; the rest are counted (and follow the default choice).
SHOWN_DUPLICATES = 200
SHOWN_ERRORS = 200

IMPORT_TITLES = {
    ImportKind.ENTERPRISES: gettext_lazy("Import enterprises"),
    ImportKind.CONTACTS: gettext_lazy("Import contacts"),
    ImportKind.PROJECTS: gettext_lazy("Import projects"),
}
IMPORT_PERMISSIONS = {
    ImportKind.ENTERPRISES: "workbooks.import_enterprises",
    ImportKind.CONTACTS: "workbooks.import_contacts",
    ImportKind.PROJECTS: "workbooks.import_projects",
}


def jobs_for(user: Any) -> QuerySet[ImportJob]:
    """The imports ``user`` may see: their own; administrators see everyone's."""
    jobs = ImportJob.objects.select_related("created_by")
    if user.is_superuser or getattr(user, "role", None) == Role.ADMINISTRATOR:
        return jobs
    return jobs.filter(created_by=user)


class ImportJobListView(OfficeAccessMixin, ListView):
    template_name = "workbooks/import_list.html"
    paginate_by = 25
    context_object_name = "jobs"

    def get_queryset(self) -> QuerySet[ImportJob]:
        return jobs_for(self.request.user).order_by("-created_at", "-pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["kinds"] = [
            (kind, IMPORT_TITLES[kind]) for kind in ImportKind if user.has_perm(IMPORT_PERMISSIONS[kind])
        ]
        return context


class ImportUploadView(OfficeAccessMixin, View):
    template_name = "workbooks/import_upload.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if kwargs["kind"] not in ImportKind.values:
            raise Http404
        self.kind = ImportKind(kwargs["kind"])
        self.permission_required = IMPORT_PERMISSIONS[self.kind]
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, form: UploadForm) -> HttpResponse:
        context = {"form": form, "title": IMPORT_TITLES[self.kind], "columns": columns_for(self.kind)}
        return render(self.request, self.template_name, context, status=400 if form.is_bound else 200)

    def get(self, request: HttpRequest, kind: str) -> HttpResponse:
        return self.render_form(UploadForm())

    def post(self, request: HttpRequest, kind: str) -> HttpResponse:
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_form(form)
        try:
            job = importing.create_import_job(kind=self.kind, upload=form.cleaned_data["file"], by=request.user)
        except NotAWorkbookError:
            form.add_error("file", _("This file is not an Excel workbook (.xlsx) that can be read."))
            return self.render_form(form)
        return redirect("office:workbook-import-mapping", pk=job.pk)


class JobMixin(OfficeAccessMixin):
    """Loads the job of the URL if the user may see it (404 otherwise: no hint that it exists)."""

    job: ImportJob

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated or not self.has_permission():
            return self.handle_no_permission()
        self.job = get_object_or_404(jobs_for(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class ImportMappingView(JobMixin, View):
    template_name = "workbooks/import_mapping.html"

    def render_page(self, form: MappingForm, *, status: int = 200) -> HttpResponse:
        context = {"job": self.job, "form": form, "sheet_form": SheetForm(job=self.job)}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_page(MappingForm(job=self.job))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.job.status not in {ImportStatus.UPLOADED, ImportStatus.MAPPED, ImportStatus.VALIDATED}:
            messages.error(request, _("This import has started; its columns can no longer change."))
            return redirect("office:workbook-import", pk=self.job.pk)
        if "sheet" in request.POST:
            sheet_form = SheetForm(request.POST, job=self.job)
            if sheet_form.is_valid():
                importing.choose_sheet(job=self.job, sheet=sheet_form.cleaned_data["sheet"])
            return redirect("office:workbook-import-mapping", pk=self.job.pk)
        form = MappingForm(request.POST, job=self.job)
        if not form.is_valid():
            return self.render_page(form, status=400)
        importing.set_mapping(job=self.job, mapping=form.mapping())
        return redirect("office:workbook-import-preview", pk=self.job.pk)


class ImportPreviewView(JobMixin, View):
    template_name = "workbooks/import_preview.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.job.status == ImportStatus.UPLOADED:
            return redirect("office:workbook-import-mapping", pk=self.job.pk)
        rows = importing.preview(self.job)
        mapped = sorted(((int(index), key) for index, key in self.job.mapping.items()), key=lambda item: item[0])
        columns = {column.key: column for column in columns_for(self.job.kind)}
        preview_rows = [
            {
                "number": row.number,
                "cells": [
                    {
                        "value": row.cells[index] if index < len(row.cells) else None,
                        "invalid": any(error["field"] == key for error in row.errors),
                    }
                    for index, key in mapped
                ],
                "errors": shown_errors(self.job.kind, row.errors),
            }
            for row in rows
        ]
        context = {
            "job": self.job,
            "headers": [columns[key].header() for _index, key in mapped],
            "rows": preview_rows,
            "error_rows": sum(1 for row in rows if row.errors),
            "in_request": self.job.total_rows <= importing.IN_REQUEST_ROWS,
        }
        return render(request, self.template_name, context)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.job.status != ImportStatus.MAPPED or self.job.task_id:
            return redirect("office:workbook-import", pk=self.job.pk)
        importing.request_check(job=self.job)
        return redirect("office:workbook-import", pk=self.job.pk)


class ImportJobView(JobMixin, View):
    """The job's page: progress while it works, then errors and duplicates to review, then the result."""

    template_name = "workbooks/import_job.html"

    def review_form(self, data: Any = None) -> ReviewForm:
        return ReviewForm(data, job=self.job, shown=self.job.duplicates[:SHOWN_DUPLICATES])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_page(self.review_form())

    def render_page(self, form: ReviewForm, *, status: int = 200) -> HttpResponse:
        job = self.job
        duplicates = [
            {
                "row": entry["row"],
                "names": entry["names"],
                "field": form[f"row_{entry['row']}"],
                "matches": [
                    {**match, "reasons": [reason_label(code) for code in match["reasons"]]}
                    for match in entry["matches"]
                ],
            }
            for entry in job.duplicates[:SHOWN_DUPLICATES]
        ]
        context = {
            "job": job,
            "form": form,
            "errors": shown_errors(job.kind, job.row_errors[:SHOWN_ERRORS]),
            "more_errors": max(0, job.error_count - SHOWN_ERRORS),
            "duplicates": duplicates,
            "more_duplicates": max(0, job.duplicate_count - SHOWN_DUPLICATES),
            "failure": failure_message(job.failure) if job.failure else "",
            "can_start": job.status == ImportStatus.VALIDATED,
            "list_url": _list_url(job.kind),
        }
        return render(self.request, self.template_name, context, status=status)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        if self.job.status != ImportStatus.VALIDATED:
            return redirect("office:workbook-import", pk=self.job.pk)
        form = self.review_form(request.POST)
        if not form.is_valid():
            return self.render_page(form, status=400)
        importing.decide(
            job=self.job,
            decisions=form.decisions(),
            default=form.cleaned_data["default_decision"] or DuplicateChoice.SKIP,
            skip_invalid=form.cleaned_data["skip_invalid"],
        )
        if not importing.can_start(self.job):
            form.add_error("skip_invalid", _("Fix the rows with errors in the file, or choose to leave them out."))
            return self.render_page(form, status=400)
        job = importing.start_import(job=self.job)
        return redirect("office:workbook-import", pk=job.pk)


class ImportProgressView(JobMixin, View):
    """The progress bar htmx polls; once the work is over it asks the page to reload."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        response = render(request, "workbooks/_progress.html", {"job": self.job})
        if not self.job.is_busy:
            response["HX-Refresh"] = "true"
        return response


def _list_url(kind: str) -> str:
    if kind == ImportKind.PROJECTS:
        try:
            return reverse("office:project-list")
        except NoReverseMatch:  # the project list is being built
            return reverse("office:home")
    return reverse("office:enterprise-list")


class ExportView(OfficeAccessMixin, View):
    """The list's rows with its filters (the same GET parameters) as an .xlsx download."""

    permission_required = "workbooks.export"

    def get(self, request: HttpRequest, kind: str) -> FileResponse:
        if kind == ImportKind.ENTERPRISES:
            _form, enterprises = filtered_enterprises(request.GET)
            queryset: QuerySet[Any] = enterprises
        elif kind == ImportKind.CONTACTS:
            if not request.user.has_perm("crm.view_contact"):
                raise PermissionDenied
            _form, enterprises = filtered_enterprises(request.GET)
            queryset = Contact.objects.filter(enterprise__in=enterprises.values("pk")).order_by("enterprise_id", "pk")
        elif kind == ImportKind.PROJECTS:
            form = ProjectFilterForm(request.GET or None)
            data = form.cleaned_data if form.is_valid() else {}
            projects = apply_filters(with_list_figures(project_list(request.user)), data)
            queryset = apply_sort(projects, data.get("sort"))
        else:
            raise Http404
        return FileResponse(exports.EXPORTERS[kind](queryset), as_attachment=True, filename=exports.file_name(kind))
