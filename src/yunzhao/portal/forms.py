"""Back-office forms of portal content: one form per kind of content and language edited, and
the portal's policy filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from yunzhao.accounts.models import Department, DepartmentKind
from yunzhao.core.content import TranslatedContent, source_language
from yunzhao.crm.models import Industry, Ownership
from yunzhao.portal.models import (
    AdvantageSection,
    Caption,
    Letter,
    Opportunity,
    Policy,
    PolicyTopic,
    ServiceEntry,
    Video,
)


@dataclass(frozen=True)
class ContentKind:
    """A kind of portal content as the back office edits it."""

    slug: str
    model: type[TranslatedContent]
    shared: tuple[str, ...]  # fields not translated, edited with every language
    relations: tuple[str, ...] = ()  # many-to-many among ``shared``

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural)


KINDS: dict[str, ContentKind] = {
    kind.slug: kind
    for kind in (
        ContentKind("letter", Letter, ("signature",)),
        ContentKind("video", Video, ("file", "poster")),
        ContentKind(
            "opportunity",
            Opportunity,
            (
                "kind",
                "industry",
                "district",
                "investment_sought",
                "currency",
                "land_area_mu",
                "land_area_m2",
                "floor_space_m2",
                "image",
                "is_featured",
                "sort_order",
            ),
        ),
        ContentKind("advantage", AdvantageSection, ("topic", "indicator_codes", "sort_order")),
        ContentKind("service", ServiceEntry, ("category", "phone", "website", "sort_order")),
        ContentKind(
            "policy",
            Policy,
            (
                "topic",
                "valid_from",
                "valid_until",
                "industries",
                "min_investment_cny",
                "max_investment_cny",
                "ownership_types",
                "min_jobs",
                "districts",
            ),
            relations=("industries", "districts"),
        ),
    )
}


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class CodesField(forms.CharField):
    """A list of short codes typed separated by commas or spaces."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = str(super().to_python(value) or "")
        return [part for part in text.replace(",", " ").split() if part]


def _verbose_name(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    return str(getattr(field, "verbose_name", name))


class ContentForm(forms.ModelForm):
    """Base of the generated forms: ``language`` is the language whose text is edited."""

    language: str
    kind: ContentKind
    translated: tuple[str, ...] = ()  # the localized field names of ``language``

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model = self.kind.model
        required = (
            model.REQUIRED_TRANSLATED_FIELDS
            if model.REQUIRED_TRANSLATED_FIELDS is not None
            else model.TRANSLATED_FIELDS
        )
        for name, field in self.fields.items():
            field.label = capfirst(field.label)
            if name in self.translated:
                original = model.TRANSLATED_FIELDS[self.translated.index(name)]
                field.required = self.language == source_language() and original in required
                field.label = capfirst(_verbose_name(model, original))
                field.widget.attrs["lang"] = self.language
                field.widget.attrs["dir"] = "rtl" if self.language == "ar" else "ltr"
            if isinstance(field, forms.ModelChoiceField) and name in ("district", "districts"):
                field.queryset = Department.objects.filter(kind=DepartmentKind.DISTRICT).order_by("name")
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.widget = forms.CheckboxSelectMultiple()
                field.queryset = field.queryset  # hands the choices to the new widget
            if isinstance(field, forms.DateField):
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 6)
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "form-check-input")
            elif not isinstance(field.widget, forms.CheckboxSelectMultiple):
                css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                field.widget.attrs.setdefault("class", css)

    def translated_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if name in self.kind.relations:
                continue
            if isinstance(self.fields[name], forms.FileField):
                if value is None:
                    continue  # nothing uploaded: keep the file
                if value is False:
                    value = ""  # cleared
            values[name] = value
        return values

    def relation_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.kind.relations}


def content_form(kind: ContentKind, language: str) -> type[ContentForm]:
    """The form of ``kind`` editing the text of ``language`` and the shared fields."""
    model = kind.model
    translated = tuple(build_localized_fieldname(name, language) for name in model.TRANSLATED_FIELDS)
    attrs: dict[str, Any] = {
        "Meta": type("Meta", (), {"model": model, "fields": [*translated, *kind.shared]}),
        "language": language,
        "kind": kind,
        "translated": translated,
    }
    if "indicator_codes" in kind.shared:
        attrs["indicator_codes"] = CodesField(
            label=_("indicator codes"),
            required=False,
            max_length=500,
            help_text=_("Separated by commas, e.g. gdp, trade_total."),
        )
    if "website" in kind.shared:
        attrs["website"] = forms.URLField(label=_("website"), required=False, max_length=300, assume_scheme="https")
    if "ownership_types" in kind.shared:
        attrs["ownership_types"] = forms.MultipleChoiceField(
            label=_("ownership types"),
            choices=Ownership.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("None: any ownership."),
        )
    return type(f"{model.__name__}Form", (ContentForm,), attrs)


def source_texts(content: models.Model, kind: ContentKind) -> list[tuple[str, str]]:
    """The source language's text of each translated field, for the translator's reference."""
    model = kind.model
    return [
        (
            _verbose_name(model, name),
            str(getattr(content, build_localized_fieldname(name, source_language()), "") or ""),
        )
        for name in model.TRANSLATED_FIELDS
    ]


class CaptionForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("language"), choices=settings.LANGUAGES)

    class Meta:
        model = Caption
        fields = ["language", "label", "file"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)


class PolicyFilterForm(forms.Form):
    """The policy library's filter (GET)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=[("", _("All topics")), *PolicyTopic.choices])
    industry: forms.ModelChoiceField[Industry] = forms.ModelChoiceField(
        label=_("Industry"),
        required=False,
        queryset=Industry.objects.filter(parent__isnull=True).order_by("code"),
        empty_label=_("All industries"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        industry = self.fields["industry"]
        assert isinstance(industry, forms.ModelChoiceField)
        industry.label_from_instance = lambda obj: f"{obj.code} {obj.name}"  # type: ignore[method-assign]
        industry.widget.attrs["class"] = "form-select"
