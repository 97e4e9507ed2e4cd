"""Back-office pages of filings: the review queue, a filing, its files, accepting and declining."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from yunzhao.core import audit
from yunzhao.core.access import ObjectPermissionMixin, OfficeAccessMixin
from yunzhao.crm.languages import language_names
from yunzhao.crm.models import Enterprise, Industry
from yunzhao.crm.views.helpers import staff_user
from yunzhao.intake import filings
from yunzhao.intake.forms import AcceptForm, DeclineForm, country_name
from yunzhao.intake.models import Attachment, Filing, FilingStatus

AGES = {"7": 7, "30": 30, "90": 90}


class FilingObjectMixin(ObjectPermissionMixin):
    kwargs: dict[str, Any]

    @cached_property
    def filing(self) -> Filing:
        return get_object_or_404(
            Filing.objects.select_related(
                "industry",
                "industry__parent",
                "investor",
                "opportunity",
                "decided_by",
                "project",
                "enterprise",
                "contact",
            ),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self) -> Filing:
        return self.filing


class FilingListView(OfficeAccessMixin, ListView):
    """The review queue: open filings first, oldest waiting first; filters by status, country,
    industry section and age."""

    template_name = "intake/office_list.html"
    permission_required = "intake.view_filing"
    paginate_by = 25

    def filters(self) -> dict[str, str]:
        get = self.request.GET
        return {name: get.get(name, "").strip()[:20] for name in ("status", "country", "industry", "age")}

    def get_queryset(self) -> QuerySet[Filing]:
        chosen = self.filters()
        queryset = Filing.objects.select_related("industry")
        status = chosen["status"]
        if status in FilingStatus.values:
            queryset = queryset.filter(status=status)
        elif status != "all":
            queryset = queryset.filter(status__in=[FilingStatus.SUBMITTED, FilingStatus.IN_REVIEW])
        if chosen["country"]:
            queryset = queryset.filter(company_country=chosen["country"].upper())
        if chosen["industry"].isdigit():
            industry = int(chosen["industry"])
            queryset = queryset.filter(industry__parent_id=industry) | queryset.filter(industry_id=industry)
        if chosen["age"] in AGES:
            queryset = queryset.filter(submitted_at__lte=timezone.now() - dt.timedelta(days=AGES[chosen["age"]]))
        if status in {"", FilingStatus.SUBMITTED, FilingStatus.IN_REVIEW}:
            return queryset.order_by("submitted_at", "pk")
        return queryset.order_by("-submitted_at", "-pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        for filing in context["object_list"]:
            filing.country_label = country_name(filing.company_country)
        countries = sorted(set(Filing.objects.order_by().values_list("company_country", flat=True).distinct()))
        context.update(
            filters=self.filters(),
            statuses=FilingStatus.choices,
            countries=[(code, country_name(code)) for code in countries],
            sections=list(Industry.objects.filter(parent__isnull=True).order_by("code")),
            now=timezone.now(),
        )
        return context


class FilingDetailView(FilingObjectMixin, OfficeAccessMixin, TemplateView):
    """Everything the investor sent, the files, the probable duplicates and the two answers."""

    template_name = "intake/office_detail.html"
    permission_required = "intake.view_filing"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        filing = self.filing
        can_review = self.request.user.has_perm("intake.review_filing", filing)
        duplicates = filings.probable_duplicates(filing) if filing.is_open else []
        user = self.request.user
        context = {
            **kwargs,
            "filing": filing,
            "object": filing,
            "country": country_name(filing.company_country),
            "languages": language_names(filing.contact_languages or []),
            "attachments": list(filing.attachments.all()),
            "duplicates": duplicates,
            "can_review": can_review,
            "history": audit.history_for(filing)[:30],
        }
        if can_review and filing.is_open:
            context.setdefault(
                "accept_form",
                AcceptForm(
                    duplicates=[match.enterprise for match in duplicates],
                    initial={
                        "enterprise": duplicates[0].enterprise.pk if duplicates else 0,
                        "department": getattr(user, "department_id", None),
                        "owner": user.pk,
                    },
                ),
            )
            context.setdefault("decline_form", DeclineForm())
        return super().get_context_data(**context)


class FilingActionView(FilingObjectMixin, OfficeAccessMixin, View):
    """POST: ``review`` (take it), ``accept`` or ``decline``."""

    permission_required = "intake.review_filing"
    http_method_names = ["post"]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """A button's target: staff who open it get 405, whoever they are; others as any office page."""
        if request.method != "POST" and request.user.has_perm("office.access"):
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        filing = self.filing
        by = staff_user(request)
        try:
            if action == "review":
                filings.start_review(filing=filing, by=by)
                messages.success(request, _("You are reviewing this filing."))
            elif action == "accept":
                duplicates = filings.probable_duplicates(filing)
                form = AcceptForm(request.POST, duplicates=[match.enterprise for match in duplicates])
                if not form.is_valid():
                    return self._again(accept_form=form)
                chosen = form.cleaned_data["enterprise"]
                enterprise = Enterprise.objects.filter(pk=chosen).first() if chosen else None
                result = filings.accept_filing(
                    filing=filing,
                    by=by,
                    department=form.cleaned_data["department"],
                    owner=form.cleaned_data["owner"],
                    enterprise=enterprise,
                )
                messages.success(request, _("The filing is accepted: the project is in the pipeline at “lead”."))
                return redirect("office:project-detail", pk=result.project.pk)
            elif action == "decline":
                decline_form = DeclineForm(request.POST)
                if not decline_form.is_valid():
                    return self._again(decline_form=decline_form)
                filings.decline_filing(filing=filing, by=by, reason=decline_form.cleaned_data["reason"])
                messages.success(request, _("The filing is declined; the investor receives the reason by e-mail."))
            else:
                return HttpResponse(status=404)
        except filings.FilingDecidedError:
            messages.error(request, _("This filing has already been decided."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("office:filing-detail", pk=filing.pk)

    def _again(self, **forms: Any) -> HttpResponse:
        view = FilingDetailView()
        view.setup(self.request, pk=self.filing.pk)
        view.filing = self.filing
        response = view.render_to_response(view.get_context_data(**forms))
        response.status_code = 400
        return response


class AttachmentDownloadView(ObjectPermissionMixin, OfficeAccessMixin, View):
    """A filing's file, for staff only, always as a download under its original name."""

    permission_required = "intake.view_filing"

    @cached_property
    def attachment(self) -> Attachment:
        return get_object_or_404(
            Attachment.objects.select_related("filing"), pk=self.kwargs["pk"], filing__isnull=False
        )

    def get_permission_object(self) -> Filing | None:
        return self.attachment.filing

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        attachment = self.attachment
        response = FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
