"""The exhibitor area's forms: a booth's or a product's texts in one language with the fields
shared by every language, and a document upload."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core.content import TranslatedContent, source_language
from yunzhao.core.forms import StyledFormMixin
from yunzhao.intake.attachments import MAX_SIZE, check_file
from yunzhao.matchmaking import booths
from yunzhao.matchmaking.models import Booth, BoothDocument, Product

CURRENCIES = ("USD", "CNY", "EUR", "JPY", "KRW", "GBP", "HKD", "AED", "SAR", "RUB")


def _verbose_name(model: type[models.Model], name: str) -> str:
    return str(capfirst(getattr(model._meta.get_field(name), "verbose_name", name)))


class TranslatedForm(StyledFormMixin, forms.ModelForm):
    """A model form editing the texts of ``language`` (``translated``) and shared fields."""

    language: str
    translated: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model: type[TranslatedContent] = self._meta.model
        required = model.REQUIRED_TRANSLATED_FIELDS or model.TRANSLATED_FIELDS
        for name, field in self.fields.items():
            if name in self.translated:
                original = model.TRANSLATED_FIELDS[self.translated.index(name)]
                field.label = _verbose_name(model, original)
                field.required = self.language == source_language() and original in required
                field.widget.attrs["lang"] = self.language
                field.widget.attrs["dir"] = "rtl" if self.language == "ar" else "ltr"
            else:
                field.label = capfirst(field.label)
            if isinstance(field, forms.URLField):
                field.widget.attrs["dir"] = "ltr"
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 5

    def values(self) -> dict[str, Any]:
        """The cleaned values for the domain function; an untouched file field is left out."""
        values: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if isinstance(self.fields[name], forms.FileField):
                if value is None:
                    continue  # nothing uploaded: keep the file
                if value is False:
                    value = ""  # cleared
            values[name] = value
        return values


def _clean_image(form: forms.BaseForm, name: str) -> Any:
    file = form.cleaned_data.get(name)
    if file and hasattr(file, "read") and not getattr(file, "_committed", False):
        if getattr(file, "size", 0) > MAX_SIZE:
            raise ValidationError(_("The image is larger than 20 MB. Please send a smaller one."))
        booths.check_image(file, name=getattr(file, "name", ""))
    return file


class BoothForm(TranslatedForm):
    def clean_logo(self) -> Any:
        return _clean_image(self, "logo")


class ProductForm(TranslatedForm):
    currency = forms.ChoiceField(label=_("currency"), choices=[(code, code) for code in CURRENCIES], initial="USD")

    def clean_image(self) -> Any:
        return _clean_image(self, "image")

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        try:
            booths.check_price_range(cleaned.get("price_min"), cleaned.get("price_max"))
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


def _translated(model: type[TranslatedContent], language: str) -> tuple[str, ...]:
    return tuple(build_localized_fieldname(name, language) for name in model.TRANSLATED_FIELDS)


def _formfield(field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """Model fields' form fields; addresses typed without a scheme are taken as https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


def booth_form(language: str) -> type[BoothForm]:
    translated = _translated(Booth, language)
    meta = type(
        "Meta",
        (),
        {
            "model": Booth,
            "fields": [*translated, *booths.BOOTH_SHARED_FIELDS],
            "formfield_callback": _formfield,
            "help_texts": {
                "video_url": _("A link to the video, or the address of an MP4 or WebM file to play on the booth page.")
            },
        },
    )
    return type("BoothForm", (BoothForm,), {"Meta": meta, "language": language, "translated": translated})


def product_form(language: str) -> type[ProductForm]:
    translated = _translated(Product, language)
    shared = [name for name in booths.PRODUCT_SHARED_FIELDS if name != "position"]
    meta = type(
        "Meta",
        (),
        {
            "model": Product,
            "fields": [*translated, *shared],
            "widgets": {build_localized_fieldname("specifications", language): forms.Textarea},
        },
    )
    return type("ProductForm", (ProductForm,), {"Meta": meta, "language": language, "translated": translated})


class DocumentForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = BoothDocument
        fields = ["title", "file", "language"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.label = capfirst(field.label)
        self.fields["file"].help_text = _("PDF, Word, Excel or an image, at most 20 MB.")
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [("", _("Any language")), *settings.LANGUAGES]

    def clean_file(self) -> Any:
        file = self.cleaned_data.get("file")
        if file:
            check_file(file, name=getattr(file, "name", ""))
        return file


def source_texts(content: TranslatedContent) -> list[tuple[str, str]]:
    """The source language's text of each translated field, for reference beside another language."""
    model = type(content)
    return [
        (
            _verbose_name(model, name),
            str(getattr(content, build_localized_fieldname(name, source_language())) or ""),
        )
        for name in model.TRANSLATED_FIELDS
    ]
