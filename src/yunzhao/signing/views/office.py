"""Back-office pages of cloud signing, under /<lang>/office/agreements/: thin views over the domain functions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from yunzhao.core import audit
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.crm.views.helpers import add_domain_errors, staff_user
from yunzhao.signing import agreements
from yunzhao.signing.forms import (
    AgreementForm,
    DocumentUploadForm,
    GenerateDocumentForm,
    PartyForm,
    SignatoryForm,
    VoidForm,
)
from yunzhao.signing.models import Agreement, AgreementStatus, SigningEvent
from yunzhao.signing.queries import agreement_list


class AgreementListView(OfficeAccessMixin, ListView):
    model = Agreement
    paginate_by = 25
    template_name = "signing/agreement_list.html"
    context_object_name = "agreements"
    permission_required = "signing.view_agreement"

    def get_queryset(self) -> QuerySet[Agreement]:
        queryset = agreement_list().order_by("-created_at", "-pk")
        status = self.request.GET.get("status", "")
        if status in AgreementStatus.values:
            queryset = queryset.filter(status=status)
        return queryset

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["statuses"] = AgreementStatus.choices
        context["current_status"] = self.request.GET.get("status", "")
        return context


class AgreementCreateView(OfficeAccessMixin, FormView):
    form_class = AgreementForm
    template_name = "signing/agreement_form.html"
    permission_required = "signing.add_agreement"

    def form_valid(self, form: AgreementForm) -> HttpResponse:
        values = {name: form.cleaned_data[name] for name in agreements.EDITABLE_FIELDS}
        for name in agreements.EDITABLE_FIELDS:
            if name.startswith("title_") and name != "title_zh_hans":
                values[name] = values[name] or None
        try:
            agreement = agreements.create_agreement(by=staff_user(self.request), **values)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The agreement was created. Now give it its document and its parties."))
        return redirect("office:agreement-detail", pk=agreement.pk)


class AgreementObjectMixin:
    """Loads ``self.agreement`` from the URL's pk (404 if there is none)."""

    agreement: Agreement
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.agreement = get_object_or_404(Agreement, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["agreement"] = self.agreement
        return dict(context)


class AgreementDetailView(OfficeAccessMixin, DetailView):
    model = Agreement
    template_name = "signing/agreement_detail.html"
    permission_required = "signing.view_agreement"
    context_object_name = "agreement"

    def get_queryset(self) -> QuerySet[Agreement]:
        return agreement_list()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        agreement = self.object
        parties = list(agreement.parties.select_related("enterprise").prefetch_related("signatories"))
        context["parties"] = parties
        context["events"] = SigningEvent.objects.filter(agreement=agreement).select_related("signatory")
        context["history"] = audit.history_for(agreement)[:50]
        context["void_form"] = VoidForm()
        context["can_send"] = agreement.is_draft and bool(agreement.document) and parties
        return context


class DraftFormView(OfficeAccessMixin, AgreementObjectMixin, FormView):
    """A form that changes a draft; a sent agreement sends the user back to its page."""

    permission_required = "signing.change_agreement"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.agreement.is_draft:
            messages.info(request, _("This agreement has been sent: its document and parties are fixed."))
            return redirect("office:agreement-detail", pk=self.agreement.pk)
        return super().get(request, *args, **kwargs)

    def run(self, form: Any) -> None:
        raise NotImplementedError

    success_message = ""

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            self.run(form)
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect("office:agreement-detail", pk=self.agreement.pk)


class AgreementDocumentUploadView(DraftFormView):
    form_class = DocumentUploadForm
    template_name = "signing/document_upload.html"

    def run(self, form: DocumentUploadForm) -> None:
        self.success_message = _("The document was attached.")
        agreements.attach_document(
            agreement=self.agreement,
            data=form.cleaned_data["data"],
            filename=form.cleaned_data["document"].name,
            by=staff_user(self.request),
        )


class AgreementDocumentGenerateView(DraftFormView):
    form_class = GenerateDocumentForm
    template_name = "signing/document_generate.html"

    def run(self, form: GenerateDocumentForm) -> None:
        self.success_message = _("The bilingual document was generated and attached.")
        agreements.generate_document(
            agreement=self.agreement,
            by=staff_user(self.request),
            title_partner=form.cleaned_data["title_partner"],
            text_zh=form.cleaned_data["text_zh"],
            text_partner=form.cleaned_data["text_partner"],
            language=form.cleaned_data["language"],
        )


class AgreementPartyCreateView(DraftFormView):
    form_class = PartyForm
    template_name = "signing/party_form.html"

    def run(self, form: PartyForm) -> None:
        self.success_message = _("The party and its signatory were added.")
        agreements.add_party(
            agreement=self.agreement,
            by=staff_user(self.request),
            name=form.cleaned_data["name"],
            enterprise=form.cleaned_data["enterprise"],
            signatories=[form.signatory_values()],
        )


class AgreementSignatoryCreateView(DraftFormView):
    form_class = SignatoryForm
    template_name = "signing/signatory_form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["agreement"] = self.agreement
        return kwargs

    def run(self, form: SignatoryForm) -> None:
        self.success_message = _("The signatory was added.")
        agreements.add_signatory(
            party=form.cleaned_data["party"], by=staff_user(self.request), **form.signatory_values()
        )


class AgreementSendView(OfficeAccessMixin, AgreementObjectMixin, View):
    permission_required = "signing.send_agreement"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            agreements.send_agreement(agreement=self.agreement, by=staff_user(request))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The agreement is out for signature: the signing links were e-mailed."))
        return redirect("office:agreement-detail", pk=self.agreement.pk)


class AgreementVoidView(OfficeAccessMixin, AgreementObjectMixin, FormView):
    form_class = VoidForm
    template_name = "signing/agreement_void.html"
    permission_required = "signing.void_agreement"

    def form_valid(self, form: VoidForm) -> HttpResponse:
        try:
            agreements.void_agreement(
                agreement=self.agreement, by=staff_user(self.request), reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The agreement was voided; its signing links no longer work."))
        return redirect("office:agreement-detail", pk=self.agreement.pk)


class AgreementDocumentView(OfficeAccessMixin, AgreementObjectMixin, View):
    """The original PDF, shown in the browser."""

    permission_required = "signing.view_agreement"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FileResponse:
        if not self.agreement.document:
            raise Http404
        return FileResponse(
            self.agreement.document.open("rb"),
            content_type="application/pdf",
            filename=self.agreement.document_name or f"agreement-{self.agreement.pk}.pdf",
        )


class AgreementFinalView(OfficeAccessMixin, AgreementObjectMixin, View):
    """The final PDF (original, signature page, certificate), downloaded."""

    permission_required = "signing.view_agreement"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FileResponse:
        if not self.agreement.final_document:
            raise Http404
        return FileResponse(
            self.agreement.final_document.open("rb"),
            as_attachment=True,
            content_type="application/pdf",
            filename=f"agreement-{self.agreement.pk}-signed.pdf",
        )
