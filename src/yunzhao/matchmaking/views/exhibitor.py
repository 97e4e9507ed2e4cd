"""The exhibitor area at /<lang>/fairs/<slug>/exhibitor/: an exhibitor account's booths, edited one
language at a time, with products, documents and publication.

Only the booth's exhibitor accounts (``Booth.accounts``) reach a booth here; anyone else gets
"not found" (a booth of someone else is not revealed) and a signed-in account without a booth in
the fair "forbidden".
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from yunzhao.core.content import TranslatedContent, source_language
from yunzhao.matchmaking import access, booths
from yunzhao.matchmaking.booth_forms import (
    BoothForm,
    DocumentForm,
    ProductForm,
    TranslatedForm,
    booth_form,
    product_form,
    source_texts,
)
from yunzhao.matchmaking.models import Booth, BoothDocument, Fair, Product


def _report(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


class ExhibitorMixin(LoginRequiredMixin):
    kwargs: dict[str, Any]
    request: Any

    @cached_property
    def fair(self) -> Fair:
        return get_object_or_404(Fair, slug=self.kwargs["slug"])

    def my_booths(self) -> QuerySet[Booth]:
        return access.booths_run_by(self.request.user, self.fair)

    def my_booth(self, pk: int) -> Booth:
        return get_object_or_404(self.my_booths().select_related("hall"), pk=pk)

    def booth_url(self, booth_pk: int, language: str | None = None) -> str:
        url = reverse("fairs:booth-edit", args=[self.fair.slug, booth_pk])
        return f"{url}?language={language}" if language else url


class LanguageMixin:
    """The language edited: ``?language=ja`` (or the posted one), the source language by default."""

    request: Any

    @cached_property
    def language(self) -> str:
        wanted = self.request.GET.get("language") or self.request.POST.get("language") or source_language()
        return wanted if wanted in dict(settings.LANGUAGES) else source_language()

    def language_context(self, content: TranslatedContent | None) -> dict[str, Any]:
        statuses = {status.code: status for status in content.translation_status()} if content else {}
        return {
            "language": self.language,
            "tabs": [
                (code, get_language_info(code)["name_local"], statuses.get(code)) for code, _name in settings.LANGUAGES
            ],
            "source": source_texts(content) if content and self.language != source_language() else [],
        }


class ExhibitorHomeView(ExhibitorMixin, TemplateView):
    """The booths this account runs in the fair."""

    template_name = "matchmaking/exhibitor/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        mine = list(self.my_booths().select_related("hall").order_by("number", "pk"))
        if not mine:
            raise PermissionDenied
        return super().get_context_data(fair=self.fair, booths=mine, **kwargs)


class BoothEditView(ExhibitorMixin, LanguageMixin, FormView):
    """One language of a booth's texts with its logo, video and website; products and documents."""

    template_name = "matchmaking/exhibitor/booth_edit.html"

    @cached_property
    def booth(self) -> Booth:
        return self.my_booth(self.kwargs["pk"])

    def get_form_class(self) -> type[BoothForm]:
        return booth_form(self.language)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.booth}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        booth = self.booth
        return super().get_context_data(
            fair=self.fair,
            booth=booth,
            products=list(booth.products.all()),
            documents=list(booth.documents.all()),
            document_form=kwargs.pop("document_form", None) or DocumentForm(),
            **self.language_context(booth),
            **kwargs,
        )

    def form_valid(self, form: TranslatedForm) -> HttpResponse:
        try:
            booths.save_booth(booth=self.booth, language=self.language, by=self.request.user, values=form.values())
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect(self.booth_url(self.booth.pk, self.language))


class BoothPublishView(ExhibitorMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        booth = self.my_booth(pk)
        if request.POST.get("action") == "unpublish":
            booths.unpublish_booth(booth=booth, by=request.user)
            messages.success(request, _("Your booth is no longer shown to visitors."))
        else:
            try:
                booths.publish_booth(booth=booth, by=request.user)
            except ValidationError as error:
                _report(request, error)
            else:
                messages.success(request, _("Published: visitors see your booth now."))
        return redirect(self.booth_url(booth.pk, request.POST.get("language")))


class ProductFormView(ExhibitorMixin, LanguageMixin, FormView):
    """Create (``booth`` pk in the address) or edit (``product`` pk) a product in one language."""

    template_name = "matchmaking/exhibitor/product_form.html"

    @cached_property
    def product(self) -> Product | None:
        return None

    @cached_property
    def booth(self) -> Booth:
        raise NotImplementedError

    def get_form_class(self) -> type[ProductForm]:
        return product_form(self.language)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.product}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            fair=self.fair,
            booth=self.booth,
            product=self.product,
            **self.language_context(self.product),
            **kwargs,
        )

    def form_valid(self, form: TranslatedForm) -> HttpResponse:
        product = self.product or Product(booth=self.booth)
        try:
            booths.save_product(product=product, language=self.language, by=self.request.user, values=form.values())
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The product was saved."))
        url = reverse("fairs:product-edit", args=[self.fair.slug, product.pk])
        return redirect(f"{url}?language={self.language}")


class ProductCreateView(ProductFormView):
    @cached_property
    def booth(self) -> Booth:
        return self.my_booth(self.kwargs["pk"])


class ProductEditView(ProductFormView):
    @cached_property
    def product(self) -> Product | None:
        return get_object_or_404(
            Product.objects.select_related("booth"), booth__in=self.my_booths(), pk=self.kwargs["pk"]
        )

    @cached_property
    def booth(self) -> Booth:
        assert self.product is not None
        return self.product.booth


class ProductDeleteView(ExhibitorMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        product = get_object_or_404(Product, booth__in=self.my_booths(), pk=pk)
        booth_pk = product.booth_id
        booths.delete_product(product=product, by=request.user)
        messages.success(request, _("The product was removed."))
        return redirect(self.booth_url(booth_pk))


class DocumentCreateView(ExhibitorMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        booth = self.my_booth(pk)
        form = DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                booths.add_document(
                    booth=booth,
                    title=form.cleaned_data["title"],
                    file=form.cleaned_data["file"],
                    language=form.cleaned_data["language"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(request, _("The document was added."))
                return redirect(f"{self.booth_url(booth.pk)}#documents")
        view = BoothEditView()
        view.setup(request, slug=slug, pk=pk)
        booth_form_class = view.get_form_class()
        return view.render_to_response(view.get_context_data(form=booth_form_class(instance=booth), document_form=form))


class DocumentDeleteView(ExhibitorMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        document = get_object_or_404(BoothDocument, booth__in=self.my_booths(), pk=pk)
        booth_pk = document.booth_id
        booths.delete_document(document=document, by=request.user)
        messages.success(request, _("The document was removed."))
        return redirect(f"{self.booth_url(booth_pk)}#documents")
